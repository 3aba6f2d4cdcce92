// The JSON control API under /_simulator/*: drive merchant actions and read the delivery log over HTTP.
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { z } from "zod";
import type { ShopifySimulator } from "./shopify-simulator.js";
import { COUNTRY_CODES, CURRENCY_CODES, SHIPMENT_STATUSES, SimulatorError } from "./state/sim-types.js";

const money = z.string().regex(/^\d+(\.\d{1,2})?$/);

const shopSchema = z.object({
  domain: z.string(),
  name: z.string(),
  email: z.string().optional(),
  currencyCode: z.enum(CURRENCY_CODES).optional(),
  ianaTimezone: z.string().optional(),
  countryCode: z.enum(COUNTRY_CODES).optional(),
  restoreRate: z.number().positive().optional(),
  maximumAvailable: z.number().positive().optional(),
});

const customerSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string().nullish(),
  locale: z.string().optional(),
  acceptsMarketing: z.boolean().optional(),
});

const orderSchema = z.object({
  customerId: z.number().int().nullish(),
  email: z.string().nullish(),
  lineItems: z
    .array(
      z.object({ title: z.string(), price: money, quantity: z.number().int().positive(), sku: z.string().optional() }),
    )
    .min(1),
  discountCodes: z
    .array(z.object({ code: z.string(), amount: money, type: z.enum(["fixed_amount", "percentage", "shipping"]) }))
    .optional(),
  shippingPrice: money.optional(),
  taxRate: z.number().min(0).max(1).optional(),
  customerLocale: z.string().optional(),
  processedAt: z.coerce.date().optional(),
  test: z.boolean().optional(),
});

const fulfillSchema = z.object({ trackingCompany: z.string(), trackingNumber: z.string() });
const statusSchema = z.object({ status: z.enum(SHIPMENT_STATUSES) });
const refundSchema = z.object({
  lineItems: z.array(z.object({ lineItemId: z.number().int(), quantity: z.number().int().positive() })).min(1),
  note: z.string().optional(),
});
const cancelSchema = z.object({ reason: z.enum(["customer", "fraud", "inventory", "declined", "other"]).optional() });
const releaseSchema = z.object({
  order: z.enum(["fifo", "reverse", "shuffle"]).optional(),
  seed: z.number().int().optional(),
});
const duplicatesSchema = z.object({ count: z.number().int().min(0) });
const webhookSchema = z.object({
  topic: z.string(),
  payload: z.unknown(),
  duplicates: z.number().int().min(0).optional(),
});

type Handler = (req: Request) => unknown;

/** Wraps a handler: its return value is the JSON answer; zod and simulator errors become 400/404/409. */
function json(handler: Handler) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      res.json((await handler(req)) ?? { ok: true });
    } catch (error) {
      if (error instanceof z.ZodError) res.status(400).json({ error: "invalid request", issues: error.issues });
      else if (error instanceof SimulatorError) res.status(error.status).json({ error: error.message });
      else next(error);
    }
  };
}

const id = (req: Request, name: string): number => z.coerce.number().int().parse(req.params[name]);
const shop = (req: Request): string => String(req.params.shop);

export function controlRoutes(sim: ShopifySimulator): Router {
  const r = express.Router();
  r.use(express.json());
  r.post(
    "/shops",
    json((req) => sim.createShop(shopSchema.parse(req.body))),
  );
  r.get(
    "/shops/:shop",
    json((req) => ({ shop: sim.shop(shop(req)), installed: sim.isInstalled(shop(req)) })),
  );
  r.get(
    "/shops/:shop/customers",
    json((req) => sim.store.listCustomers(sim.shop(shop(req)).domain)),
  );
  r.get(
    "/shops/:shop/orders",
    json((req) => sim.store.listOrders(sim.shop(shop(req)).domain)),
  );
  r.get(
    "/shops/:shop/discount-codes",
    json((req) => sim.discountCodes(shop(req))),
  );
  r.post(
    "/shops/:shop/customers",
    json((req) => sim.createCustomer(shop(req), customerSchema.parse(req.body))),
  );
  r.post(
    "/shops/:shop/orders",
    json((req) => sim.createOrder(shop(req), orderSchema.parse(req.body))),
  );
  r.post(
    "/shops/:shop/orders/:id/pay",
    json((req) => sim.payOrder(shop(req), id(req, "id"))),
  );
  r.post(
    "/shops/:shop/orders/:id/cancel",
    json((req) => sim.cancelOrder(shop(req), id(req, "id"), cancelSchema.parse(req.body ?? {}))),
  );
  r.post(
    "/shops/:shop/orders/:id/fulfill",
    json((req) => sim.fulfillOrder(shop(req), id(req, "id"), fulfillSchema.parse(req.body))),
  );
  r.post(
    "/shops/:shop/orders/:id/refund",
    json((req) => sim.refundOrder(shop(req), id(req, "id"), refundSchema.parse(req.body))),
  );
  r.post(
    "/shops/:shop/fulfillments/:id/status",
    json((req) => sim.updateFulfillmentStatus(shop(req), id(req, "id"), statusSchema.parse(req.body).status)),
  );
  r.post(
    "/shops/:shop/uninstall",
    json((req) => sim.uninstallApp(shop(req))),
  );
  r.post(
    "/shops/:shop/install",
    json((req) => sim.installApp(shop(req))),
  );
  r.post(
    "/shops/:shop/customers/:id/data-request",
    json((req) => sim.requestCustomerData(shop(req), id(req, "id"))),
  );
  r.post(
    "/shops/:shop/customers/:id/redact",
    json((req) => sim.redactCustomer(shop(req), id(req, "id"))),
  );
  r.post(
    "/shops/:shop/redact",
    json((req) => sim.redactShop(shop(req))),
  );
  r.post(
    "/shops/:shop/webhooks",
    json((req) => {
      const body = webhookSchema.parse(req.body);
      return sim.sendWebhook(shop(req), body.topic, body.payload, { duplicates: body.duplicates });
    }),
  );
  r.get(
    "/deliveries",
    json(() => sim.deliveries()),
  );
  r.post(
    "/deliveries/hold",
    json(() => sim.holdDeliveries()),
  );
  r.post(
    "/deliveries/release",
    json((req) => sim.releaseDeliveries(releaseSchema.parse(req.body ?? {}))),
  );
  r.post(
    "/deliveries/duplicates",
    json((req) => sim.setDuplicates(duplicatesSchema.parse(req.body).count)),
  );
  r.post(
    "/settle",
    json(() => sim.settle()),
  );
  return r;
}
