// Home: a banner when webhooks or jobs are failing, the setup checklist, and this month's figures.
import { Banner, Layout, Page } from "@shopify/polaris";
import type { ActivityAnswer, OverviewAnswer } from "../api/activity-types";
import { useApi } from "../api/use-api";
import { ErrorBanner } from "../components/error-banner";
import { ScreenSkeleton } from "../components/screen-skeleton";
import { useShop } from "../components/shop-context";
import { useT } from "../i18n/admin-language";
import { MonthFigures } from "./home/month-figures";
import { SetupChecklist } from "./home/setup-checklist";
import { hasChosenAdminLanguage } from "./languages-screen";

export default function HomeScreen() {
  const t = useT();
  const shop = useShop();
  const overview = useApi<OverviewAnswer>("/api/overview");
  const activity = useApi<ActivityAnswer>("/api/activity?status=failed&limit=1");
  if (overview.error) {
    return (
      <Page title={t("home.title")}>
        <ErrorBanner error={overview.error} onRetry={overview.reload} />
      </Page>
    );
  }
  if (!overview.data) return <ScreenSkeleton title={t("home.title")} />;
  // Only this shop's failures: the queue is shared by every shop.
  const failing = activity.data?.failures.length ?? 0;
  const steps = [
    { key: "coupons", done: overview.data.setup.coupons, url: "/coupons" },
    { key: "languages", done: hasChosenAdminLanguage(), url: "/languages" },
  ];
  return (
    <Page title={t("home.title")} subtitle={shop?.name ?? undefined}>
      <Layout>
        {failing > 0 && (
          <Layout.Section>
            <Banner
              tone="critical"
              title={t("home.failing.title", { count: failing })}
              action={{ content: t("home.failing.action"), url: "/activity" }}
            >
              <p>{t("home.failing.body")}</p>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <SetupChecklist steps={steps} />
        </Layout.Section>
        <Layout.Section>
          <MonthFigures month={overview.data.month} currencyCode={shop?.currencyCode ?? "USD"} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
