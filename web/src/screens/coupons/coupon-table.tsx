// One row per coupon: code, status, value, customer, the order that earned it, the order that used it, revenue.
import { Badge, EmptyState, IndexTable, Text } from "@shopify/polaris";
import type { CouponListItem, CouponListStatus } from "../../api/coupon-list-types";
import { formatDateTime, formatMoney } from "../../components/format";
import { useAdminLanguage, type Translate } from "../../i18n/admin-language";

const tones: Record<CouponListStatus, "success" | "critical" | "info" | "attention" | undefined> = {
  issued: "info",
  redeemed: "success",
  expired: undefined,
  failed: "critical",
  pending: "attention",
};

export function describeValue(coupon: CouponListItem, t: Translate, locale: string): string {
  if (coupon.kind === "free_shipping") return t("coupons.kinds.free_shipping");
  if (coupon.kind === "percentage")
    return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(
      Number(coupon.value) / 100,
    );
  return formatMoney(coupon.value, coupon.currencyCode, locale);
}

export function CouponTable({ coupons, loading }: { coupons: CouponListItem[]; loading: boolean }) {
  const { t, locale } = useAdminLanguage();
  return (
    <IndexTable
      resourceName={{ singular: t("coupons.list.coupon"), plural: t("coupons.list.coupons") }}
      itemCount={coupons.length}
      selectable={false}
      loading={loading}
      headings={[
        { title: t("coupons.list.columns.code") },
        { title: t("coupons.list.columns.status") },
        { title: t("coupons.list.columns.value") },
        { title: t("coupons.list.columns.customer") },
        { title: t("coupons.list.columns.order") },
        { title: t("coupons.list.columns.redeemed") },
        { title: t("coupons.list.columns.revenue"), alignment: "end" },
      ]}
      emptyState={
        <EmptyState heading={t("coupons.list.empty.heading")} image="">
          <p>{t("coupons.list.empty.body")}</p>
        </EmptyState>
      }
    >
      {coupons.map((coupon, index) => (
        <IndexTable.Row id={String(coupon.id)} key={coupon.id} position={index}>
          <IndexTable.Cell>
            <Text as="span" fontWeight="semibold">
              {coupon.code}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Badge tone={tones[coupon.status]}>{t(`coupons.list.status.${coupon.status}`)}</Badge>
          </IndexTable.Cell>
          <IndexTable.Cell>{describeValue(coupon, t, locale)}</IndexTable.Cell>
          <IndexTable.Cell>{coupon.customer?.name ?? coupon.customer?.email ?? "—"}</IndexTable.Cell>
          <IndexTable.Cell>{coupon.orderName ?? "—"}</IndexTable.Cell>
          <IndexTable.Cell>
            {coupon.redeemedAt ? `${coupon.redeemedOrderName ?? ""} ${formatDateTime(coupon.redeemedAt, locale)}` : "—"}
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {coupon.revenue ? formatMoney(coupon.revenue, coupon.currencyCode, locale) : "—"}
            </Text>
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
