// Delivery windows for a shop's orders and shipments: the shop's settings and time zone fed to the pure estimate.
import type { PrismaClient } from "@prisma/client";
import type { OrderPayload } from "../orders/order-payload.js";
import {
  chooseTransitRule,
  estimateDelivery,
  estimateDeliveryFromShipment,
  type DeliveryWindow,
  type ShipmentDestination,
} from "./estimate-delivery.js";
import type { TransitRule } from "./shipping-settings.js";
import type { ShippingSettingsRepository } from "./shipping-settings-repository.js";

export interface OrderForEstimate extends ShipmentDestination {
  /** When the order was placed (the payload's created_at). */
  createdAt: Date | string;
}

export interface ShipmentForEstimate extends ShipmentDestination {
  /** When it shipped (the fulfillment's created_at). */
  shippedAt: Date | string;
}

export interface EstimateWithRule {
  window: DeliveryWindow;
  timeZone: string;
  transit: TransitRule;
}

/** What an order webhook says about shipping; null when nothing ships (no address and no shipping line). */
export function orderForEstimate(order: OrderPayload): OrderForEstimate | null {
  const countryCode = order.shipping_address?.country_code ?? null;
  const shippingMethod = order.shipping_lines?.[0]?.title ?? null;
  if (!countryCode && !shippingMethod) return null;
  return { createdAt: order.created_at ?? order.updated_at, countryCode, shippingMethod };
}

export class UnknownShopError extends Error {
  override name = "UnknownShopError";
}

export function createShippingEstimates(deps: { prisma: PrismaClient; settings: ShippingSettingsRepository }) {
  async function shopShipping(shopId: number) {
    const found = await deps.settings.shopShipping(shopId);
    if (!found) throw new UnknownShopError(`no shop ${shopId}`);
    return found;
  }

  /** The window from the order time, with the row and zone that shaped it (the admin's calculator shows them). */
  async function explainOrder(shopId: number, order: OrderForEstimate): Promise<EstimateWithRule> {
    const { settings, timeZone } = await shopShipping(shopId);
    const window = estimateDelivery({ ...order, orderedAt: new Date(order.createdAt), timeZone, settings });
    return { window, timeZone, transit: chooseTransitRule(settings.transit, order) };
  }

  /** The updated window once it has shipped: transit counted from the actual ship date. */
  async function estimateForShipment(shopId: number, shipment: ShipmentForEstimate): Promise<DeliveryWindow> {
    const { settings, timeZone } = await shopShipping(shopId);
    return estimateDeliveryFromShipment({ ...shipment, shippedAt: new Date(shipment.shippedAt), timeZone, settings });
  }

  return {
    explainOrder,
    /** "Arrives between …": from the order time, the shop's cut-off, processing, calendar and transit table. */
    async estimateForOrder(shopId: number, order: OrderForEstimate): Promise<DeliveryWindow> {
      return (await explainOrder(shopId, order)).window;
    },
    estimateForShipment,
    /**
     * For an order we recorded from its webhook; null when it is unknown yet or ships nothing. Once its first
     * shipment is recorded the window counts from the actual ship date (as the shipped email and the delay check do),
     * so the thank-you and order-status pages never keep a promise the order time made.
     */
    async estimateForRecordedOrder(shopId: number, shopifyOrderId: bigint): Promise<DeliveryWindow | null> {
      const key = { shopId_shopifyOrderId: { shopId, shopifyOrderId } };
      const [order, shipment] = await Promise.all([
        deps.prisma.order.findUnique({
          where: key,
          select: { shopifyCreatedAt: true, createdAt: true, shippingCountryCode: true, shippingMethod: true },
        }),
        deps.prisma.orderShipment.findUnique({ where: key, select: { shippedAt: true } }),
      ]);
      if (!order || (!order.shippingCountryCode && !order.shippingMethod)) return null;
      const destination = { countryCode: order.shippingCountryCode, shippingMethod: order.shippingMethod };
      if (shipment) return estimateForShipment(shopId, { ...destination, shippedAt: shipment.shippedAt });
      return (await explainOrder(shopId, { ...destination, createdAt: order.shopifyCreatedAt ?? order.createdAt }))
        .window;
    },
  };
}

export type ShippingEstimates = ReturnType<typeof createShippingEstimates>;
