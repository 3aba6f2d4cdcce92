// Makes sure web/dist holds an admin built from the current sources before a browser test serves it: missing or
// older than any web source (a stale build would test yesterday's screens), it is rebuilt, once across test files.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const lock = join(root, "web", ".build-lock");
// What goes into the build besides web/src: the page, Vite's and TypeScript's settings, the dependencies.
const inputFiles = ["index.html", "vite.config.ts", "package.json", "tsconfig.json"];
const staleLockMs = 5 * 60_000;

/** Newest modification time among the admin's sources (a few hundred stat calls: milliseconds). */
export function newestWebSource(web: string): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(join(web, "src"));
  for (const file of inputFiles.map((name) => join(web, name))) {
    if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/** True when web/dist is missing or older than a source. */
export function adminBuildIsStale(web = join(root, "web")): boolean {
  const builtIndex = join(web, "dist", "index.html");
  if (!existsSync(builtIndex)) return true;
  return statSync(builtIndex).mtimeMs < newestWebSource(web);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** mkdir is atomic: one process builds while test files started alongside wait for it, then find it fresh. */
function withBuildLock(build: () => void): void {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A build killed mid-way leaves its lock behind: after minutes it is taken as abandoned.
      const heldSince = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - heldSince > staleLockMs) rmdirSync(lock);
      else sleep(250);
    }
  }
  try {
    build();
  } finally {
    rmdirSync(lock);
  }
}

export function ensureBuiltAdmin(): void {
  if (!adminBuildIsStale()) return;
  withBuildLock(() => {
    if (!adminBuildIsStale()) return;
    const result = spawnSync("npm", ["run", "build:web"], { cwd: root, stdio: "pipe", encoding: "utf8" });
    if (result.status !== 0) throw new Error(`npm run build:web failed:\n${result.stdout}\n${result.stderr}`);
  });
}
