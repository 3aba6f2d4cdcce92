// The dashboard's measures in groups a merchant asks about: do they come back, what are they worth, are they happy,
// do coupons and points work, who are they (RFM).
import { lazy, Suspense, type ReactNode } from "react";
import { BlockStack, DataTable, InlineGrid, Text } from "@shopify/polaris";
import { segmentNames, type Measure, type MeasureName } from "../../api/analytics-types";
import { formatMoney, formatNumber } from "../../components/format";
import { useT } from "../../i18n/admin-language";
import { MeasureCard } from "./measure-card";
import { segmentChartHeight, trendChartHeight } from "./chart-sizes";
import { percentText, type TextContext } from "./measure-text";

// polaris-viz is the heaviest library here: its chunk loads after the numbers are on screen.
const TrendChart = lazy(() => import("./charts").then((module) => ({ default: module.TrendChart })));
const SegmentChart = lazy(() => import("./charts").then((module) => ({ default: module.SegmentChart })));

const groups: { key: string; measures: MeasureName[]; columns: 2 | 3 }[] = [
  {
    key: "comeBack",
    measures: ["customer-retention-rate", "repeat-purchase-rate", "returning-customer-rate"],
    columns: 3,
  },
  { key: "value", measures: ["purchase-frequency", "average-order-value", "customer-lifetime-value"], columns: 3 },
  { key: "satisfaction", measures: ["nps"], columns: 2 },
  {
    key: "couponsPoints",
    measures: ["coupon-redemption-rate", "coupon-revenue", "points-outstanding", "points-liability"],
    columns: 2,
  },
  { key: "segments", measures: ["rfm-segments", "top-customer-revenue-share"], columns: 2 },
];

interface SectionsProps {
  measures: Measure[];
  context: TextContext;
  query: string;
}

/** The measure's months: its `series`, or for NPS without one, `parts.byMonth`. */
const monthsOf = (measure: Measure) => measure.series ?? measure.parts.byMonth ?? [];

/** A line needs two months with a number; one month is already the card's figure. */
function hasMonths(measure: Measure): boolean {
  return monthsOf(measure).filter((point) => (point.score ?? point.value ?? null) !== null).length >= 2;
}

function chartFor(measure: Measure, title: string): ReactNode {
  if (measure.measure === "rfm-segments" && measure.value !== null) {
    return <SegmentChart segments={measure.parts.segments ?? []} />;
  }
  if (hasMonths(measure)) return <TrendChart name={title} byMonth={monthsOf(measure)} />;
  return null;
}

/** The chart's own height while its code loads, so nothing below it moves when it arrives. */
function ChartSpace({ measure }: { measure: Measure }) {
  return <div style={{ height: measure.measure === "rfm-segments" ? segmentChartHeight : trendChartHeight }} />;
}

export function MeasureSections({ measures, context, query }: SectionsProps) {
  const t = useT();
  const byName = new Map(measures.map((measure) => [measure.measure, measure]));
  return (
    <BlockStack gap="600">
      {groups.map((group) => (
        <BlockStack gap="300" key={group.key}>
          <Text as="h2" variant="headingLg">
            {t(`retention.groups.${group.key}`)}
          </Text>
          <InlineGrid columns={{ xs: 1, md: group.columns }} gap="400" alignItems="start">
            {group.measures.map((name) => {
              const measure = byName.get(name);
              if (!measure) return null;
              const chart = chartFor(measure, t(`retention.measures.${name}`));
              return (
                <MeasureCard key={name} measure={measure} context={context} query={query}>
                  {chart && <Suspense fallback={<ChartSpace measure={measure} />}>{chart}</Suspense>}
                  {name === "rfm-segments" && measure.value !== null && (
                    <SegmentTable measure={measure} context={context} />
                  )}
                </MeasureCard>
              );
            })}
          </InlineGrid>
        </BlockStack>
      ))}
    </BlockStack>
  );
}

function SegmentTable({ measure, context }: { measure: Measure; context: TextContext }) {
  const { t, locale, currencyCode } = context;
  const rows = segmentNames.map((name) => {
    const row = measure.parts.segments?.find((segment) => segment.segment === name);
    return [
      t(`retention.segments.names.${name}`),
      formatNumber(row?.customers ?? 0, locale),
      row?.share === null || row?.share === undefined ? "—" : percentText(row.share, locale),
      formatMoney(row?.revenue ?? "0", currencyCode, locale),
    ];
  });
  return (
    <DataTable
      columnContentTypes={["text", "numeric", "numeric", "numeric"]}
      headings={[
        t("retention.segments.segment"),
        t("retention.segments.customers"),
        t("retention.segments.share"),
        t("retention.segments.revenue"),
      ]}
      rows={rows}
    />
  );
}
