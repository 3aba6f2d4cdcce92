// The coupons issued so far: totals, a status filter, and a cursor-paged table with customer, order and revenue.
import { useState } from "react";
import { BlockStack, Card, InlineStack, Pagination, Tabs, Text } from "@shopify/polaris";
import type { CouponListAnswer, CouponListStatus } from "../../api/coupon-list-types";
import { useApi } from "../../api/use-api";
import { ErrorBanner } from "../../components/error-banner";
import { formatMoney, formatNumber } from "../../components/format";
import { useCursorPages } from "../../components/use-cursor-pages";
import { useAdminLanguage } from "../../i18n/admin-language";
import { CouponTable } from "./coupon-table";

const filters: (CouponListStatus | "")[] = ["", "issued", "redeemed", "expired", "failed", "pending"];

export function IssuedCoupons() {
  const { t } = useAdminLanguage();
  const [filter, setFilter] = useState(0);
  const pages = useCursorPages();
  const status = filters[filter] ?? "";
  const query = new URLSearchParams({ limit: "20" });
  if (status) query.set("status", status);
  if (pages.cursor) query.set("cursor", pages.cursor);
  const list = useApi<CouponListAnswer>(`/api/coupons?${query.toString()}`);
  return (
    <BlockStack gap="400">
      {list.data && <CouponSummary summary={list.data.summary} />}
      <Card padding="0">
        <Tabs
          tabs={filters.map((value) => ({
            id: `coupons-${value || "all"}`,
            content: t(value ? `coupons.list.status.${value}` : "coupons.list.all"),
          }))}
          selected={filter}
          onSelect={(index) => {
            setFilter(index);
            pages.reset();
          }}
        />
        {list.error ? (
          <ErrorBanner error={list.error} onRetry={list.reload} />
        ) : (
          <CouponTable coupons={list.data?.coupons ?? []} loading={list.loading} />
        )}
        <InlineStack align="center">
          <Pagination
            hasPrevious={pages.hasPrevious}
            onPrevious={pages.previous}
            hasNext={Boolean(list.data?.nextCursor)}
            onNext={() => list.data?.nextCursor && pages.next(list.data.nextCursor)}
          />
        </InlineStack>
      </Card>
    </BlockStack>
  );
}

function CouponSummary({ summary }: { summary: CouponListAnswer["summary"] }) {
  const { t, locale } = useAdminLanguage();
  const figures = [
    ["issued", formatNumber(summary.issued, locale)],
    ["redeemed", formatNumber(summary.redeemed, locale)],
    ["expired", formatNumber(summary.expired, locale)],
    ["revenue", formatMoney(summary.revenue, summary.currencyCode, locale)],
  ] as const;
  return (
    <InlineStack gap="800">
      {figures.map(([key, value]) => (
        <BlockStack key={key} gap="100">
          <Text as="span" tone="subdued">
            {t(`coupons.list.summary.${key}`)}
          </Text>
          <Text as="span" variant="headingLg">
            {value}
          </Text>
        </BlockStack>
      ))}
    </InlineStack>
  );
}
