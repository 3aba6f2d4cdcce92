// The shop the session token is for (name, currency, time zone), loaded once for every screen.
import { createContext, useContext, type ReactNode } from "react";
import { useApi } from "../api/use-api";

export interface ShopInfo {
  domain: string;
  name: string | null;
  currencyCode: string;
  ianaTimezone: string | null;
}

const ShopContext = createContext<ShopInfo | undefined>(undefined);

export function ShopProvider({ children }: { children: ReactNode }) {
  const { data } = useApi<{ shop: ShopInfo }>("/api/shop");
  return <ShopContext.Provider value={data?.shop}>{children}</ShopContext.Provider>;
}

/** Undefined until loaded; screens fall back to neutral formatting meanwhile. */
export function useShop(): ShopInfo | undefined {
  return useContext(ShopContext);
}
