// A real stack whose simulator serves the extension's freshly built bundle, one shop installed, and Chromium open.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { buildExtension } from "../../extensions/thank-you-coupon/build-extension.js";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.js";
import { installShop } from "./shop-fixtures.js";
import { startTestStack, type TestStack } from "./start-test-stack.js";

export interface ExtensionStack {
  stack: TestStack;
  shop: string;
  shopId: number;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startExtensionStack(name: string): Promise<ExtensionStack> {
  const buildDir = await mkdtemp(join(tmpdir(), `${name}-`));
  let stack: TestStack | undefined;
  try {
    const bundlePath = join(buildDir, "thank-you-coupon.js");
    stack = await startTestStack({ workers: 1, extensionBundlePath: bundlePath });
    await buildExtension({ appUrl: stack.appUrl, outfile: bundlePath });
    const shop = await installShop(stack);
    const shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const started = stack;
    return {
      stack: started,
      shop,
      shopId,
      browser,
      async stop() {
        await browser.close();
        await started.stop();
        await rm(buildDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stack?.stop();
    await rm(buildDir, { recursive: true, force: true });
    throw error;
  }
}
