// The composition root: builds every long-lived dependency once from configuration.
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import type { Logger } from "pino";
import type { AppConfig } from "./config/load-config.js";
import { createPgPool, type PgPool } from "./db/create-pg-pool.js";
import { createPrismaClient, type PrismaClient } from "./db/create-prisma-client.js";
import { createCouponRepository, type CouponRepository } from "./domain/coupons/coupon-repository.js";
import { createCouponQueue, type CouponQueue } from "./jobs/coupon-queue.js";
import { createThankYouQueue, type ThankYouQueue } from "./jobs/thank-you-queue.js";
import { createEmailSettingsRepository } from "./domain/emails/email-settings-repository.js";
import { createEmailOrderRepository, type EmailOrderRepository } from "./domain/emails/email-order-repository.js";
import { createEnqueueEmail, type EnqueueEmail } from "./domain/emails/enqueue-email.js";
import { createOutboxRepository } from "./domain/emails/outbox-repository.js";
import { createTemplateRepository } from "./domain/emails/template-repository.js";
import { createEmailQueue, scheduleEmail, type EmailQueue } from "./jobs/email-queue.js";
import { createSmtpMailer, type Mailer } from "./mail/create-smtp-mailer.js";
import { createDelayedCheckQueue, type DelayedCheckQueue } from "./jobs/delayed-check-queue.js";
import { createDiscountCodeService, type DiscountCodeService } from "./shopify/discount-code-service.js";
import { createAdminGraphql } from "./shopify/admin-graphql.js";
import { createCustomerOrderHistory, type CustomerOrderHistory } from "./shopify/customer-order-history.js";
import { createCustomerRepository } from "./domain/customers/customer-repository.js";
import {
  createEmailConsentRepository,
  type EmailConsentRepository,
} from "./domain/consent/email-consent-repository.js";
import {
  promotionalSendPermission,
  type OutgoingEmail,
  type SendPermission,
} from "./domain/consent/promotional-send-permission.js";
import { createEmailLinkSigner, emailLinkKey, type EmailLinkSigner } from "./domain/email-links/email-link-signer.js";
import { createNpsResponseRepository, type NpsResponseRepository } from "./domain/nps/nps-response-repository.js";
import { createPointsRepositories, type PointsRepositories } from "./domain/loyalty/create-points-repositories.js";
import { createPointsQueue, type PointsQueue } from "./jobs/points-queue.js";
import { createCampaignQueue, type CampaignQueue } from "./jobs/campaign-queue.js";
import {
  createCampaignRepositories,
  type CampaignRepositories,
} from "./domain/campaigns/create-campaign-repositories.js";
import { createLedgerRepository } from "./domain/loyalty/ledger-repository.js";
import { createLoyaltySettingsRepository } from "./domain/loyalty/loyalty-settings-repository.js";
import { createLoyaltyServices, type LoyaltyServices } from "./domain/loyalty/create-loyalty-services.js";
import { createTierUpEmail } from "./domain/loyalty/tier-up-email.js";
import {
  createLoyaltyQueue,
  enqueueMaturity,
  enqueueMilestoneCoupon,
  type LoyaltyQueue,
} from "./jobs/loyalty-queue.js";
import { createOrderRepository } from "./domain/orders/order-repository.js";
import { createShopRepository } from "./domain/shops/shop-repository.js";
import { createShippingEstimates, type ShippingEstimates } from "./domain/shipping/shipping-estimates.js";
import {
  createShippingSettingsRepository,
  type ShippingSettingsRepository,
} from "./domain/shipping/shipping-settings-repository.js";
import { createWebhookInboxRepository } from "./domain/webhooks/webhook-inbox-repository.js";
import { createRedis, type Redis } from "./jobs/create-redis.js";
import { createWebhookQueue, type WebhookQueue } from "./jobs/webhook-queue.js";
import { createLogger } from "./observability/create-logger.js";
import { createMetrics, type Metrics } from "./observability/metrics.js";
import { createShopify, type Shopify } from "./shopify/create-shopify.js";

export interface Services {
  config: AppConfig;
  logger: Logger;
  metrics: Metrics;
  prisma: PrismaClient;
  pool: PgPool;
  redis: Redis;
  queue: WebhookQueue;
  /** Urgent: orders/create and orders/paid rows whose thank-you page waits for a coupon. */
  thankYouQueue: ThankYouQueue;
  couponQueue: CouponQueue;
  emailQueue: EmailQueue;
  mailer: Mailer;
  /** The one way to send an email (server/domain/emails/enqueue-email.ts). */
  enqueueEmail: EnqueueEmail;
  pointsQueue: PointsQueue;
  delayedCheckQueue: DelayedCheckQueue;
  loyaltyQueue: LoyaltyQueue;
  loyalty: LoyaltyServices;
  /** Lifecycle campaign runs (hourly scheduler, or one shop as of a moment). */
  campaignQueue: CampaignQueue;
  discounts: DiscountCodeService;
  /** Shopify's count and oldest order of a customer, asked before a first-order coupon is made. */
  customerOrders: CustomerOrderHistory;
  shopify: Shopify;
  sessionStorage: PrismaSessionStorage<PrismaClient>;
  /** Signs survey and unsubscribe links. */
  emailLinks: EmailLinkSigner;
  /** The outbox's send step asks this just before sending: consent for promotional mail, unsubscribe headers. */
  sendPermission: (email: OutgoingEmail) => Promise<SendPermission>;
  repositories: {
    shops: ReturnType<typeof createShopRepository>;
    customers: ReturnType<typeof createCustomerRepository>;
    orders: ReturnType<typeof createOrderRepository>;
    ledger: ReturnType<typeof createLedgerRepository>;
    loyaltySettings: ReturnType<typeof createLoyaltySettingsRepository>;
    inbox: ReturnType<typeof createWebhookInboxRepository>;
    coupons: CouponRepository;
    npsResponses: NpsResponseRepository;
    emailConsents: EmailConsentRepository;
    shippingSettings: ShippingSettingsRepository;
    emailOutbox: ReturnType<typeof createOutboxRepository>;
    emailSettings: ReturnType<typeof createEmailSettingsRepository>;
    emailTemplates: ReturnType<typeof createTemplateRepository>;
    emailOrders: EmailOrderRepository;
  } & PointsRepositories &
    CampaignRepositories;
  /** Delivery windows for orders and shipments (emails and the checkout endpoint use it). */
  shipping: ShippingEstimates;
  close(): Promise<void>;
}

/** The outbox and its sender: built together because enqueueEmail schedules on the queue the worker drains. */
function createEmailServices(config: AppConfig, prisma: PrismaClient, pool: PgPool, redis: Redis) {
  const emailQueue = createEmailQueue(redis, config.REDIS_PREFIX);
  const mailer = createSmtpMailer(config.SMTP_URL);
  const emailOutbox = createOutboxRepository(prisma, pool);
  const emailSettings = createEmailSettingsRepository(prisma);
  const enqueueEmail = createEnqueueEmail({
    outbox: emailOutbox,
    settings: emailSettings,
    schedule: (emailId, at) => scheduleEmail(emailQueue, emailId, at),
  });
  return {
    services: { emailQueue, mailer, enqueueEmail },
    repositories: {
      emailOutbox,
      emailSettings,
      emailTemplates: createTemplateRepository(prisma, pool),
      emailOrders: createEmailOrderRepository(pool),
    },
    async close() {
      await emailQueue.close();
      mailer.close();
    },
  };
}

/** Survey links, marketing consent and the delayed-delivery check (see server/domain/nps, consent, delays). */
function createSurveyServices(config: AppConfig, pool: PgPool, redis: Redis) {
  const emailLinks = createEmailLinkSigner(emailLinkKey(config));
  const emailConsents = createEmailConsentRepository(pool);
  const delayedCheckQueue = createDelayedCheckQueue(redis, config.REDIS_PREFIX);
  return {
    services: {
      emailLinks,
      delayedCheckQueue,
      sendPermission: (email: OutgoingEmail) =>
        promotionalSendPermission({ consents: emailConsents, signer: emailLinks, appUrl: config.APP_URL }, email),
    },
    repositories: { npsResponses: createNpsResponseRepository(pool), emailConsents },
    close: () => delayedCheckQueue.close(),
  };
}

/** The loyalty queue, ledger, settings and services, built together because each needs the others. */
function loyaltyParts(pool: PgPool, prisma: PrismaClient, redis: Redis, config: AppConfig, logger: Logger) {
  const loyaltyQueue = createLoyaltyQueue(redis, config.REDIS_PREFIX);
  const ledger = createLedgerRepository(pool);
  const loyaltySettings = createLoyaltySettingsRepository(prisma);
  const loyalty = createLoyaltyServices({
    pool,
    ledger,
    settings: loyaltySettings,
    enqueueMaturity: (job) => enqueueMaturity(loyaltyQueue, job),
    enqueueMilestoneCoupon: (id) => enqueueMilestoneCoupon(loyaltyQueue, id),
    logger,
  });
  return { loyaltyQueue, ledger, loyaltySettings, loyalty };
}

/** The queues the web process adds to and the workers consume (loyalty's lives with the loyalty parts). */
function queueParts(redis: Redis, prefix: string) {
  const queues = {
    queue: createWebhookQueue(redis, prefix),
    thankYouQueue: createThankYouQueue(redis, prefix),
    couponQueue: createCouponQueue(redis, prefix),
    pointsQueue: createPointsQueue(redis, prefix),
    campaignQueue: createCampaignQueue(redis, prefix),
  };
  const close = () => Promise.all(Object.values(queues).map((queue) => queue.close()));
  return { queues, close };
}

/** The Shopify library, its sessions, and the Admin GraphQL services built on them. */
function shopifyParts(config: AppConfig, prisma: ReturnType<typeof createPrismaClient>) {
  const shopify = createShopify(config);
  const sessionStorage = new PrismaSessionStorage(prisma);
  const adminGraphql = createAdminGraphql(shopify, sessionStorage);
  return {
    shopify,
    sessionStorage,
    discounts: createDiscountCodeService(shopify, sessionStorage, adminGraphql),
    customerOrders: createCustomerOrderHistory(adminGraphql),
  };
}

export function createServices(config: AppConfig, logger: Logger = createLogger(config.LOG_LEVEL)): Services {
  const prisma = createPrismaClient(config.DATABASE_URL);
  // Intake flushes and worker jobs share this pool: room for every job in flight plus the group commit.
  const pool = createPgPool(config.DATABASE_URL, Math.max(8, config.WORKER_CONCURRENCY + 4));
  const redis = createRedis(config.REDIS_URL);
  const queues = queueParts(redis, config.REDIS_PREFIX);
  const { loyaltyQueue, ledger, loyaltySettings, loyalty } = loyaltyParts(pool, prisma, redis, config, logger);
  const shippingSettings = createShippingSettingsRepository(prisma, pool);
  const email = createEmailServices(config, prisma, pool, redis);
  const surveys = createSurveyServices(config, pool, redis);
  const { enqueueEmail } = email.services;
  loyalty.tierChangeHooks.push(createTierUpEmail({ pool, settings: loyaltySettings, enqueueEmail }));
  return {
    config,
    logger,
    metrics: createMetrics(),
    prisma,
    pool,
    redis,
    ...queues.queues,
    ...email.services,
    ...surveys.services,
    loyaltyQueue,
    loyalty,
    ...shopifyParts(config, prisma),
    repositories: {
      shops: createShopRepository(prisma),
      customers: createCustomerRepository(pool),
      orders: createOrderRepository(pool),
      ledger,
      loyaltySettings,
      inbox: createWebhookInboxRepository(pool),
      coupons: createCouponRepository(prisma, pool),
      ...surveys.repositories,
      shippingSettings,
      ...email.repositories,
      ...createPointsRepositories(pool, prisma, ledger),
      ...createCampaignRepositories(pool, prisma),
    },
    shipping: createShippingEstimates({ prisma, settings: shippingSettings }),
    async close() {
      await queues.close();
      await email.close();
      await surveys.close();
      await loyaltyQueue.close();
      redis.disconnect();
      await pool.end();
      await prisma.$disconnect();
    },
  };
}
