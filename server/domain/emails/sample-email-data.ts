// A made-up order for template previews and test emails, dated from today so the window reads naturally.
import type { Prisma } from "@prisma/client";
import { isEmailKind } from "./email-kinds.js";

function isoDay(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export function sampleEmailData(kind: string, now = new Date()): Prisma.InputJsonObject {
  const order = {
    name: "#1001",
    currency: "USD",
    totalPrice: "60.50",
    items: [
      { title: "Ceramic Mug", variantTitle: "White", quantity: 2, price: "18.00" },
      { title: "Tea Sampler", variantTitle: null, quantity: 1, price: "24.50" },
    ],
  };
  const tracking = {
    company: "UPS",
    number: "1Z999AA10123456784",
    url: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
  };
  const coupon = {
    code: "THANKS-SAMPLE2345",
    kind: "percentage",
    value: "10",
    currencyCode: "USD",
    minimumSubtotal: null,
    endsAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
  };
  const window = { earliest: isoDay(now, 3), latest: isoDay(now, 5) };
  const data: Prisma.InputJsonObject = { customer: { firstName: "Ana" }, order, sample: true };
  if (!isEmailKind(kind)) return data;
  if (kind === "order_received") return { ...data, window, coupon };
  if (kind === "first_order_thank_you") return { ...data, coupon };
  if (kind === "shipped") return { ...data, tracking, window };
  if (kind === "milestone_reward") {
    const reward = { code: "MILESTONE-SAMPLE2345", kind: "fixed_amount", value: "10", currencyCode: "USD" };
    return { ...data, milestone: { orders: 10 }, coupon: { ...reward, endsOn: isoDay(now, 60) } };
  }
  if (kind === "tier_up") {
    const tier = { name: "Gold", previous: "Silver", multiplier: "1.5", perks: ["Free shipping"] };
    return { ...data, tier, points: { balance: 1620 } };
  }
  return { ...data, tracking, window, coupon };
}
