// Campaigns: win-back, birthday, anniversary, replenishment and expiring-code reminders, each on or off with its
// offer and audience behind one save bar, with what each has sent, and what that brought back.
import { BlockStack, Layout, Page } from "@shopify/polaris";
import type { CampaignName, CampaignSettings, CampaignStatsAnswer } from "../api/campaign-types";
import { useApi } from "../api/use-api";
import { ErrorBanner } from "../components/error-banner";
import { ScreenSkeleton } from "../components/screen-skeleton";
import { SettingsSaveBar } from "../components/settings-save-bar";
import { useShop } from "../components/shop-context";
import { useSettingsForm } from "../components/use-settings-form";
import { useT } from "../i18n/admin-language";
import {
  AnniversaryCard,
  BirthdayCard,
  ExpiringCouponCard,
  ReplenishmentCard,
  WinbackCard,
  type CampaignPartProps,
} from "./campaigns/campaign-cards";
import { fromCampaignsForm, toCampaignsForm, type CampaignsForm } from "./campaigns/campaign-forms";
import { ExpiringPointsCard } from "./campaigns/expiring-points-card";
import type { LoyaltySettings } from "./loyalty/loyalty-forms";

const convert = { toForm: toCampaignsForm, fromForm: fromCampaignsForm };

export default function CampaignsScreen() {
  const t = useT();
  const shop = useShop();
  const settings = useSettingsForm<CampaignSettings, CampaignsForm>("/api/campaigns", convert);
  const stats = useApi<CampaignStatsAnswer>("/api/campaigns/stats");
  const loyalty = useApi<{ settings: LoyaltySettings }>("/api/settings/loyalty");
  const { form, change, fieldErrors } = settings;
  const currencyCode = stats.data?.currencyCode ?? shop?.currencyCode ?? "USD";
  const tiers = loyalty.data?.settings.tiers.map((tier) => tier.name) ?? [];
  const part = <N extends CampaignName>(name: N, current: CampaignsForm): CampaignPartProps<N> => ({
    name,
    value: current[name],
    errors: fieldErrors,
    stats: stats.data?.campaigns.find((row) => row.campaign === name),
    currencyCode,
    tiers,
    onChange: (value) => change(name, value),
  });
  if (settings.loadError) {
    return (
      <Page title={t("campaigns.title")}>
        <ErrorBanner error={settings.loadError} onRetry={settings.reload} />
      </Page>
    );
  }
  if (!form) return <ScreenSkeleton title={t("campaigns.title")} />;
  return (
    <Page title={t("campaigns.title")} subtitle={t("campaigns.subtitle")} backAction={{ url: "/" }}>
      <Layout>
        <SettingsSaveBar settings={settings} />
        <Layout.Section>
          <BlockStack gap="400">
            <WinbackCard {...part("winback", form)} />
            <BirthdayCard {...part("birthday", form)} />
            <AnniversaryCard {...part("anniversary", form)} />
            <ReplenishmentCard {...part("replenishment", form)} />
            <ExpiringCouponCard {...part("expiring_coupon", form)} />
            <ExpiringPointsCard settings={loyalty.data?.settings.redemption} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
