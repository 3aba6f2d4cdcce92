// Sends one rendered email over SMTP (SMTP_URL) with nodemailer; failures carry the server's answer, classified.
import nodemailer from "nodemailer";
import { classifySmtpFailure, type SmtpFailure } from "../domain/emails/classify-smtp-failure.js";

export interface OutgoingEmail {
  from: { name: string; address: string };
  to: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  /** Stable per outbox row: a resend after a crash mid-send is recognisably the same message. */
  messageId: string;
  headers?: Record<string, string>;
}

export class SmtpSendError extends Error {
  override name = "SmtpSendError";
  constructor(readonly failure: SmtpFailure) {
    super(failure.answer);
  }
}

export interface Mailer {
  /** Resolves with the server's answer to the message ("250 OK: queued as ..."); throws SmtpSendError. */
  send(email: OutgoingEmail): Promise<string>;
  close(): void;
}

export function createSmtpMailer(smtpUrl: string): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 4,
    // Fail fast when the server is away: the outbox retries later, with backoff.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(email) {
      try {
        const info = await transport.sendMail({
          from: email.from,
          to: email.to,
          replyTo: email.replyTo ?? undefined,
          subject: email.subject,
          html: email.html,
          text: email.text,
          messageId: email.messageId,
          headers: email.headers,
        });
        return info.response;
      } catch (error) {
        throw new SmtpSendError(classifySmtpFailure(error));
      }
    },
    close() {
      transport.close();
    },
  };
}
