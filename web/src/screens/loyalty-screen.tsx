// Loyalty: earning rules and return window, tiers, and redemption (rate, minimum, expiry): one document, one save bar.
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { ErrorBanner } from "../components/error-banner";
import { ScreenSkeleton } from "../components/screen-skeleton";
import { SettingsSaveBar } from "../components/settings-save-bar";
import { useSettingsForm } from "../components/use-settings-form";
import { useT } from "../i18n/admin-language";
import { EarningCard } from "./loyalty/earning-card";
import {
  fromLoyaltyForm,
  redemptionErrors,
  toLoyaltyForm,
  type LoyaltyForm,
  type LoyaltySettings,
  type RedemptionForm,
} from "./loyalty/loyalty-forms";
import { MilestoneCard } from "./loyalty/milestone-card";
import { RedemptionCard } from "./loyalty/redemption-card";
import { TiersCard } from "./loyalty/tiers-card";

const loyaltyConvert = { toForm: toLoyaltyForm, fromForm: fromLoyaltyForm };

export default function LoyaltyScreen() {
  const t = useT();
  const loyalty = useSettingsForm<LoyaltySettings, LoyaltyForm>("/api/settings/loyalty", loyaltyConvert);
  if (loyalty.loadError) {
    return (
      <Page title={t("loyalty.title")}>
        <ErrorBanner error={loyalty.loadError} onRetry={loyalty.reload} />
      </Page>
    );
  }
  const form = loyalty.form;
  if (!form) return <ScreenSkeleton title={t("loyalty.title")} />;
  const fields = { form, errors: loyalty.fieldErrors, onChange: loyalty.change };
  const changeRedemption = <K extends keyof RedemptionForm>(field: K, value: RedemptionForm[K]) =>
    loyalty.change("redemption", { ...form.redemption, [field]: value });
  return (
    <Page title={t("loyalty.title")} subtitle={t("loyalty.subtitle")} backAction={{ url: "/" }}>
      <Layout>
        <SettingsSaveBar settings={loyalty} />
        <Layout.Section>
          <BlockStack gap="400">
            <EarningCard {...fields} />
            <MilestoneCard {...fields} />
            <TiersCard {...fields} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <RedemptionCard
            form={form.redemption}
            errors={redemptionErrors(loyalty.fieldErrors)}
            onChange={changeRedemption}
          />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
