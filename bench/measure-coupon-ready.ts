// The coupon benchmark: orders/create at a steady rate into the real web and worker processes, with the simulator
// as Shopify; each sampled order's thank-you page is played by polling the checkout endpoint until the code is ready.
import autocannon from "autocannon";
import pg from "pg";
import { mintCheckoutSessionToken } from "../scripts/shopify-simulator/create-shopify-simulator.js";
import { migrateDatabase } from "../scripts/db-migrate.js";
import { dropDatabase } from "../server/db/ensure-database.js";
import { startAppOnSimulator, type BenchProcess } from "./bench-processes.js";
import { installAll, startBenchSimulator } from "./bench-simulator.js";
import { createCouponOrderStream, type CouponOrderRequest } from "./coupon-order-stream.js";
import { cpuMs, postgresBackendCpu, postgresCpuBetween, redisCpuMs } from "./process-cpu.js";

export interface CouponBenchSetup {
  apiKey: string;
  secret: string;
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
}

export interface CouponBenchOptions {
  ordersPerSecond: number;
  seconds: number;
  /** One order in this many is followed at the checkout endpoint (the rest by their database rows). */
  sampleEvery: number;
  pollIntervalMs: number;
}

export interface CouponReadyResult {
  ordersPerSecond: number;
  accepted: number;
  non2xx: number;
  /** Milliseconds from the 200 to the first "ready" answer, for the sampled orders. */
  readyMs: number[];
  notReady: number;
  /** Milliseconds from the 200 to the coupon row turning issued, for every accepted order. */
  issuedMs: number[];
  notIssued: number;
  /** CPU per accepted order, from warm-up's end to the last coupon, by who spent it. */
  cpuMsPerOrder: CouponCpuPerOrder;
  /** Seconds from the load's end until every inbox row was fully processed (emails, points: the work that waits). */
  followUpDrainSeconds: number | null;
  /** CPU per order of that whole pipeline, from warm-up's end until the drain (web, worker, postgres, redis). */
  pipelineCpuMsPerOrder: number;
}

export interface CouponCpuPerOrder {
  /** The app: web and worker processes and the PostgreSQL backends of the bench database. */
  web: number;
  worker: number;
  postgres: number;
  /** Redis as a whole (the queues): nothing else uses it during the phase. */
  redis: number;
  /** Not the app: Shopify's stand-in and this process (autocannon and the followers playing the extension). */
  simulator: number;
  loadGenerator: number;
}

const appPort = 3104;
const simPort = 3105;
const warmupSeconds = 3;
export const giveUpMs = 60_000;

/** Plays the extension: asks for the order's coupon until it is ready, and notes how long that took. */
function followAtCheckout(setup: CouponBenchSetup, order: CouponOrderRequest, acceptedAt: number, pollMs: number) {
  const url = `http://127.0.0.1:${appPort}/api/checkout/coupon?orderId=gid://shopify/OrderIdentity/${order.orderId}`;
  const mint = () =>
    mintCheckoutSessionToken({
      shop: order.shop,
      customerId: order.customerId,
      apiKey: setup.apiKey,
      apiSecret: setup.secret,
    });
  return (async (): Promise<number | null> => {
    // Like the extension's sessionToken.get(), a token is reused until it nears its one-minute expiry.
    let token = mint();
    let mintedAt = Date.now();
    while (Date.now() - acceptedAt < giveUpMs) {
      if (Date.now() - mintedAt > 45_000) [token, mintedAt] = [mint(), Date.now()];
      const answer = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
        .then((response) => response.json() as Promise<{ status?: string }>)
        .catch(() => ({ status: "error" }));
      if (answer.status === "ready") return Date.now() - acceptedAt;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    return null;
  })();
}

interface DriveOutcome {
  accepted: Map<number, number>;
  followed: Promise<number | null>[];
  rps: number;
  non2xx: number;
}

async function drive(
  setup: CouponBenchSetup,
  stream: { next(): CouponOrderRequest },
  seconds: number,
  options: CouponBenchOptions & { follow: boolean },
): Promise<DriveOutcome> {
  const accepted = new Map<number, number>();
  const followed: Promise<number | null>[] = [];
  const result = await autocannon({
    url: `http://127.0.0.1:${appPort}/api/webhooks`,
    connections: 20,
    overallRate: options.ordersPerSecond,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: "POST",
        setupRequest: (request, context) => {
          const order = stream.next();
          (context as { order?: CouponOrderRequest }).order = order;
          return { ...request, method: "POST", path: "/api/webhooks", headers: order.headers, body: order.body };
        },
        onResponse: (status, _body, context) => {
          const order = (context as { order?: CouponOrderRequest }).order;
          if (status !== 200 || !order) return;
          const at = Date.now();
          accepted.set(order.orderId, at);
          if (options.follow && order.orderId % options.sampleEvery === 0)
            followed.push(followAtCheckout(setup, order, at, options.pollIntervalMs));
        },
      },
    ],
  });
  return { accepted, followed, rps: result.requests.average, non2xx: result.non2xx };
}

/** Every accepted order's coupon row: when it turned issued (the row's last update), if it did. */
async function issuedTimes(databaseUrl: string, accepted: Map<number, number>) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + giveUpMs;
    const query = `SELECT shopify_order_id::text AS id, updated_at AT TIME ZONE 'UTC' AS at FROM coupon WHERE status = 'issued'`;
    for (;;) {
      const { rows } = await client.query<{ id: string; at: Date }>(query);
      const issued = new Map(rows.map((row) => [Number(row.id), row.at.getTime()]));
      const ms = [...accepted].flatMap(([id, at]) => {
        const issuedAt = issued.get(id);
        return issuedAt === undefined ? [] : [issuedAt - at];
      });
      if (ms.length === accepted.size || Date.now() > deadline) return { ms, missing: accepted.size - ms.length };
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}

async function cpuReading(processes: BenchProcess[], setup: CouponBenchSetup) {
  const byName = Object.fromEntries(processes.map((process) => [process.name, cpuMs(process.child.pid)]));
  const self = process.cpuUsage();
  return {
    byName,
    postgres: await postgresBackendCpu(setup.databaseUrl),
    redis: await redisCpuMs(setup.redisUrl),
    self: (self.user + self.system) / 1000,
  };
}

/** Waits until no inbox row is left to process; the seconds that took, or null past the give-up time. */
async function drainSeconds(databaseUrl: string, loadEndedAt: number): Promise<number | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + 10 * giveUpMs;
    const query = "SELECT count(*)::int AS open FROM webhook_inbox WHERE status IN ('received', 'processing')";
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ open: number }>(query);
      if (rows[0]?.open === 0) return (Date.now() - loadEndedAt) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return null;
  } finally {
    await client.end();
  }
}

function cpuPerOrder(
  before: Awaited<ReturnType<typeof cpuReading>>,
  after: Awaited<ReturnType<typeof cpuReading>>,
  orders: number,
): CouponCpuPerOrder {
  const spent = (name: string) => ((after.byName[name] ?? 0) - (before.byName[name] ?? 0)) / Math.max(1, orders);
  return {
    web: spent("coupon-web"),
    worker: spent("coupon-worker"),
    postgres: postgresCpuBetween(before.postgres, after.postgres) / Math.max(1, orders),
    redis: (after.redis - before.redis) / Math.max(1, orders),
    simulator: spent("coupon-simulator"),
    loadGenerator: (after.self - before.self) / Math.max(1, orders),
  };
}

export async function measureCouponReady(
  setup: CouponBenchSetup,
  options: CouponBenchOptions,
): Promise<CouponReadyResult> {
  await dropDatabase(setup.databaseUrl);
  await migrateDatabase(setup.databaseUrl, true);
  const shops = 4;
  const perShop = Math.ceil(((options.seconds + warmupSeconds + 2) * options.ordersPerSecond * 1.2) / shops);
  const processes: BenchProcess[] = [];
  try {
    const simulator = await startBenchSimulator({
      name: "coupon-simulator",
      apiKey: setup.apiKey,
      secret: setup.secret,
      simPort,
      appPort,
      shops,
      customersPerShop: perShop,
    });
    processes.push(simulator.sim);
    const app = await startAppOnSimulator({
      name: "coupon",
      apiKey: setup.apiKey,
      secret: setup.secret,
      simulatorUrl: simulator.url,
      appPort,
      databaseUrl: setup.databaseUrl,
      redisPrefix: setup.prefix,
    });
    processes.push(...app);
    await installAll(simulator.url, simulator.shops);
    const stream = createCouponOrderStream({ shops: simulator.shops, secret: setup.secret, firstOrderId: 5_000_000 });
    await drive(setup, stream.presigned(warmupSeconds * options.ordersPerSecond * 1.1), warmupSeconds, {
      ...options,
      follow: false,
    });
    console.log(
      `  ${options.ordersPerSecond} orders/s for ${options.seconds}s, following 1 in ${options.sampleEvery}…`,
    );
    const signed = stream.presigned(options.seconds * options.ordersPerSecond * 1.1);
    const cpuBefore = await cpuReading(processes, setup);
    const run = await drive(setup, signed, options.seconds, { ...options, follow: true });
    const loadEndedAt = Date.now();
    const ready = await Promise.all(run.followed);
    const issued = await issuedTimes(setup.databaseUrl, run.accepted);
    const cpuMsPerOrder = cpuPerOrder(cpuBefore, await cpuReading(processes, setup), run.accepted.size);
    const followUpDrainSeconds = await drainSeconds(setup.databaseUrl, loadEndedAt);
    const drained = cpuPerOrder(cpuBefore, await cpuReading(processes, setup), run.accepted.size);
    return {
      ordersPerSecond: run.rps,
      accepted: run.accepted.size,
      non2xx: run.non2xx,
      readyMs: ready.filter((ms): ms is number => ms !== null),
      notReady: ready.filter((ms) => ms === null).length,
      issuedMs: issued.ms,
      notIssued: issued.missing,
      cpuMsPerOrder,
      followUpDrainSeconds,
      pipelineCpuMsPerOrder: drained.web + drained.worker + drained.postgres + drained.redis,
    };
  } finally {
    await Promise.all(processes.map((process) => process.stop()));
  }
}
