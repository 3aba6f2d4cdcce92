// Plays order lives against the intake at a steady rate: a new order every tick, older ones one step further.
import { lifeSteps, type BenchOrder, type EmailEventStream, type SignedWebhook } from "./email-event-stream.js";

export interface DriveResult {
  /** When the first webhook was posted (ms since the epoch): emails_per_s counts from here. */
  startedAt: number;
  orders: number;
  webhooks: number;
  non2xx: number;
}

const tickMs = 200;
/** Shopify redelivers a webhook whose answer it did not see: one in ten goes twice, with the same webhook id. */
const redeliverEvery = 10;

interface Living {
  order: BenchOrder;
  step: number;
}

async function post(url: string, webhook: SignedWebhook): Promise<boolean> {
  const response = await fetch(url, { method: "POST", headers: webhook.headers, body: webhook.body }).catch(() => null);
  await response?.arrayBuffer();
  return response?.status === 200;
}

/** New orders for `seconds`; each takes its next step every second (five steps), so the last lives end ~5 s later. */
export async function driveOrderLives(
  url: string,
  stream: EmailEventStream,
  options: { seconds: number; ordersPerSecond: number },
): Promise<DriveResult> {
  const result: DriveResult = { startedAt: Date.now(), orders: 0, webhooks: 0, non2xx: 0 };
  const living: Living[][] = [];
  const stepEvery = Math.round(1000 / tickMs);
  const newTicks = Math.round((options.seconds * 1000) / tickMs);
  let owed = 0;
  for (let tick = 0; tick < newTicks || living.some((group) => group.length > 0); tick += 1) {
    const started = Date.now();
    const born: Living[] = [];
    if (tick < newTicks) {
      owed += (options.ordersPerSecond * tickMs) / 1000;
      for (; owed >= 1; owed -= 1) born.push({ order: stream.newOrder(), step: 0 });
      result.orders += born.length;
    }
    living.push(born);
    // The group born `stepEvery` ticks ago takes its next step now; a group done with its life leaves.
    const due = living.filter((_, index) => (living.length - 1 - index) % stepEvery === 0);
    const sends = due.flatMap((group) =>
      group
        .filter((life) => life.step < lifeSteps.length)
        .map((life) => stream.step(life.order, lifeSteps[life.step++] ?? "delivered")),
    );
    for (let index = 0; index < living.length; index += 1) {
      if (living[index]?.every((life) => life.step >= lifeSteps.length)) living[index] = [];
    }
    const copies = sends.flatMap((webhook, index) =>
      (result.webhooks + index) % redeliverEvery === 0 ? [webhook, webhook] : [webhook],
    );
    result.webhooks += sends.length;
    const answers = await Promise.all(copies.map((webhook) => post(url, webhook)));
    result.non2xx += answers.filter((ok) => !ok).length;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, tickMs - (Date.now() - started))));
  }
  return result;
}
