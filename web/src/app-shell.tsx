// The frame every screen renders in: App Bridge's navigation menu, Polaris' Frame (toasts, save bar), a skeleton while a screen loads.
import { Frame } from "@shopify/polaris";
import { NavMenu } from "@shopify/app-bridge-react";
import { Link, Outlet, useNavigation } from "react-router";
import { ScreenSkeleton } from "./components/screen-skeleton";
import { ShopProvider } from "./components/shop-context";
import { ToastProvider } from "./components/toast-provider";
import { useT } from "./i18n/admin-language";
import { navigation } from "./screen-routes";

export function AppShell() {
  const t = useT();
  const loadingScreen = useNavigation().state === "loading";
  return (
    <Frame>
      <NavMenu>
        <Link to="/" rel="home">
          {t("nav.home")}
        </Link>
        {navigation.map((item) => (
          <Link key={item.path} to={item.path}>
            {t(item.label)}
          </Link>
        ))}
      </NavMenu>
      <ShopProvider>
        <ToastProvider>{loadingScreen ? <ScreenSkeleton /> : <Outlet />}</ToastProvider>
      </ShopProvider>
    </Frame>
  );
}
