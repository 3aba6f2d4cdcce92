// Bench phase `emails_per_s`: order lives as webhooks into the real web and worker processes, every email rendered and
// sent over SMTP to the dev catcher (its own process); outbox rows are then matched to caught messages per (order, kind).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateDatabase } from "../scripts/db-migrate.js";
import type { AppConfig } from "../server/config/load-config.js";
import { dropDatabase } from "../server/db/ensure-database.js";
import { startAppOnSimulator, startBenchProcess, waitForHttp, type BenchProcess } from "./bench-processes.js";
import { installAll, startBenchSimulator } from "./bench-simulator.js";
import { deleteKeysWithPrefix } from "./delete-keys-with-prefix.js";
import { driveOrderLives, type DriveResult } from "./drive-order-lives.js";
import { countEmailDeliveries, type CaughtSummary, type OutboxSummary } from "./count-email-deliveries.js";
import { createEmailEventStream } from "./email-event-stream.js";

export interface EmailsPhaseOptions {
  seconds: number;
  /** New orders a second; each then lives through five webhooks a second apart. */
  ordersPerSecond: number;
  /** How long to wait, after the last webhook, for the outbox to empty. */
  drainSeconds: number;
}

export interface EmailsPhaseResult {
  emails_per_s: number;
  emails_orders: number;
  emails_webhooks: number;
  emails_webhooks_non_2xx: number;
  emails_outbox_rows: number;
  emails_caught: number;
  emails_lost: number;
  emails_duplicated: number;
  /** Rows skipped on purpose: a shipped or out-for-delivery email whose order's delivered email already existed. */
  emails_superseded: number;
  emails_seconds: number;
}

const ports = { app: 3106, sim: 3107, smtp: 3108, mailbox: 3109 };

export function emailsPhaseFailed(result: EmailsPhaseResult): boolean {
  return result.emails_lost > 0 || result.emails_duplicated > 0 || result.emails_outbox_rows === 0;
}

/** The survey and the first-order thank-you go at once here (normally three days and 30 minutes later). */
async function sendEverythingNow(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const now = { enabled: true, delayMinutes: 0 };
    await client.query(
      `INSERT INTO email_settings (shop_id, kinds, updated_at) SELECT id, $1::jsonb, now() FROM shop
       ON CONFLICT (shop_id) DO UPDATE SET kinds = EXCLUDED.kinds`,
      [JSON.stringify({ first_order_thank_you: now, nps_survey: now })],
    );
  } finally {
    await client.end();
  }
}

/** Waits until no row is queued or sending and the catcher holds as many messages as rows were sent. */
async function drain(databaseUrl: string, mailboxUrl: string, seconds: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const deadline = Date.now() + seconds * 1000;
  try {
    for (;;) {
      const { rows } = await client.query<OutboxSummary>(
        `SELECT shopify_order_id::text AS "orderId", kind, status, message_id AS "messageId", last_error AS "lastError"
         FROM email_outbox`,
      );
      const caught = (
        (await (await fetch(`${mailboxUrl}/api/messages/summary`)).json()) as { messages: CaughtSummary[] }
      ).messages;
      const open = rows.filter((row) => row.status === "queued" || row.status === "sending").length;
      const sent = rows.filter((row) => row.status === "sent").length;
      if ((open === 0 && caught.length >= sent) || Date.now() > deadline) return { rows, caught };
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    await client.end();
  }
}

function report(
  drive: DriveResult,
  rows: OutboxSummary[],
  counted: ReturnType<typeof countEmailDeliveries>,
  caught: CaughtSummary[],
) {
  const last = Math.max(...caught.map((message) => Date.parse(message.receivedAt)));
  const seconds = caught.length > 0 ? (last - drive.startedAt) / 1000 : 0;
  const result: EmailsPhaseResult = {
    emails_per_s: seconds > 0 ? Math.round((caught.length / seconds) * 10) / 10 : 0,
    emails_orders: drive.orders,
    emails_webhooks: drive.webhooks,
    emails_webhooks_non_2xx: drive.non2xx,
    emails_outbox_rows: counted.expected,
    emails_caught: caught.length,
    emails_lost: counted.lost,
    emails_duplicated: counted.duplicated,
    emails_superseded: rows.filter((row) => row.status === "skipped" && row.lastError?.startsWith("superseded")).length,
    emails_seconds: Math.round(seconds * 10) / 10,
  };
  console.log(
    `  ${result.emails_caught} emails caught from ${result.emails_orders} orders (${result.emails_webhooks} webhooks)` +
      ` in ${result.emails_seconds}s: emails_per_s ${result.emails_per_s}; outbox rows ${result.emails_outbox_rows},` +
      ` lost ${result.emails_lost}, duplicated ${result.emails_duplicated}; superseded (not sent on purpose)` +
      ` ${result.emails_superseded}`,
  );
  for (const line of counted.examples) console.log(`  ${line}`);
  return result;
}

export async function measureEmailsPhase(
  base: AppConfig,
  databaseUrl: string,
  options: EmailsPhaseOptions,
): Promise<EmailsPhaseResult> {
  console.log(
    `emails: ${options.ordersPerSecond} orders/s for ${options.seconds}s, each placed, paid, shipped, out for delivery` +
      " and delivered; every email over SMTP to the catcher",
  );
  const prefix = `afterglow-bench-emails-${randomBytes(3).toString("hex")}`;
  const processes: BenchProcess[] = [];
  await dropDatabase(databaseUrl);
  await migrateDatabase(databaseUrl, true);
  try {
    const catcher = startBenchProcess("emails-catcher", "scripts/smtp-catcher/main.ts", [], {
      SMTP_CATCHER_PORT: String(ports.smtp),
      SMTP_CATCHER_HTTP_PORT: String(ports.mailbox),
    });
    processes.push(catcher);
    const mailboxUrl = `http://127.0.0.1:${ports.mailbox}`;
    await waitForHttp(`${mailboxUrl}/api/messages/summary`, catcher);
    const shops = 2;
    const customersPerShop = Math.ceil((options.seconds * options.ordersPerSecond) / shops) + 10;
    const simulator = await startBenchSimulator({
      name: "emails-simulator",
      apiKey: base.SHOPIFY_API_KEY,
      secret: base.SHOPIFY_API_SECRET,
      simPort: ports.sim,
      appPort: ports.app,
      shops,
      customersPerShop,
    });
    processes.push(simulator.sim);
    const app = await startAppOnSimulator({
      name: "emails",
      apiKey: base.SHOPIFY_API_KEY,
      secret: base.SHOPIFY_API_SECRET,
      simulatorUrl: simulator.url,
      appPort: ports.app,
      databaseUrl,
      redisPrefix: prefix,
      env: { SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`, EMAIL_RETRY_BASE_MS: "1000" },
    });
    processes.push(...app);
    await installAll(simulator.url, simulator.shops);
    await sendEverythingNow(databaseUrl);
    // Email settings are cached for 2 s per process.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const stream = createEmailEventStream({
      shops: simulator.shops,
      secret: base.SHOPIFY_API_SECRET,
      firstOrderId: 7_000_000,
    });
    const drive = await driveOrderLives(`http://127.0.0.1:${ports.app}/api/webhooks`, stream, options);
    const { rows, caught } = await drain(databaseUrl, mailboxUrl, options.drainSeconds);
    return report(drive, rows, countEmailDeliveries(rows, caught), caught);
  } finally {
    await Promise.all(processes.map((process) => process.stop()));
    await deleteKeysWithPrefix(base.REDIS_URL, prefix);
    await dropDatabase(databaseUrl);
  }
}
