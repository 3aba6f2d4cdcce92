// Who a session token's user is: Shopify's token exchange for an online access token names them (associated_user).
import { RequestedTokenType, type Shopify } from "@shopify/shopify-api";
import type { StaffMemberDetails } from "../domain/staff/staff-repository.js";

export function createStaffMemberLookup(shopify: Shopify) {
  return async (shopDomain: string, sessionToken: string): Promise<StaffMemberDetails | null> => {
    const { session } = await shopify.auth.tokenExchange({
      shop: shopDomain,
      sessionToken,
      requestedTokenType: RequestedTokenType.OnlineAccessToken,
    });
    const user = session.onlineAccessInfo?.associated_user;
    if (!user) return null;
    return {
      userId: String(user.id),
      firstName: user.first_name || null,
      lastName: user.last_name || null,
      email: user.email || null,
      accountOwner: user.account_owner,
    };
  };
}
