// Makes sure web/dist holds a built admin before a browser test serves it (CI builds it first; a fresh checkout may not have).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

export function ensureBuiltAdmin(): void {
  if (existsSync(`${root}web/dist/index.html`)) return;
  const result = spawnSync("npm", ["run", "build:web"], { cwd: root, stdio: "pipe", encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run build:web failed:\n${result.stdout}\n${result.stderr}`);
}
