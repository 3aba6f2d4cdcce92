import { startTestStack, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

describe("health routes", () => {
  test("healthz says the process is up", async () => {
    const response = await fetch(`${stack.appUrl}/healthz`);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  test("readyz checks PostgreSQL, Redis and migrations", async () => {
    const response = await fetch(`${stack.appUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ready",
      checks: { postgres: "ok", redis: "ok", migrations: "ok" },
    });
  });

  test("metrics are Prometheus text with intake, job and queue series", async () => {
    const response = await fetch(`${stack.appUrl}/metrics`);
    expect(response.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await response.text();
    for (const name of [
      "afterglow_webhooks_received_total",
      "afterglow_webhooks_rejected_total",
      "afterglow_webhooks_duplicate_total",
      "afterglow_jobs_completed_total",
      "afterglow_jobs_failed_total",
      "afterglow_job_latency_seconds",
      "afterglow_queue_depth",
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    expect(text).toMatch(/afterglow_queue_depth\{state="waiting"\} 0/);
  });
});
