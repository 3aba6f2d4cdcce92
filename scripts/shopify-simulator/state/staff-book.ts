// Each simulated shop's staff accounts: what Shopify's online token exchange reports as the associated user.
import { DEFAULT_STAFF_ID } from "../admin/admin-routes.js";

export interface SimStaffMember {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  accountOwner: boolean;
  locale: string;
  collaborator: boolean;
}

export type AddStaffMemberInput = Pick<SimStaffMember, "id" | "firstName" | "lastName" | "email"> &
  Partial<Pick<SimStaffMember, "accountOwner" | "locale" | "collaborator">>;

export class StaffBook {
  private readonly members = new Map<string, Map<number, SimStaffMember>>();

  /** Every shop has its owner, the staff member the admin frame signs in by default. */
  private shopMembers(shop: string): Map<number, SimStaffMember> {
    let members = this.members.get(shop);
    if (!members) {
      const ownerId = Number(DEFAULT_STAFF_ID);
      members = new Map([[ownerId, ownerOf(shop, ownerId)]]);
      this.members.set(shop, members);
    }
    return members;
  }

  add(shop: string, input: AddStaffMemberInput): SimStaffMember {
    const member: SimStaffMember = { accountOwner: false, locale: "en", collaborator: false, ...input };
    this.shopMembers(shop).set(member.id, member);
    return member;
  }

  find(shop: string, id: number): SimStaffMember | undefined {
    return this.shopMembers(shop).get(id);
  }
}

function ownerOf(shop: string, id: number): SimStaffMember {
  return {
    id,
    firstName: "Sim",
    lastName: "Owner",
    email: `owner@${shop}`,
    accountOwner: true,
    locale: "en",
    collaborator: false,
  };
}

/** Shopify's associated_user object, as the online access token answer carries it. */
export function associatedUser(member: SimStaffMember) {
  return {
    id: member.id,
    first_name: member.firstName,
    last_name: member.lastName,
    email: member.email,
    account_owner: member.accountOwner,
    locale: member.locale,
    collaborator: member.collaborator,
    email_verified: true,
  };
}
