// The email queue's worker: renders an outbox row with its order's data, asks consent, sends it over SMTP.
import type { Worker } from "bullmq";
import type { Services } from "../create-services.js";
import { emailLanguageOf } from "../domain/email-links/email-language.js";
import { prepareEmailData } from "../domain/emails/prepare-email-data.js";
import { surveyLinks } from "../domain/nps/survey-links.js";
import type { createRedis } from "./create-redis.js";
import { deliveryWindowFrom, orderLanguageFrom } from "./email-webhook-handlers.js";
import { emailQueueName, type EmailJobData } from "./email-queue.js";
import { createSendEmailJob } from "./send-email-job.js";
import { startQueueWorker } from "./start-queue-worker.js";

export function startEmailWorker(services: Services, connection: ReturnType<typeof createRedis>): Worker<EmailJobData> {
  const { config, logger, repositories } = services;
  const process = createSendEmailJob({
    prisma: services.prisma,
    outbox: repositories.emailOutbox,
    settings: repositories.emailSettings,
    templates: repositories.emailTemplates,
    mailer: services.mailer,
    prepare: (email) =>
      prepareEmailData(
        {
          coupons: repositories.coupons,
          deliveryWindow: deliveryWindowFrom(services),
          orderLanguage: orderLanguageFrom(services),
          surveyLinks: (order, sentAt) =>
            surveyLinks(
              services.emailLinks,
              config.APP_URL,
              { ...order, language: emailLanguageOf(order.language) },
              sentAt,
            ),
        },
        email,
      ),
    permission: (email) =>
      services.sendPermission({
        shopId: email.shopId,
        to: email.toAddress,
        language: email.language,
        promotional: email.promotional,
      }),
    logger,
    fromAddress: config.EMAIL_FROM,
    messageIdHost: new URL(config.APP_URL).hostname,
    retryBaseMs: config.EMAIL_RETRY_BASE_MS,
    maxAttempts: config.EMAIL_MAX_ATTEMPTS,
  });
  const worker = startQueueWorker<EmailJobData>(services, connection, emailQueueName, process);
  return worker;
}
