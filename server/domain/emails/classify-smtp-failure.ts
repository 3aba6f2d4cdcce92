// Tells a temporary SMTP failure (try again later) from a permanent one (record the answer, stop), as RFC 5321 does.
export interface SmtpFailure {
  temporary: boolean;
  /** The server's answer ("550 5.1.1 No such user") or the connection error, for the outbox row and the admin. */
  answer: string;
}

interface ErrorFields {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

/** Connection refused, timeouts, resets and DNS trouble are all "the server is not there right now". */
export function classifySmtpFailure(error: unknown): SmtpFailure {
  const fields: ErrorFields = typeof error === "object" && error !== null ? error : {};
  const responseCode = typeof fields.responseCode === "number" ? fields.responseCode : null;
  const response = typeof fields.response === "string" ? fields.response : null;
  const message = typeof fields.message === "string" ? fields.message : String(error);
  const code = typeof fields.code === "string" ? fields.code : null;
  if (responseCode !== null) {
    return { temporary: responseCode < 500, answer: response ?? `${responseCode} ${message}` };
  }
  // A message nodemailer refuses to build (no recipient, bad address) will not get better by waiting.
  if (code === "EENVELOPE" || code === "EMESSAGE") return { temporary: false, answer: `${code}: ${message}` };
  return { temporary: true, answer: code ? `${code}: ${message}` : message };
}

/** Exponential backoff from a base, capped, so SMTP down for minutes (or an hour) loses nothing. */
export function retryDelayMs(attempt: number, baseMs: number, capMs = 60 * 60 * 1000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
