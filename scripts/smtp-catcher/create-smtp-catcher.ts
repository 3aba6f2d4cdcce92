// Dev and test tooling: a real SMTP listener that keeps every message, with a mailbox web page and a JSON API.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { CatcherStore, type CaughtMessage, type FailureMode } from "./catcher-store.js";
import { mailboxApp } from "./mailbox-app.js";

export type { CaughtMessage, FailureMode };

export interface SmtpCatcherOptions {
  host?: string;
  /** 0 picks a free port. */
  smtpPort?: number;
  httpPort?: number;
}

export interface SmtpCatcher {
  smtpUrl: string;
  mailboxUrl: string;
  messages(filter?: { to?: string }): CaughtMessage[];
  clear(): void;
  /** Refuse the next `count` recipients (all, when omitted) with 451 (temporary) or 550 (permanent). */
  fail(mode: FailureMode, count?: number): void;
  /** Stops listening: connections are refused, as when the SMTP server is down. */
  stopSmtp(): Promise<void>;
  /** Listens again on the same port. */
  startSmtp(): Promise<void>;
  close(): Promise<void>;
}

function refusal(mode: Exclude<FailureMode, "none">): Error {
  const error = Object.assign(
    new Error(
      mode === "temporary"
        ? "4.3.0 Mailbox temporarily unavailable, try again later"
        : "5.1.1 Recipient address rejected: mailbox does not exist",
    ),
    { responseCode: mode === "temporary" ? 451 : 550 },
  );
  return error;
}

function createSmtp(store: CatcherStore): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    // No TLS in dev: clients would otherwise try STARTTLS against a self-signed certificate.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 200,
    size: 10 * 1024 * 1024,
    onRcptTo(_address, _session, callback) {
      const failure = store.takeFailure();
      callback(failure ? refusal(failure) : null);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          store.add(mail, {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
}

function listen(server: SMTPServer | Server, port: number, host: string): Promise<number> {
  const net = server instanceof SMTPServer ? server.server : server;
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    net.once("error", onError);
    server.listen(port, host, () => {
      net.removeListener("error", onError);
      resolve((net.address() as AddressInfo).port);
    });
  });
}

export async function createSmtpCatcher(options: SmtpCatcherOptions = {}): Promise<SmtpCatcher> {
  const host = options.host ?? "127.0.0.1";
  const store = new CatcherStore();
  let smtp: SMTPServer | null = createSmtp(store);
  const smtpPort = await listen(smtp, options.smtpPort ?? 0, host);
  const catcher: SmtpCatcher = {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    mailboxUrl: "",
    messages: (filter) => store.messages(filter),
    clear: () => store.clear(),
    fail(mode, count) {
      store.failure = { mode, remaining: count ?? null };
    },
    async stopSmtp() {
      const closing = smtp;
      smtp = null;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async startSmtp() {
      if (smtp) return;
      smtp = createSmtp(store);
      await listen(smtp, smtpPort, host);
    },
    async close() {
      await catcher.stopSmtp();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  const http = createServer(mailboxApp(store, catcher));
  const httpPort = await listen(http, options.httpPort ?? 0, host);
  catcher.mailboxUrl = `http://${host}:${httpPort}`;
  return catcher;
}
