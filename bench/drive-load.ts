// Drives one endpoint with autocannon (50 connections) and reports throughput, latency and which orders got a 200.
import autocannon from "autocannon";
import type { SignedOrderRequest } from "./signed-order-stream.js";

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  acceptedOrderIds: number[];
}

export async function driveLoad(
  baseUrl: string,
  durationSeconds: number,
  nextRequest: () => SignedOrderRequest,
  connections = 50,
  /** Stop after this many requests instead (the duration is then only an upper bound). */
  amount?: number,
): Promise<LoadResult> {
  const accepted: number[] = [];
  const result = await autocannon({
    url: `${baseUrl}/api/webhooks`,
    connections,
    duration: durationSeconds,
    ...(amount ? { amount } : {}),
    timeout: 10,
    requests: [
      {
        method: "POST",
        setupRequest: (request, context) => {
          const next = nextRequest();
          (context as { orderId?: number }).orderId = next.orderId;
          return { ...request, method: "POST", path: "/api/webhooks", headers: next.headers, body: next.body };
        },
        onResponse: (status, _body, context) => {
          const orderId = (context as { orderId?: number }).orderId;
          if (status === 200 && orderId !== undefined) accepted.push(orderId);
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    acceptedOrderIds: accepted,
  };
}
