// Expiring points reminders belong to the points expiry job (Loyalty): shown here with the campaigns, changed there.
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { formatNumber } from "../../components/format";
import { useAdminLanguage } from "../../i18n/admin-language";
import type { RedemptionSettings } from "../loyalty/loyalty-forms";

/** `settings` is the loyalty document's redemption part (undefined while it loads). */
export function ExpiringPointsCard({ settings }: { settings: RedemptionSettings | undefined }) {
  const { t, locale } = useAdminLanguage();
  const status = !settings
    ? ""
    : settings.expiryMonths === null
      ? t("campaigns.expiring_points.never")
      : t("campaigns.expiring_points.reminder", {
          days: formatNumber(settings.expiryReminderDays, locale),
          months: formatNumber(settings.expiryMonths, locale),
        });
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("campaigns.expiring_points.title")}
        </Text>
        <Text as="p" tone="subdued">
          {t("campaigns.expiring_points.description")}
        </Text>
        {status && <Text as="p">{status}</Text>}
        <InlineStack>
          <Button url="/loyalty">{t("campaigns.expiring_points.change")}</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
