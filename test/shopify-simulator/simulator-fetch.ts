// Points @shopify/shopify-api at the simulator the way the app does in dev: rewrite https://{host}{path} to /store/{host}{path}.
import "@shopify/shopify-api/adapters/node";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

export function useSimulatorFetch(simulatorUrl: () => string): void {
  const rewrite: typeof fetch = (input, init) => {
    const raw = typeof input === "string" ? input : input instanceof URL ? input.toString() : input.url;
    const url = new URL(raw);
    const target = url.protocol === "https:" ? `${simulatorUrl()}/store/${url.host}${url.pathname}${url.search}` : raw;
    return fetch(target, init);
  };
  setAbstractFetchFunc(rewrite);
}
