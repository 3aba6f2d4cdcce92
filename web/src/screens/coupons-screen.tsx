// Thank-you coupons: the owner's settings beside a live preview of the shopper's block, and the coupons issued so far.
import { BlockStack, Layout, Page, Text } from "@shopify/polaris";
import { ErrorBanner } from "../components/error-banner";
import { ScreenSkeleton } from "../components/screen-skeleton";
import { SettingsSaveBar } from "../components/settings-save-bar";
import { useShop } from "../components/shop-context";
import { useSettingsForm } from "../components/use-settings-form";
import { useT } from "../i18n/admin-language";
import { fromForm, toForm, type CouponSettings, type CouponSettingsForm } from "./coupons/coupon-settings";
import { CouponSettingsFields } from "./coupons/coupon-settings-form";
import { IssuedCoupons } from "./coupons/issued-coupons";
import { ShopperPreview } from "./coupons/shopper-preview";

const convert = { toForm, fromForm };

export default function CouponsScreen() {
  const t = useT();
  const currencyCode = useShop()?.currencyCode ?? "USD";
  const settings = useSettingsForm<CouponSettings, CouponSettingsForm>("/api/settings/coupons", convert);
  if (settings.loadError) {
    return (
      <Page title={t("coupons.title")}>
        <ErrorBanner error={settings.loadError} onRetry={settings.reload} />
      </Page>
    );
  }
  if (!settings.form) return <ScreenSkeleton title={t("coupons.title")} />;
  return (
    <Page title={t("coupons.title")} subtitle={t("coupons.subtitle")} backAction={{ url: "/" }}>
      <Layout>
        <SettingsSaveBar settings={settings} />
        <Layout.Section>
          <CouponSettingsFields
            form={settings.form}
            errors={settings.fieldErrors}
            currencyCode={currencyCode}
            onChange={settings.change}
          />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <ShopperPreview form={settings.form} currencyCode={currencyCode} />
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="200">
            <Text as="h2" variant="headingLg">
              {t("coupons.list.title")}
            </Text>
            <IssuedCoupons />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
