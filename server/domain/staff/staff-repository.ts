// Staff members by the user id their session tokens carry, with the name Shopify's token exchange gave for them.
import type { PrismaClient } from "@prisma/client";

export interface StaffMemberDetails {
  userId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  accountOwner: boolean;
}

export function createStaffRepository(prisma: PrismaClient) {
  return {
    /** When the member's details were last stored, or null if never. */
    async updatedAt(shopId: number, userId: string): Promise<Date | null> {
      const row = await prisma.staffMember.findUnique({
        where: { shopId_userId: { shopId, userId } },
        select: { updatedAt: true },
      });
      return row?.updatedAt ?? null;
    },

    async save(shopId: number, member: StaffMemberDetails): Promise<void> {
      const { userId, ...details } = member;
      await prisma.staffMember.upsert({
        where: { shopId_userId: { shopId, userId } },
        create: { shopId, userId, ...details },
        // updatedAt moves even when nothing changed: it says when Shopify last confirmed the details.
        update: { ...details, updatedAt: new Date() },
      });
    },
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;
