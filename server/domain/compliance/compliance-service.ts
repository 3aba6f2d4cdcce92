// Acts on Shopify's compliance webhooks: gathers a customer's data, redacts a customer, removes a shop's data.
import type { Shop } from "@prisma/client";
import type { ComplianceRequestRepository } from "./compliance-request-repository.js";
import { customerDataRequestSchema, customerRedactSchema, subjectOf } from "./compliance-payloads.js";
import { describeExport, exportCustomerData } from "./customer-data-export.js";
import { describeRedaction, redactCustomer } from "./redact-customer.js";
import { describeShopRedaction, redactShop } from "./redact-shop.js";

export interface ComplianceInput {
  shop: Shop;
  webhookId: string;
  payload: unknown;
  now: Date;
}

export type ComplianceOutcome =
  | { kind: "done"; recordId: number; summary: string }
  | { kind: "invalid"; error: string }
  | { kind: "refused"; summary: string };

async function dataRequest(records: ComplianceRequestRepository, input: ComplianceInput): Promise<ComplianceOutcome> {
  const { shop, webhookId, payload, now } = input;
  const parsed = customerDataRequestSchema.safeParse(payload);
  if (!parsed.success) return { kind: "invalid", error: parsed.error.message };
  const subject = subjectOf(parsed.data.customer, parsed.data.orders_requested);
  const dataRequestId = parsed.data.data_request ? BigInt(parsed.data.data_request.id) : null;
  return records.inTransaction(async (db) => {
    const data = await exportCustomerData(db, shop, subject, dataRequestId?.toString() ?? null, now);
    const summary = `customer data gathered: ${describeExport(data)}`;
    const recordId = await records.record(
      {
        shopDomain: shop.domain,
        topic: "customers/data_request",
        webhookId,
        shopifyCustomerId: subject.shopifyCustomerId,
        dataRequestId,
        summary,
        export: data,
      },
      db,
    );
    return { kind: "done", recordId, summary: `${summary}; download: GET /api/compliance/requests/${recordId}` };
  });
}

async function customerRedact(
  records: ComplianceRequestRepository,
  input: ComplianceInput,
): Promise<ComplianceOutcome> {
  const { shop, webhookId, payload } = input;
  const parsed = customerRedactSchema.safeParse(payload);
  if (!parsed.success) return { kind: "invalid", error: parsed.error.message };
  const subject = subjectOf(parsed.data.customer, parsed.data.orders_to_redact);
  return records.inTransaction(async (db) => {
    const summary = describeRedaction(await redactCustomer(db, shop, subject));
    const recordId = await records.record(
      {
        shopDomain: shop.domain,
        topic: "customers/redact",
        webhookId,
        shopifyCustomerId: subject.shopifyCustomerId,
        dataRequestId: null,
        summary,
        export: null,
      },
      db,
    );
    return { kind: "done", recordId, summary };
  });
}

/** Only for an uninstalled shop: a shop that installed again keeps its data. */
async function shopRedact(records: ComplianceRequestRepository, input: ComplianceInput): Promise<ComplianceOutcome> {
  const { shop, webhookId } = input;
  if (shop.status !== "uninstalled") return { kind: "refused", summary: "shop is installed; nothing removed" };
  return records.inTransaction(async (db) => {
    const summary = describeShopRedaction(await redactShop(db, shop, webhookId));
    const record = { shopifyCustomerId: null, dataRequestId: null, export: null };
    const recordId = await records.record(
      { ...record, shopDomain: shop.domain, topic: "shop/redact", webhookId, summary },
      db,
    );
    return { kind: "done", recordId, summary };
  });
}

export function createComplianceService(records: ComplianceRequestRepository) {
  return {
    dataRequest: (input: ComplianceInput) => dataRequest(records, input),
    redactCustomer: (input: ComplianceInput) => customerRedact(records, input),
    redactShop: (input: ComplianceInput) => shopRedact(records, input),
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
