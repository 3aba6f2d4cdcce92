// Charts (polaris-viz, Shopify's own): a measure's trend by month as a line, segment sizes as bars; only this chunk loads them.
import "@shopify/polaris-viz/build/esm/styles.css";
import { BarChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import type { MonthPoint, SegmentName } from "../../api/analytics-types";
import { formatNumber } from "../../components/format";
import { useAdminLanguage } from "../../i18n/admin-language";
import { segmentChartHeight, trendChartHeight } from "./chart-sizes";
import { monthLabel } from "./measure-text";

/** A series' points that have a number; months without one stay gaps rather than zeros. */
export function trendPoints(byMonth: readonly MonthPoint[] | undefined, locale: string) {
  return (byMonth ?? []).map((point) => {
    const raw = point.score ?? point.value ?? null;
    const value = raw === null || raw === "" ? null : Number(raw);
    return { key: monthLabel(point.month, locale), value: Number.isFinite(value) ? value : null };
  });
}

export function TrendChart({ name, byMonth }: { name: string; byMonth: readonly MonthPoint[] }) {
  const { t, locale } = useAdminLanguage();
  return (
    <PolarisVizProvider>
      <div style={{ height: trendChartHeight }}>
        <LineChart
          data={[{ name, data: trendPoints(byMonth, locale) }]}
          theme="Light"
          isAnimated={false}
          showLegend={false}
          emptyStateText={t("retention.notEnoughData")}
          yAxisOptions={{ labelFormatter: (value) => formatNumber(Number(value), locale) }}
        />
      </div>
    </PolarisVizProvider>
  );
}

export function SegmentChart({ segments }: { segments: { segment: SegmentName; customers: number }[] }) {
  const { t, locale } = useAdminLanguage();
  const data = segments.map((row) => ({ key: t(`retention.segments.names.${row.segment}`), value: row.customers }));
  return (
    <PolarisVizProvider>
      <div style={{ height: segmentChartHeight }}>
        <BarChart
          data={[{ name: t("retention.segments.customers"), data }]}
          theme="Light"
          direction="horizontal"
          isAnimated={false}
          showLegend={false}
          emptyStateText={t("retention.notEnoughData")}
          // Customers come whole: fractional ticks stay unlabelled.
          xAxisOptions={{
            labelFormatter: (value) => (Number.isInteger(Number(value)) ? formatNumber(Number(value), locale) : ""),
          }}
        />
      </div>
    </PolarisVizProvider>
  );
}
