// Emails: each kind on or off with its delay (one save bar), and the templates per kind and language to edit.
import { BlockStack, Layout, Page, Text } from "@shopify/polaris";
import type { EmailSettings } from "../api/email-types";
import { ErrorBanner } from "../components/error-banner";
import { ScreenSkeleton } from "../components/screen-skeleton";
import { SettingsSaveBar } from "../components/settings-save-bar";
import { useSettingsForm } from "../components/use-settings-form";
import { useT } from "../i18n/admin-language";
import { EmailKindsCard } from "./emails/email-kinds-card";
import { fromEmailForm, toEmailForm, type EmailSettingsForm } from "./emails/email-settings-form";
import { TemplateList } from "./emails/template-list";

const convert = { toForm: toEmailForm, fromForm: fromEmailForm };

export default function EmailsScreen() {
  const t = useT();
  const settings = useSettingsForm<EmailSettings, EmailSettingsForm>("/api/settings/emails", convert);
  if (settings.loadError) {
    return (
      <Page title={t("emails.title")}>
        <ErrorBanner error={settings.loadError} onRetry={settings.reload} />
      </Page>
    );
  }
  if (!settings.form) return <ScreenSkeleton title={t("emails.title")} />;
  return (
    <Page title={t("emails.title")} subtitle={t("emails.subtitle")} backAction={{ url: "/" }}>
      <Layout>
        <SettingsSaveBar settings={settings} />
        <Layout.Section>
          <EmailKindsCard
            form={settings.form}
            errors={settings.fieldErrors}
            onChange={(kinds) => settings.change("kinds", kinds)}
          />
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="200">
            <Text as="h2" variant="headingLg">
              {t("emails.templates.title")}
            </Text>
            <TemplateList />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
