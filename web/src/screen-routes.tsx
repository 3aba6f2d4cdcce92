// The admin's screens, each loaded as its own chunk when first opened.
import type { RouteObject } from "react-router";

const screen = (load: () => Promise<{ default: React.ComponentType }>): RouteObject["lazy"] => {
  return async () => ({ Component: (await load()).default });
};

export const screenRoutes: RouteObject[] = [
  { index: true, lazy: screen(() => import("./screens/home-screen")) },
  { path: "coupons", lazy: screen(() => import("./screens/coupons-screen")) },
  { path: "emails", lazy: screen(() => import("./screens/emails-screen")) },
  { path: "emails/:kind/:language", lazy: screen(() => import("./screens/email-template-screen")) },
  { path: "shipping", lazy: screen(() => import("./screens/shipping-screen")) },
  { path: "loyalty", lazy: screen(() => import("./screens/loyalty-screen")) },
  { path: "customers", lazy: screen(() => import("./screens/customers-screen")) },
  { path: "customers/:id", lazy: screen(() => import("./screens/customer-screen")) },
  { path: "retention", lazy: screen(() => import("./screens/retention-screen")) },
  { path: "campaigns", lazy: screen(() => import("./screens/campaigns-screen")) },
  { path: "activity", lazy: screen(() => import("./screens/activity-screen")) },
  { path: "languages", lazy: screen(() => import("./screens/languages-screen")) },
  { path: "*", lazy: screen(() => import("./screens/not-found-screen")) },
];

/** The navigation App Bridge shows in Shopify admin's sidebar: path and catalogue key. */
export const navigation = [
  { path: "/coupons", label: "nav.coupons" },
  { path: "/emails", label: "nav.emails" },
  { path: "/shipping", label: "nav.shipping" },
  { path: "/loyalty", label: "nav.loyalty" },
  { path: "/customers", label: "nav.customers" },
  { path: "/retention", label: "nav.retention" },
  { path: "/campaigns", label: "nav.campaigns" },
  { path: "/activity", label: "nav.activity" },
  { path: "/languages", label: "nav.languages" },
] as const;
