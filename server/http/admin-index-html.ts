// The built admin's index.html with the values only the server knows: the API key and App Bridge's script URL.
import { readFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

export function webDistDir(configured: string): string {
  return isAbsolute(configured) ? configured : resolve(repositoryRoot, configured);
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Null when the admin has not been built (npm run build:web). Read per request: a rebuild shows on reload. */
export async function adminIndexHtml(
  distDir: string,
  values: { apiKey: string; appBridgeUrl: string },
): Promise<string | null> {
  const template = await readFile(join(distDir, "index.html"), "utf8").catch(() => null);
  if (template === null) return null;
  return template
    .replace("%AFTERGLOW_API_KEY%", escapeAttribute(values.apiKey))
    .replace("%AFTERGLOW_APP_BRIDGE_URL%", escapeAttribute(values.appBridgeUrl));
}
