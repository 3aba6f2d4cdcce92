// Test shortcuts for emails: a catcher, an app stack sending to it, and waiting for the outbox to settle.
import { createSmtpCatcher, type SmtpCatcher } from "../../scripts/smtp-catcher/create-smtp-catcher.js";
import { startTestStack, waitFor, type TestStack } from "./start-test-stack.js";

export async function startEmailStack(
  options: { workers?: number; env?: Record<string, string> } = {},
): Promise<{ stack: TestStack; catcher: SmtpCatcher; stop: () => Promise<void> }> {
  const catcher = await createSmtpCatcher();
  const stack = await startTestStack({
    workers: options.workers ?? 1,
    env: { SMTP_URL: catcher.smtpUrl, EMAIL_RETRY_BASE_MS: "100", ...options.env },
  });
  return {
    stack,
    catcher,
    async stop() {
      await stack.stop();
      await catcher.close();
    },
  };
}

/** No email job waiting, delayed or running: every row has reached sent, failed or skipped (or waits on a date). */
export async function emailQueueIdle(stack: TestStack): Promise<boolean> {
  const counts = await stack.services.emailQueue.getJobCounts("waiting", "active", "delayed", "prioritized");
  return Object.values(counts).every((count) => count === 0);
}

/** Nothing due is left: rows waiting days ahead (a survey after delivery) do not count. */
export async function emailsSettled(stack: TestStack): Promise<boolean> {
  const open = await stack.services.prisma.emailOutbox.count({
    where: { OR: [{ status: "sending" }, { status: "queued", nextAttemptAt: { lte: new Date() } }] },
  });
  return open === 0;
}

export async function outboxRow(stack: TestStack, id: number) {
  return stack.services.prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
}

/** Waits until the row is in one of the given states, and returns it. */
export function rowReaches(stack: TestStack, id: number, statuses: string[], timeoutMs?: number) {
  return waitFor(
    `email ${id} to be ${statuses.join(" or ")}`,
    async () => {
      const row = await outboxRow(stack, id);
      return statuses.includes(row.status) ? row : null;
    },
    timeoutMs,
  );
}
