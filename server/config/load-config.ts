// Parses the environment into typed configuration once; a bad value stops start-up with one line.
import { z } from "zod";

const logLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/** Every variable has a dev default so the demo runs with no environment at all. */
export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  SHOPIFY_API_KEY: z.string().min(1).default("afterglow-dev-client-id"),
  SHOPIFY_API_SECRET: z.string().min(1).default("afterglow-dev-secret"),
  /** The secret before a rotation: webhooks signed with it are still accepted while Shopify switches over. */
  SHOPIFY_API_SECRET_PREVIOUS: z.string().min(1).optional(),
  SCOPES: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, "must be a comma-separated list such as read_orders,write_discounts")
    .default("read_customers,write_customers,read_orders,write_discounts,read_discounts"),
  APP_URL: z
    .url({ message: "must be an absolute URL such as https://afterglow.example.com" })
    .default("http://localhost:3000"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .default("postgresql://postgres@127.0.0.1:5432/afterglow"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .default("redis://127.0.0.1:6379"),
  /** Prefix for every BullMQ key, so tests and several deployments can share one Redis. */
  REDIS_PREFIX: z.string().min(1).default("afterglow"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// URL")
    .default("smtp://127.0.0.1:2525"),
  /** The From address of every email; the display name is the shop's (or its sender name setting). */
  EMAIL_FROM: z.email().default("orders@afterglow.local"),
  /** First retry delay after a temporary SMTP failure; it doubles each attempt, up to an hour. */
  EMAIL_RETRY_BASE_MS: z.coerce.number().int().min(1).default(30_000),
  /** Attempts before a temporarily failing email is recorded as failed (15 at 30 s doubling: about 9 hours). */
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(15),
  LOG_LEVEL: logLevel.default("info"),
  /** Signs survey and unsubscribe links in emails; unset, a key derived from SHOPIFY_API_SECRET is used. */
  EMAIL_LINK_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** How often the delayed-delivery check looks for orders past their window (a repeatable BullMQ job). */
  DELAYED_CHECK_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** Dev and test only: where Shopify requests go instead of https://{shop}. Unset in production. */
  SHOPIFY_API_ORIGIN: z.url().optional(),
  /** A worker-only process serves /metrics and /healthz here (0 turns it off); web processes serve them on PORT. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** Received inbox rows older than this are re-enqueued by the sweeper. */
  SWEEP_AFTER_SECONDS: z.coerce.number().int().min(1).default(30),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(15),
  METRICS_ENABLED: booleanFlag.default(true),
  /** Where the embedded admin loads App Bridge from: Shopify's CDN; the simulator's stand-in in dev and tests. */
  APP_BRIDGE_URL: z.url().default("https://cdn.shopify.com/shopifycloud/app-bridge.js"),
  /**
   * Origins allowed to call the extension endpoints (comma-separated): Shopify's extension sandbox in production;
   * dev and tests add the simulator's pages that host the extension.
   */
  EXTENSION_ORIGINS: z
    .string()
    .default("https://extensions.shopifycdn.com")
    .transform((value) => value.split(",").map((origin) => origin.trim().replace(/\/$/, "")))
    .pipe(z.array(z.url({ protocol: /^https?$/ })).min(1)),
  /** The built admin (npm run build:web); relative paths are from the repository root. */
  WEB_DIST_DIR: z.string().min(1).default("web/dist"),
});

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Returns typed config, or throws ConfigError whose message is one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = configSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const variable = issue.path.join(".");
    const given = env[variable];
    return `Invalid environment variable ${variable}${given === undefined ? "" : ` (got "${given}")`}: ${issue.message}`;
  });
  throw new ConfigError(lines.join("\n"));
}
