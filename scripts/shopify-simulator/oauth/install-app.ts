// Plays the merchant's browser during an install: app → Shopify authorize → app callback, carrying cookies.
import { CookieJar } from "./cookie-jar.js";

export interface InstallAppInput {
  simulatorUrl: string;
  appUrl: string;
  shop: string;
  startPath: string;
}

export interface InstallAppResult {
  status: number;
  location?: string;
}

const MAX_HOPS = 20;
// Node's default user agent ("node") trips the isbot check @shopify/shopify-api runs on OAuth requests.
const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** Sends https://{shop}.myshopify.com/... to the simulator's /store/{shop}/... as the app's fetch rewrite does. */
export function toSimulatorUrl(url: string, simulatorUrl: string): string {
  const parsed = new URL(url);
  if (!parsed.hostname.endsWith(".myshopify.com")) return url;
  return `${simulatorUrl}/store/${parsed.hostname}${parsed.pathname}${parsed.search}`;
}

function startUrl(input: InstallAppInput): string {
  const base = input.appUrl.replace(/\/+$/, "") + input.startPath;
  const separator = base.includes("?") ? "&" : "?";
  return `${base}${separator}shop=${encodeURIComponent(input.shop)}`;
}

export async function installApp(input: InstallAppInput): Promise<InstallAppResult> {
  const jar = new CookieJar();
  const appOrigin = new URL(input.appUrl).origin;
  const authorizePath = `/store/${input.shop}/admin/oauth/authorize`;
  let url = startUrl(input);
  let atCallback = false;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const target = toSimulatorUrl(url, input.simulatorUrl);
    const toApp = new URL(target).origin === appOrigin;
    const cookie = jar.header();
    const headers: Record<string, string> = { "user-agent": BROWSER_USER_AGENT };
    if (toApp && cookie) headers.cookie = cookie;
    const response = await fetch(target, { redirect: "manual", headers });
    if (toApp) jar.store(response.headers.getSetCookie());
    await response.arrayBuffer();
    const location = response.headers.get("location") ?? undefined;
    const redirected = response.status >= 300 && response.status < 400 && location !== undefined;
    // The callback's answer is the end of the install, wherever it points next (usually the embedded admin).
    if (atCallback || !redirected)
      return location === undefined ? { status: response.status } : { status: response.status, location };
    atCallback = new URL(target).pathname === authorizePath;
    url = new URL(location, target).toString();
  }
  throw new Error(`installApp: more than ${MAX_HOPS} redirects`);
}
