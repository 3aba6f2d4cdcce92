// Keeps the name of the staff member behind a session token, asking Shopify at most once a day per member.
import type { Logger } from "pino";
import type { StaffMemberDetails, StaffRepository } from "./staff-repository.js";

const refreshAfterMs = 24 * 60 * 60 * 1000;

export interface RememberStaffMemberDeps {
  staff: StaffRepository;
  /** Who the session token's user is (Shopify's online token exchange), null when Shopify does not say. */
  lookup: (shopDomain: string, sessionToken: string) => Promise<StaffMemberDetails | null>;
  logger: Logger;
  now?: () => number;
}

export type RememberStaffMember = (input: {
  shopId: number;
  shopDomain: string;
  userId: string;
  sessionToken: string;
}) => Promise<void>;

/** Never fails the caller: without a name the admin shows the user id, and the next action tries again. */
export function createRememberStaffMember(deps: RememberStaffMemberDeps): RememberStaffMember {
  const now = deps.now ?? Date.now;
  return async ({ shopId, shopDomain, userId, sessionToken }) => {
    try {
      const updatedAt = await deps.staff.updatedAt(shopId, userId);
      if (updatedAt && now() - updatedAt.getTime() < refreshAfterMs) return;
      const member = await deps.lookup(shopDomain, sessionToken);
      // A token whose user Shopify names differently is not one to file under this id.
      if (member && member.userId === userId) await deps.staff.save(shopId, member);
    } catch (error) {
      deps.logger.warn({ err: error, shop: shopDomain, userId }, "staff member's name not resolved");
    }
  };
}
