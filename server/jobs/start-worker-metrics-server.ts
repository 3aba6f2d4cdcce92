// A worker-only process has no web server: this one serves its Prometheus metrics and liveness.
import { createServer, type Server } from "node:http";
import type { Registry } from "prom-client";

/** Resolves undefined when the port is taken (another worker on this machine): the worker runs on without it. */
export async function startWorkerMetricsServer(
  registry: Registry,
  port: number,
  host: string,
): Promise<Server | undefined> {
  const server = createServer((req, res) => {
    if (req.url === "/metrics") {
      void registry.metrics().then((text) => res.writeHead(200, { "content-type": registry.contentType }).end(text));
    } else if (req.url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      error.code === "EADDRINUSE" ? resolve(undefined) : reject(error),
    );
    server.listen(port, host, () => resolve(server));
  });
}
