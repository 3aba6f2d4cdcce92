// Bundles the coupon block as Shopify would (esbuild, Preact JSX, minified) and fails when it outgrows Shopify's 64 KB.
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));

/** Shopify refuses an extension whose compressed JavaScript is this large or larger. */
export const GZIP_LIMIT_BYTES = 64 * 1024;
export const DEFAULT_APP_URL = "http://127.0.0.1:3000";
export const DEFAULT_OUTFILE = join(here, "dist", "thank-you-coupon.js");

export interface BuildExtensionOptions {
  appUrl?: string;
  outfile?: string;
}

export interface BuiltExtension {
  outfile: string;
  bytes: number;
  gzipBytes: number;
}

export async function buildExtension(options: BuildExtensionOptions = {}): Promise<BuiltExtension> {
  const outfile = options.outfile ?? DEFAULT_OUTFILE;
  await mkdir(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(here, "src", "index.tsx")],
    outfile,
    bundle: true,
    format: "esm",
    jsx: "automatic",
    jsxImportSource: "preact",
    minify: true,
    target: "es2020",
    platform: "browser",
    tsconfig: join(here, "tsconfig.json"),
    define: { "process.env.AFTERGLOW_APP_URL": JSON.stringify(options.appUrl ?? DEFAULT_APP_URL) },
    logLevel: "warning",
  });
  const code = await readFile(outfile);
  return { outfile, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

async function main(): Promise<void> {
  const built = await buildExtension({ appUrl: process.env.AFTERGLOW_APP_URL || DEFAULT_APP_URL });
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`${built.outfile}: ${kb(built.bytes)}, ${kb(built.gzipBytes)} gzipped (limit ${kb(GZIP_LIMIT_BYTES)})`);
  if (built.gzipBytes >= GZIP_LIMIT_BYTES) {
    console.error("The bundle is over Shopify's limit for a UI extension: it would not deploy.");
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
