// Every route of the customers-and-points area, built from the services in one place.
import type { Router } from "express";
import type { Services } from "../../create-services.js";
import { enqueueMetafieldSync, enqueueRedemptionRetry } from "../../jobs/points-queue.js";
import { customerPointsRoutes } from "./customer-points-routes.js";
import { customerRoutes } from "./customer-routes.js";
import { createRememberStaffMember } from "../../domain/staff/remember-staff-member.js";
import { createStaffRepository } from "../../domain/staff/staff-repository.js";
import { createStaffMemberLookup } from "../../shopify/lookup-staff-member.js";

export function pointsAreaRoutes(services: Services): Router[] {
  const { shopify } = services;
  const { shops, customerAdmin, adjustments, redemptions, ledger, customers } = services.repositories;
  const setBirthday = services.loyalty.rewards.setBirthday;
  // The storefront metafields follow a balance change within seconds; the periodic sweep covers a lost enqueue.
  const pointsChanged = (shopId: number) => {
    enqueueMetafieldSync(services.pointsQueue, shopId).catch((error: unknown) => {
      services.logger.warn({ err: error, shopId }, "metafield sync not queued; the periodic sweep will catch up");
    });
  };
  const rememberStaffMember = createRememberStaffMember({
    staff: createStaffRepository(services.prisma),
    lookup: createStaffMemberLookup(shopify),
    logger: services.logger,
  });
  return [
    customerRoutes({
      shopify,
      shops,
      customers: customerAdmin,
      adjustments,
      pointsChanged,
      setBirthday,
      rememberStaffMember,
    }),
    customerPointsRoutes({
      shopify,
      shops,
      redemptions,
      discounts: services.discounts,
      retryLater: (redemptionId) => enqueueRedemptionRetry(services.pointsQueue, redemptionId),
      balanceOf: (customerId) => ledger.balanceOf(customerId),
      pointsOf: (shopId, shopifyCustomerId) => customerAdmin.pointsByShopifyId(shopId, shopifyCustomerId),
      pointsChanged,
      setBirthday,
      customerIdFor: (shopId, shopifyCustomerId) =>
        customers.upsert(shopId, { shopifyCustomerId: Number(shopifyCustomerId) }),
      extensionOrigins: services.config.EXTENSION_ORIGINS,
    }),
  ];
}
