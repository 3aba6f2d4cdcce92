// Runs the Prisma CLI with DATABASE_URL set, since Prisma 6 refuses to read the schema without it.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));

export function runPrisma(args: string[], databaseUrl: string, capture = false): string {
  const result = spawnSync(`${repoRoot}node_modules/.bin/prisma`, args, {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
    stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed${capture ? `:\n${result.stderr}` : ""}`);
  }
  return result.stdout ?? "";
}
