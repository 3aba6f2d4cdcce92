// Languages: the admin's own language (en, id, fil), and which languages shoppers are served in.
import { BlockStack, Card, ChoiceList, Layout, List, Page, Text } from "@shopify/polaris";
import { adminLanguages, useAdminLanguage, type AdminLanguage } from "../i18n/admin-language";

const storageKey = "afterglow.adminLanguage";

/** The checklist's "languages" step: done once the owner has picked the admin's language here. */
export function hasChosenAdminLanguage(): boolean {
  return window.localStorage.getItem(storageKey) !== null;
}

export default function LanguagesScreen() {
  const { t, language, setLanguage } = useAdminLanguage();
  return (
    <Page title={t("languages.title")} backAction={{ url: "/" }}>
      <Layout>
        <Layout.AnnotatedSection title={t("languages.admin.title")} description={t("languages.admin.description")}>
          <Card>
            <ChoiceList
              title={t("languages.admin.choice")}
              choices={adminLanguages.map((value) => ({ label: t(`languages.names.${value}`), value }))}
              selected={[language]}
              onChange={(selected) => setLanguage((selected[0] as AdminLanguage | undefined) ?? "en")}
            />
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title={t("languages.shoppers.title")}
          description={t("languages.shoppers.description")}
        >
          <Card>
            <BlockStack gap="200">
              <List>
                {adminLanguages.map((value) => (
                  <List.Item key={value}>{t(`languages.names.${value}`)}</List.Item>
                ))}
              </List>
              <Text as="p" tone="subdued">
                {t("languages.shoppers.fallback")}
              </Text>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
