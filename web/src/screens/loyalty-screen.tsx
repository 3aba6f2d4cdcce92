// Loyalty: earning rules and return window, tiers, and redemption (rate, minimum, expiry): two settings, one save bar.
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { ErrorBanner } from "../components/error-banner";
import { ScreenSkeleton } from "../components/screen-skeleton";
import { SettingsSaveBar } from "../components/settings-save-bar";
import { bothForms, useSettingsForm } from "../components/use-settings-form";
import { useT } from "../i18n/admin-language";
import { EarningCard } from "./loyalty/earning-card";
import {
  fromLoyaltyForm,
  fromRedemptionForm,
  toLoyaltyForm,
  toRedemptionForm,
  type LoyaltyForm,
  type LoyaltySettings,
  type RedemptionForm,
  type RedemptionSettings,
} from "./loyalty/loyalty-forms";
import { RedemptionCard } from "./loyalty/redemption-card";
import { TiersCard } from "./loyalty/tiers-card";

const loyaltyConvert = { toForm: toLoyaltyForm, fromForm: fromLoyaltyForm };
const redemptionConvert = { toForm: toRedemptionForm, fromForm: fromRedemptionForm };

export default function LoyaltyScreen() {
  const t = useT();
  const loyalty = useSettingsForm<LoyaltySettings, LoyaltyForm>("/api/settings/loyalty", loyaltyConvert);
  const redemption = useSettingsForm<RedemptionSettings, RedemptionForm>("/api/settings/redemption", redemptionConvert);
  const loadError = loyalty.loadError ?? redemption.loadError;
  if (loadError) {
    return (
      <Page title={t("loyalty.title")}>
        <ErrorBanner error={loadError} onRetry={() => (loyalty.reload(), redemption.reload())} />
      </Page>
    );
  }
  if (!loyalty.form || !redemption.form) return <ScreenSkeleton title={t("loyalty.title")} />;
  const fields = { form: loyalty.form, errors: loyalty.fieldErrors, onChange: loyalty.change };
  return (
    <Page title={t("loyalty.title")} subtitle={t("loyalty.subtitle")} backAction={{ url: "/" }}>
      <Layout>
        <SettingsSaveBar settings={bothForms(loyalty, redemption)} />
        <Layout.Section>
          <BlockStack gap="400">
            <EarningCard {...fields} />
            <TiersCard {...fields} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <RedemptionCard form={redemption.form} errors={redemption.fieldErrors} onChange={redemption.change} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
