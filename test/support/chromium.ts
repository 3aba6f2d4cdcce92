// Debian's Chromium for browser tests (Playwright's own browsers need the internet), with the flags a container needs.
import { existsSync } from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Jest has no skip reason, so the reason goes into the suite's name. */
export const chromiumSkipReason = existsSync(CHROMIUM)
  ? ""
  : ` (skipped: ${CHROMIUM} is absent; apt-get install -y chromium)`;
