// Thank-you coupons: the owner's settings beside a live preview of the shopper's block, saved from the contextual save bar.
import { Banner, BlockStack, ContextualSaveBar, Layout, Page } from "@shopify/polaris";
import { ErrorBanner } from "../components/error-banner";
import { ScreenSkeleton } from "../components/screen-skeleton";
import { useShop } from "../components/shop-context";
import { useToast } from "../components/toast-provider";
import { useSettingsForm } from "../components/use-settings-form";
import { useT } from "../i18n/admin-language";
import { fromForm, toForm, type CouponSettings, type CouponSettingsForm } from "./coupons/coupon-settings";
import { CouponSettingsFields } from "./coupons/coupon-settings-form";
import { ShopperPreview } from "./coupons/shopper-preview";

const convert = { toForm, fromForm };

export default function CouponsScreen() {
  const t = useT();
  const showToast = useToast();
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
  const save = async () => {
    if (await settings.save()) showToast(t("common.saved"));
  };
  return (
    <Page title={t("coupons.title")} subtitle={t("coupons.subtitle")} backAction={{ url: "/" }}>
      {settings.dirty && (
        <ContextualSaveBar
          message={t("common.unsavedChanges")}
          saveAction={{ content: t("common.save"), onAction: () => void save(), loading: settings.saving }}
          discardAction={{ content: t("common.discard"), onAction: settings.discard }}
        />
      )}
      <Layout>
        {settings.saveError && (
          <Layout.Section>
            <Banner tone="critical" title={t("common.fixErrors")}>
              <p>{settings.saveError.message}</p>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <CouponSettingsFields
            form={settings.form}
            errors={settings.fieldErrors}
            currencyCode={currencyCode}
            onChange={settings.change}
          />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <ShopperPreview form={settings.form} currencyCode={currencyCode} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
