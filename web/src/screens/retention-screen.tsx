// Retention dashboard: a period, the import's progress, every measure with its definition, charts and CSV downloads.
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { Banner, BlockStack, Card, EmptyState, Layout, Page, Text } from "@shopify/polaris";
import type { AnalyticsSummary } from "../api/analytics-types";
import { ApiError } from "../api/api-fetch";
import { useApi } from "../api/use-api";
import { ErrorBanner } from "../components/error-banner";
import { ScreenSkeleton } from "../components/screen-skeleton";
import { useShop } from "../components/shop-context";
import { useAdminLanguage } from "../i18n/admin-language";
import { paramsOf, periodOf, periodQuery, type DashboardPeriod } from "./retention/dashboard-period";
import { emptyChartImage } from "./retention/empty-chart-image";
import { HistoryImportCard, useImportProgress } from "./retention/history-import-card";
import { MeasureSections } from "./retention/measure-sections";
import { PeriodPicker } from "./retention/period-picker";

function dayText(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** The period in the URL, the summary for it, and the picker's errors when the server refused the dates. */
function useDashboard(timeZone: string | null | undefined) {
  const { t, language } = useAdminLanguage();
  const [params, setParams] = useSearchParams();
  const period = useMemo(() => periodOf(params, timeZone), [params, timeZone]);
  const query = periodQuery(period, language);
  const summary = useApi<AnalyticsSummary>(`/api/analytics/summary?${query}`);
  const choose = useCallback((next: DashboardPeriod) => setParams(paramsOf(next)), [setParams]);
  const refused = summary.error instanceof ApiError && summary.error.status === 422;
  // The server's per-field messages are English: the picker says the same thing in the admin's language.
  const periodErrors = refused
    ? Object.fromEntries(
        Object.keys((summary.error as ApiError).fields).map((field) => [field, t("retention.period.invalid")]),
      )
    : {};
  return { period, query, summary, choose, refused, periodErrors };
}

export default function RetentionScreen() {
  const { t, locale } = useAdminLanguage();
  const shop = useShop();
  const timeZone = shop?.ianaTimezone;
  const { period, query, summary, choose, refused, periodErrors } = useDashboard(timeZone);
  const history = useImportProgress(summary.reload);
  if (summary.error && !refused) {
    return (
      <Page title={t("retention.title")}>
        <ErrorBanner error={summary.error} onRetry={summary.reload} />
      </Page>
    );
  }
  if ((!summary.data && !refused) || !history.loaded) return <ScreenSkeleton title={t("retention.title")} />;
  const data = summary.data;
  const context = { t, locale, currencyCode: shop?.currencyCode ?? "USD" };
  const noOrders = data?.measures.find((measure) => measure.measure === "average-order-value")?.value === null;
  return (
    <Page title={t("retention.title")} subtitle={t("retention.subtitle")} backAction={{ url: "/" }}>
      <Layout>
        <Layout.Section>
          <HistoryImportCard row={history.row} reload={history.reload} />
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="200">
            <PeriodPicker period={period} timeZone={timeZone} errors={periodErrors} onChange={choose} />
            {data && (
              <Text as="p" tone="subdued">
                {t("retention.period.showing", { from: dayText(data.from, locale), to: dayText(data.to, locale) })}
              </Text>
            )}
          </BlockStack>
        </Layout.Section>
        {(refused || noOrders) && (
          <Layout.Section>
            {refused ? <Banner tone="critical" title={t("retention.period.invalid")} /> : <NoOrders />}
          </Layout.Section>
        )}
        {data && (
          <Layout.Section>
            <MeasureSections measures={data.measures} context={context} query={query} />
          </Layout.Section>
        )}
        <Layout.Section>{data && <GroundRules text={data.groundRules} />}</Layout.Section>
      </Layout>
    </Page>
  );
}

function NoOrders() {
  const { t } = useAdminLanguage();
  return (
    <Card>
      <EmptyState heading={t("retention.empty.heading")} image={emptyChartImage}>
        <p>{t("retention.empty.body")}</p>
      </EmptyState>
    </Card>
  );
}

function GroundRules({ text }: { text: string }) {
  const { t } = useAdminLanguage();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("retention.groundRules")}
        </Text>
        <Text as="p" tone="subdued">
          {text}
        </Text>
      </BlockStack>
    </Card>
  );
}
