// The frame every campaign shares: its name and purpose, on or off, and what it has done (sends, redemptions, revenue).
import type { ReactNode } from "react";
import { Badge, BlockStack, Card, Checkbox, Divider, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import type { CampaignName, CampaignStats } from "../../api/campaign-types";
import { formatMoney, formatNumber } from "../../components/format";
import { useAdminLanguage } from "../../i18n/admin-language";

interface CampaignCardProps {
  name: CampaignName;
  enabled: boolean;
  stats: CampaignStats | undefined;
  currencyCode: string;
  onToggle: (enabled: boolean) => void;
  children: ReactNode;
}

export function CampaignCard({ name, enabled, stats, currencyCode, onToggle, children }: CampaignCardProps) {
  const { t } = useAdminLanguage();
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="start" gap="200" wrap={false}>
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              {t(`campaigns.${name}.title`)}
            </Text>
            <Text as="p" tone="subdued">
              {t(`campaigns.${name}.description`)}
            </Text>
          </BlockStack>
          <Badge tone={enabled ? "success" : undefined}>{t(enabled ? "campaigns.on" : "campaigns.off")}</Badge>
        </InlineStack>
        <Checkbox label={t(`campaigns.${name}.enabled`)} checked={enabled} onChange={onToggle} />
        <CampaignFigures stats={stats} currencyCode={currencyCode} />
        <Divider />
        {children}
      </BlockStack>
    </Card>
  );
}

function CampaignFigures({ stats, currencyCode }: { stats: CampaignStats | undefined; currencyCode: string }) {
  const { t, locale } = useAdminLanguage();
  const figures = [
    { key: "sends", value: formatNumber(stats?.sends ?? 0, locale) },
    { key: "redemptions", value: formatNumber(stats?.redemptions ?? 0, locale) },
    { key: "revenue", value: formatMoney(stats?.revenue ?? "0", currencyCode, locale) },
  ];
  return (
    <InlineGrid columns={3} gap="300">
      {figures.map((figure) => (
        <BlockStack gap="050" key={figure.key}>
          <Text as="p" variant="bodySm" tone="subdued">
            {t(`campaigns.stats.${figure.key}`)}
          </Text>
          <Text as="p" variant="headingMd">
            {figure.value}
          </Text>
        </BlockStack>
      ))}
    </InlineGrid>
  );
}
