// Holds each shop's discount codes and redeems them when an order names one, as Shopify's checkout does.
import {
  discountStatus,
  redemptionRefusal,
  type DiscountStatus,
  type RedemptionAttempt,
} from "./redemption-refusal.js";
import {
  SimulatorError,
  type CreateDiscountCodeInput,
  type DiscountType,
  type SimDiscountCode,
  type SimDiscountCodeRecord,
} from "./sim-types.js";

export type DiscountIdKind = "discountCode" | "redeemCode";

/** One discount line of an order about to be created, with the stored code it redeems (if the shop has it). */
export interface PreparedRedemption {
  line: SimDiscountCode;
  record: SimDiscountCodeRecord | undefined;
}

// Shopify matches discount codes without regard to case, both for uniqueness and at checkout.
const codeKey = (domain: string, code: string): string => `${domain}\n${code.trim().toLowerCase()}`;

const orderDiscountType = (record: SimDiscountCodeRecord): DiscountType =>
  record.value.type === "free_shipping" ? "shipping" : record.value.type;

export class DiscountCodeBook {
  private readonly byCode = new Map<string, SimDiscountCodeRecord>();

  constructor(
    private readonly nextId: (kind: DiscountIdKind) => number,
    private readonly now: () => Date,
  ) {}

  create(domain: string, input: CreateDiscountCodeInput): SimDiscountCodeRecord {
    if (this.find(domain, input.code)) throw new SimulatorError(`discount code exists: ${input.code}`, 409);
    const at = this.now();
    const record: SimDiscountCodeRecord = {
      ...input,
      id: this.nextId("discountCode"),
      redeemCodeId: this.nextId("redeemCode"),
      shopDomain: domain,
      asyncUsageCount: 0,
      usages: [],
      createdAt: at,
      updatedAt: at,
    };
    this.byCode.set(codeKey(domain, input.code), record);
    return record;
  }

  find(domain: string, code: string): SimDiscountCodeRecord | undefined {
    return this.byCode.get(codeKey(domain, code));
  }

  findById(domain: string, id: number): SimDiscountCodeRecord | undefined {
    return this.list(domain).find((r) => r.id === id);
  }

  list(domain: string): SimDiscountCodeRecord[] {
    return [...this.byCode.values()].filter((r) => r.shopDomain === domain);
  }

  status(record: SimDiscountCodeRecord): DiscountStatus {
    return discountStatus(record, this.now());
  }

  /**
   * Checks every code an order names before the order exists, so a refused code leaves no trace.
   * Codes the shop does not know pass through untouched (tests may describe discounts made elsewhere);
   * known ones take their stored spelling and type, as Shopify's order records them.
   */
  prepareRedemptions(domain: string, lines: SimDiscountCode[], attempt: RedemptionAttempt): PreparedRedemption[] {
    const seen = new Set<string>();
    return lines.map((line) => {
      const key = codeKey(domain, line.code);
      const record = this.byCode.get(key);
      if (!record) return { line, record };
      // A checkout takes a code once; naming it twice must not slip past its usage limit.
      if (seen.has(key)) throw new SimulatorError(`discount code ${record.code} is applied twice`, 422);
      seen.add(key);
      const refusal = redemptionRefusal(record, attempt);
      if (refusal) throw new SimulatorError(refusal, 422);
      return { line: { ...line, code: record.code, type: orderDiscountType(record) }, record };
    });
  }

  /** Counts one use of each redeemed code; Shopify's count is asynchronous, the simulator's immediate. */
  recordUsages(
    prepared: PreparedRedemption[],
    order: { id: number; customerId: number | null; createdAt: Date },
  ): void {
    const at = order.createdAt;
    for (const { record } of prepared) {
      if (!record) continue;
      record.asyncUsageCount += 1;
      record.usages.push({ orderId: order.id, customerId: order.customerId, at });
      record.updatedAt = at;
    }
  }
}
