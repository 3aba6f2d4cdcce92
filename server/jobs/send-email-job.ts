// Sends one outbox row: claim it, render it once, send it once; temporary failures come back later, permanent stop.
import { DelayedError, UnrecoverableError, type Job } from "bullmq";
import type { PrismaClient } from "@prisma/client";
import type { Logger } from "pino";
import { retryDelayMs } from "../domain/emails/classify-smtp-failure.js";
import type { EmailSettings } from "../domain/emails/email-settings.js";
import type { EmailSettingsRepository } from "../domain/emails/email-settings-repository.js";
import type { PreparedData } from "../domain/emails/attach-coupon.js";
import type { ClaimedEmail, OutboxRepository, RenderedEmail } from "../domain/emails/outbox-repository.js";
import { renderOutboxEmail, TemplateMissingError } from "../domain/emails/render-outbox-email.js";
import { milestoneNeighbours, milestoneTurn } from "../domain/emails/shipping-milestones.js";
import type { SendPermission } from "../domain/consent/promotional-send-permission.js";
import type { TemplateRepository } from "../domain/emails/template-repository.js";
import { SmtpSendError, type Mailer } from "../mail/create-smtp-mailer.js";
import type { EmailJobData } from "./email-queue.js";

export interface SendEmailDeps {
  prisma: PrismaClient;
  outbox: OutboxRepository;
  settings: EmailSettingsRepository;
  templates: TemplateRepository;
  mailer: Mailer;
  /** Completes the row's data at send time (the thank-you coupon), or says to come back a little later. */
  prepare: (email: ClaimedEmail) => Promise<PreparedData>;
  /** Asked just before sending (consent for promotional mail, unsubscribe headers), so an unsubscribe counts at once. */
  permission: (email: ClaimedEmail) => Promise<SendPermission>;
  logger: Logger;
  fromAddress: string;
  /** Message-IDs are <afterglow-…@host>, host taken from APP_URL. */
  messageIdHost: string;
  retryBaseMs: number;
  maxAttempts: number;
}

/** How long "delivered" waits, at a time, for an earlier milestone's message that is being sent. */
const milestoneWaitMs = 500;

/** The message left but the row could not say so: it stays "sending" until the stuck-row sweep resends it. */
class SentButUnrecordedError extends Error {
  override name = "SentButUnrecordedError";
}

type Shop = NonNullable<Awaited<ReturnType<PrismaClient["shop"]["findUnique"]>>>;

interface Attempt {
  deps: SendEmailDeps;
  job: Job<EmailJobData>;
  token: string | undefined;
  email: ClaimedEmail;
  logger: Logger;
}

/** The first claim renders and stores the message; later attempts send exactly what was stored. */
async function ensureRendered(
  attempt: Attempt,
  shop: Shop,
  settings: EmailSettings,
  unsubscribeUrl: string | null,
): Promise<RenderedEmail | null> {
  const { deps, email } = attempt;
  if (email.subject !== null && email.html !== null && email.text !== null && email.messageId !== null) {
    return { subject: email.subject, html: email.html, text: email.text, messageId: email.messageId };
  }
  const prepared = await deps.prepare(email);
  if (!prepared.ready) return postpone(attempt, prepared.retryAt, prepared.reason);
  const data = typeof prepared.data === "object" && prepared.data !== null ? prepared.data : {};
  const language = prepared.language ?? email.language;
  const parts = await renderOutboxEmail(deps, {
    shopId: email.shopId,
    kind: email.kind,
    language,
    // The unsubscribe link is the consent's, known only now: promotional templates show it.
    data: { ...data, unsubscribeUrl },
    shop: { name: shop.name ?? shop.domain, email: shop.email, ianaTimezone: shop.ianaTimezone },
    settings,
  });
  const rendered = {
    subject: parts.subject,
    html: parts.html,
    text: parts.text,
    messageId: `<afterglow-${email.id}-${email.createdAt.getTime()}@${deps.messageIdHost}>`,
  };
  await deps.outbox.saveRendered(email.id, rendered, language);
  return rendered;
}

/** The data is not complete yet: the row waits, this job with it, and no attempt is spent. */
async function postpone(attempt: Attempt, until: Date, reason: string): Promise<null> {
  await attempt.deps.outbox.postpone(attempt.email.id, until, reason);
  attempt.logger.debug({ until, reason }, "email postponed");
  if (attempt.token) {
    await attempt.job.moveToDelayed(until.getTime(), attempt.token);
    throw new DelayedError();
  }
  return null;
}

/** Puts the row back in the queue for later and parks this job until then (no BullMQ attempt spent). */
async function retryLater(attempt: Attempt, answer: string): Promise<void> {
  const { deps, email, job, token } = attempt;
  const retryAt = new Date(Date.now() + retryDelayMs(email.attempts, deps.retryBaseMs));
  await deps.outbox.markRetry(email.id, answer, retryAt);
  attempt.logger.info({ answer, attempts: email.attempts, retryAt }, "email not sent yet; will try again");
  if (token) {
    await job.moveToDelayed(retryAt.getTime(), token);
    throw new DelayedError();
  }
}

async function failedSend(attempt: Attempt, error: SmtpSendError): Promise<void> {
  const { deps, email } = attempt;
  const { temporary, answer } = error.failure;
  if (temporary && email.attempts < deps.maxAttempts) return retryLater(attempt, answer);
  const why = temporary ? `gave up after ${email.attempts} attempts: ${answer}` : answer;
  await deps.outbox.markFinal(email.id, "failed", answer, why);
  attempt.logger.warn({ answer, attempts: email.attempts }, "email failed");
}

/** Webhooks and retries come in any order: a parcel's emails still reach the shopper in the journey's order. */
async function awaitMilestoneTurn(attempt: Attempt): Promise<boolean> {
  const { deps, email, logger } = attempt;
  const kinds = milestoneNeighbours(email.kind);
  if (kinds.length === 0) return true;
  const decision = milestoneTurn(email.kind, await deps.outbox.orderNeighbours(email, kinds));
  if (decision.turn === "send") return true;
  if (decision.turn === "wait") {
    await postpone(attempt, new Date(Date.now() + milestoneWaitMs), "waiting for an earlier shipping email to be sent");
    return false;
  }
  await deps.outbox.markFinal(email.id, "skipped", null, decision.reason);
  logger.info({ reason: decision.reason }, "email not sent");
  return false;
}

async function deliver(attempt: Attempt): Promise<void> {
  const { deps, email, logger } = attempt;
  if (!(await awaitMilestoneTurn(attempt))) return;
  const shop = await deps.prisma.shop.findUniqueOrThrow({ where: { id: email.shopId } });
  const settings = await deps.settings.settingsFor(email.shopId);
  const decision = await deps.permission(email);
  if (!decision.send) {
    await deps.outbox.markFinal(email.id, "skipped", null, decision.reason);
    logger.info({ reason: decision.reason }, "email not sent");
    return;
  }
  const rendered = await ensureRendered(attempt, shop, settings, decision.unsubscribeUrl);
  if (!rendered) return;
  let answer: string;
  try {
    answer = await deps.mailer.send({
      from: { name: settings.senderName ?? shop.name ?? shop.domain, address: deps.fromAddress },
      to: email.toAddress,
      replyTo: settings.replyTo ?? shop.email,
      ...rendered,
      headers: decision.headers,
    });
  } catch (error) {
    if (!(error instanceof SmtpSendError)) throw error;
    return failedSend(attempt, error);
  }
  await deps.outbox.markSent(email.id, answer).catch((error: unknown) => {
    throw new SentButUnrecordedError(`sent, but the outbox row could not be marked sent: ${String(error)}`);
  });
  logger.info({ answer, messageId: rendered.messageId }, "email sent");
}

/** A row not yet due (a retry, an early job): the job waits until it is, without spending an attempt. */
async function notClaimed(deps: SendEmailDeps, job: Job<EmailJobData>, token: string | undefined): Promise<void> {
  const state = await deps.outbox.stateOf(job.data.emailId);
  if (!state) throw new UnrecoverableError(`email ${job.data.emailId} does not exist`);
  if (state.status === "queued" && token && state.nextAttemptAt.getTime() > Date.now()) {
    await job.moveToDelayed(state.nextAttemptAt.getTime(), token);
    throw new DelayedError();
  }
}

export function createSendEmailJob(deps: SendEmailDeps) {
  return async function sendEmailJob(job: Job<EmailJobData>, token?: string): Promise<void> {
    const email = await deps.outbox.claim(job.data.emailId);
    if (!email) return notClaimed(deps, job, token);
    const logger = deps.logger.child({ emailId: email.id, shopId: email.shopId, kind: email.kind, jobId: job.id });
    const attempt: Attempt = { deps, job, token, email, logger };
    try {
      await deliver(attempt);
    } catch (error) {
      if (error instanceof DelayedError || error instanceof SentButUnrecordedError) throw error;
      // Not an SMTP answer (the database, a template bug): nothing was sent, the row goes back to the queue.
      const message = error instanceof Error ? error.message : String(error);
      const final = error instanceof TemplateMissingError || email.attempts >= deps.maxAttempts;
      logger.warn({ err: error, final }, "email not sent: error before sending");
      if (final) await deps.outbox.markFinal(email.id, "failed", null, message);
      else await retryLater(attempt, message);
    }
  };
}
