// Every route of the customers-and-points area, built from the services in one place.
import type { Router } from "express";
import type { Services } from "../../create-services.js";
import { enqueueRedemptionRetry } from "../../jobs/points-queue.js";
import { customerPointsRoutes } from "./customer-points-routes.js";
import { customerRoutes } from "./customer-routes.js";
import { redemptionSettingsRoutes } from "./redemption-settings-routes.js";

export function pointsAreaRoutes(services: Services): Router[] {
  const { shopify } = services;
  const { shops, customerAdmin, adjustments, redemptions, ledger } = services.repositories;
  return [
    customerRoutes({ shopify, shops, customers: customerAdmin, adjustments }),
    redemptionSettingsRoutes({ shopify, shops, redemptions }),
    customerPointsRoutes({
      shopify,
      shops,
      redemptions,
      discounts: services.discounts,
      retryLater: (redemptionId) => enqueueRedemptionRetry(services.pointsQueue, redemptionId),
      balanceOf: (customerId) => ledger.balanceOf(customerId),
      pointsOf: (shopId, shopifyCustomerId) => customerAdmin.pointsByShopifyId(shopId, shopifyCustomerId),
    }),
  ];
}
