// POST /api/webhooks at the node:http level: the hottest route skips Express's per-request machinery.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { AppError } from "../errors/app-error.js";
import type { ReceiveWebhook } from "../intake/receive-webhook.js";
import type { VerifyWebhook } from "../shopify/verify-webhook.js";
import { errorResponse } from "./error-response.js";

export const webhookPath = "/api/webhooks";
const maxBodyBytes = 10 * 1024 * 1024;

export interface WebhookIntakeDeps {
  verifyWebhook: VerifyWebhook;
  receiveWebhook: ReceiveWebhook;
  logger: Logger;
}

/**
 * Shopify may send thousands of webhooks a second in a sale; this route needs no routing, cookies, query
 * parsing or ETags, and Express's share of its cost was a quarter. Errors map through the same errorResponse.
 */
export function createWebhookIntakeHandler(deps: WebhookIntakeDeps) {
  return function handleWebhook(req: IncomingMessage, res: ServerResponse): void {
    readBody(req)
      .then((body) => deps.receiveWebhook(deps.verifyWebhook(req.headers, body)))
      .then(
        (outcome) => send(res, 200, outcome),
        (error: unknown) => {
          const response = errorResponse(error);
          if (response.unexpected) deps.logger.error({ err: error, path: webhookPath }, "webhook intake failed");
          send(res, response.status, response.body);
        },
      );
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new AppError("bad_request", "Webhook body is larger than 10 MB"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json);
}
