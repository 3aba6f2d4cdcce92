// Shipping expectations: cut-off, processing days, working days, holidays, transit table, and a calculator.
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { ErrorBanner } from "../components/error-banner";
import { ScreenSkeleton } from "../components/screen-skeleton";
import { SettingsSaveBar } from "../components/settings-save-bar";
import { useSettingsForm } from "../components/use-settings-form";
import { useT } from "../i18n/admin-language";
import { DeliveryCalculator } from "./shipping/delivery-calculator";
import {
  fromShippingForm,
  toShippingForm,
  type ShippingForm,
  type ShippingSettings,
} from "./shipping/shipping-settings";
import { TransitCard } from "./shipping/transit-card";
import { WorkingCalendarCard } from "./shipping/working-calendar-card";

const convert = { toForm: toShippingForm, fromForm: fromShippingForm };

export default function ShippingScreen() {
  const t = useT();
  const settings = useSettingsForm<ShippingSettings, ShippingForm>("/api/settings/shipping", convert);
  if (settings.loadError) {
    return (
      <Page title={t("shipping.title")}>
        <ErrorBanner error={settings.loadError} onRetry={settings.reload} />
      </Page>
    );
  }
  if (!settings.form) return <ScreenSkeleton title={t("shipping.title")} />;
  const fields = { form: settings.form, errors: settings.fieldErrors, onChange: settings.change };
  return (
    <Page title={t("shipping.title")} subtitle={t("shipping.subtitle")} backAction={{ url: "/" }}>
      <Layout>
        <SettingsSaveBar settings={settings} />
        <Layout.Section>
          <BlockStack gap="400">
            <WorkingCalendarCard {...fields} />
            <TransitCard {...fields} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <DeliveryCalculator dirty={settings.dirty} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
