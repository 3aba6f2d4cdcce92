// The catcher's web side: a mailbox page (list, message in HTML and text) and the JSON API tests drive.
import express from "express";
import { z } from "zod";
import type { CatcherStore, CaughtMessage } from "./catcher-store.js";

interface CatcherControls {
  fail(mode: "none" | "temporary" | "permanent", count?: number): void;
  stopSmtp(): Promise<void>;
  startSmtp(): Promise<void>;
}

const failureBody = z.object({
  mode: z.enum(["none", "temporary", "permanent"]),
  count: z.number().int().min(0).optional(),
});

function escape(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title><style>
body{font-family:system-ui,sans-serif;margin:0;background:#fafafa;color:#222}
header{background:#1f6f5c;color:#fff;padding:12px 20px}header a{color:#fff}
main{padding:16px 20px}table{border-collapse:collapse;width:100%;background:#fff}
td,th{border-bottom:1px solid #eee;padding:6px 8px;text-align:left;font-size:14px}
iframe{width:100%;height:560px;border:1px solid #ddd;background:#fff}pre{background:#fff;border:1px solid #ddd;padding:12px;white-space:pre-wrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;font-size:14px}
</style></head><body><header><a href="/"><strong>Afterglow mailbox</strong></a> (dev SMTP catcher)</header><main>${body}</main></body></html>`;
}

function listPage(messages: CaughtMessage[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escape(m.receivedAt)}</td><td>${escape(m.envelope.to.join(", "))}</td>` +
        `<td><a href="/messages/${m.id}">${escape(m.subject || "(no subject)")}</a></td><td>${escape(m.from)}</td></tr>`,
    )
    .join("");
  return page(
    "Mailbox",
    `<p>${messages.length} message(s). <a href="/api/messages">JSON</a></p>` +
      `<table><tr><th>received</th><th>to</th><th>subject</th><th>from</th></tr>${rows}</table>`,
  );
}

function messagePage(m: CaughtMessage): string {
  const facts = [
    ["From", m.from],
    ["To", m.to],
    ["Reply-To", m.replyTo ?? ""],
    ["Subject", m.subject],
    ["Message-ID", m.messageId ?? ""],
    ["Received", m.receivedAt],
  ]
    .map(([name, value]) => `<dt>${escape(name ?? "")}</dt><dd>${escape(value ?? "")}</dd>`)
    .join("");
  // The HTML part is shown sandboxed: it is someone else's markup.
  const html = m.html ? `<h3>HTML</h3><iframe sandbox src="/messages/${m.id}/html"></iframe>` : "";
  return page(m.subject, `<dl>${facts}</dl>${html}<h3>Text</h3><pre>${escape(m.text ?? "")}</pre>`);
}

export function mailboxApp(store: CatcherStore, controls: CatcherControls): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/", (_req, res) => {
    res.type("html").send(listPage(store.messages()));
  });
  app.get("/messages/:id", (req, res) => {
    const message = store.find(Number(req.params.id));
    if (!message) res.status(404).type("html").send(page("Not found", "<p>No such message.</p>"));
    else res.type("html").send(messagePage(message));
  });
  app.get("/messages/:id/html", (req, res) => {
    const message = store.find(Number(req.params.id));
    res.setHeader("content-security-policy", "sandbox");
    if (!message?.html) res.status(404).end();
    else res.type("html").send(message.html);
  });
  app.get("/api/messages", (req, res) => {
    const to = typeof req.query.to === "string" ? req.query.to : undefined;
    res.json({ messages: store.messages({ to }) });
  });
  // Just who got what and when, without bodies: what a benchmark counting thousands of messages needs.
  app.get("/api/messages/summary", (_req, res) => {
    const summary = store.messages().map((m) => ({
      id: m.id,
      receivedAt: m.receivedAt,
      messageId: m.messageId,
      to: m.envelope.to,
      subject: m.subject,
    }));
    res.json({ messages: summary });
  });
  app.get("/api/messages/:id", (req, res) => {
    const message = store.find(Number(req.params.id));
    if (!message) res.status(404).json({ error: "no such message" });
    else res.json({ message });
  });
  app.delete("/api/messages", (_req, res) => {
    store.clear();
    res.status(204).end();
  });
  app.post("/api/failure", express.json(), (req, res) => {
    const parsed = failureBody.safeParse(req.body);
    if (!parsed.success) {
      res.status(422).json({ error: parsed.error.message });
      return;
    }
    controls.fail(parsed.data.mode, parsed.data.count);
    res.json({ failure: store.failure });
  });
  app.post("/api/smtp/:action", (req, res, next) => {
    const action = req.params.action === "stop" ? controls.stopSmtp() : controls.startSmtp();
    action.then(() => res.json({ listening: req.params.action !== "stop" })).catch(next);
  });
  return app;
}
