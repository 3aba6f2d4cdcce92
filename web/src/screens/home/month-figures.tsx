// Home's figures for this month, in the admin's language and the shop's currency.
import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import type { OverviewAnswer } from "../../api/activity-types";
import { formatMoney, formatNumber } from "../../components/format";
import { useAdminLanguage } from "../../i18n/admin-language";

export function MonthFigures({ month, currencyCode }: { month: OverviewAnswer["month"]; currencyCode: string }) {
  const { t, locale } = useAdminLanguage();
  const figures = [
    { key: "pointsAwarded", value: formatNumber(month.pointsAwarded, locale) },
    { key: "couponsIssued", value: formatNumber(month.couponsIssued, locale) },
    { key: "couponsRedeemed", value: formatNumber(month.couponsRedeemed, locale) },
    { key: "couponRevenue", value: formatMoney(month.couponRevenue, currencyCode, locale) },
  ];
  return (
    <BlockStack gap="200">
      <Text as="h2" variant="headingMd">
        {t("home.month.title")}
      </Text>
      <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
        {figures.map((figure) => (
          <Card key={figure.key}>
            <BlockStack gap="100">
              <Text as="h3" variant="headingSm" tone="subdued">
                {t(`home.month.${figure.key}`)}
              </Text>
              <Text as="p" variant="headingLg">
                {figure.value}
              </Text>
            </BlockStack>
          </Card>
        ))}
      </InlineGrid>
    </BlockStack>
  );
}
