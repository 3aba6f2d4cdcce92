// Starts the processes under test as children (so the load generator never shares their event loop).
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const resultsDir = fileURLToPath(new URL("./results/", import.meta.url));

export interface BenchProcess {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startBenchProcess(
  name: string,
  script: string,
  args: string[],
  env: Record<string, string>,
  options: { nice?: number } = {},
): BenchProcess {
  const log = createWriteStream(`${resultsDir}${name}.log`);
  // BENCH_CPU_PROF_DIR=dir writes each child's V8 CPU profile there when it exits (where an order's CPU goes).
  const profile = process.env.BENCH_CPU_PROF_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
    : [];
  const command = [process.execPath, ...profile, "--import", "tsx", script, ...args];
  // A niced worker takes only the CPU the intake leaves, as a deployment sharing one machine would arrange.
  const [file, ...argv] = options.nice ? ["nice", "-n", String(options.nice), ...command] : command;
  const child = spawn(file as string, argv, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return {
    name,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
      }),
  };
}

export async function waitForHttp(url: string, process: BenchProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (process.child.exitCode !== null) {
      throw new Error(`${process.name} exited with ${process.child.exitCode}; see bench/results/${process.name}.log`);
    }
    const up = await fetch(url).then(
      () => true,
      () => false,
    );
    if (up) return;
    if (Date.now() > deadline) throw new Error(`${process.name} did not answer at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first line a child prints (its announcement, such as a simulator's URL and shops); its exit is an error. */
export function firstStdoutLine(process: BenchProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let buffered = "";
    process.child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const end = buffered.indexOf("\n");
      if (end >= 0) resolve(buffered.slice(0, end));
    });
    process.child.once("exit", (code) => reject(new Error(`${process.name} exited with ${code}`)));
  });
}

export interface AppOnSimulator {
  /** Names the processes and their logs: `${name}-web`, `${name}-worker`. */
  name: string;
  apiKey: string;
  secret: string;
  simulatorUrl: string;
  appPort: number;
  databaseUrl: string;
  redisPrefix: string;
  env?: Record<string, string>;
}

/** Afterglow's web and worker processes with the simulator as Shopify, the web answering its health check. */
export async function startAppOnSimulator(app: AppOnSimulator): Promise<BenchProcess[]> {
  const env = {
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    SHOPIFY_API_KEY: app.apiKey,
    SHOPIFY_API_SECRET: app.secret,
    SHOPIFY_API_ORIGIN: app.simulatorUrl,
    APP_URL: `http://127.0.0.1:${app.appPort}`,
    DATABASE_URL: app.databaseUrl,
    REDIS_PREFIX: app.redisPrefix,
    ...app.env,
  };
  const web = startBenchProcess(`${app.name}-web`, "server/main.ts", ["web"], { ...env, PORT: String(app.appPort) });
  const worker = startBenchProcess(`${app.name}-worker`, "server/main.ts", ["worker"], env);
  await waitForHttp(`http://127.0.0.1:${app.appPort}/healthz`, web);
  return [web, worker];
}
