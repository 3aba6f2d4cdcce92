// The dev SMTP catcher's mailbox: parsed messages in memory, and the failure mode tests can set.
import type { ParsedMail } from "mailparser";

export interface CaughtMessage {
  id: number;
  receivedAt: string;
  envelope: { from: string | null; to: string[] };
  messageId: string | null;
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  html: string | null;
  text: string | null;
  headers: Record<string, string>;
}

export type FailureMode = "none" | "temporary" | "permanent";

export interface FailureSetting {
  mode: FailureMode;
  /** How many recipients to refuse before answering normally again; null = until told otherwise. */
  remaining: number | null;
}

function headerText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && value !== null && "text" in value && typeof value.text === "string") {
    return value.text;
  }
  return JSON.stringify(value);
}

export class CatcherStore {
  private readonly list: CaughtMessage[] = [];
  private nextId = 1;
  failure: FailureSetting = { mode: "none", remaining: null };

  add(mail: ParsedMail, envelope: CaughtMessage["envelope"]): CaughtMessage {
    const headers: Record<string, string> = {};
    for (const [name, value] of mail.headers) headers[name] = headerText(value);
    const message: CaughtMessage = {
      id: this.nextId++,
      receivedAt: new Date().toISOString(),
      envelope,
      messageId: mail.messageId ?? null,
      from: mail.from?.text ?? "",
      to: (Array.isArray(mail.to) ? mail.to.map((to) => to.text).join(", ") : mail.to?.text) ?? "",
      replyTo: mail.replyTo?.text ?? null,
      subject: mail.subject ?? "",
      html: typeof mail.html === "string" ? mail.html : null,
      text: mail.text ?? null,
      headers,
    };
    this.list.push(message);
    return message;
  }

  messages(filter: { to?: string } = {}): CaughtMessage[] {
    const to = filter.to?.toLowerCase();
    return this.list.filter((message) => !to || message.envelope.to.some((address) => address.toLowerCase() === to));
  }

  find(id: number): CaughtMessage | undefined {
    return this.list.find((message) => message.id === id);
  }

  clear(): void {
    this.list.length = 0;
  }

  /** Which failure to answer a recipient with now, counting it down; null = accept. */
  takeFailure(): Exclude<FailureMode, "none"> | null {
    const { mode, remaining } = this.failure;
    if (mode === "none") return null;
    if (remaining !== null) {
      if (remaining <= 0) return null;
      this.failure = { mode, remaining: remaining - 1 };
    }
    return mode;
  }
}
