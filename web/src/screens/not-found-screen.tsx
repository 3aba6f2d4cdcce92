// Any path the admin does not know: an empty state that leads back home.
import { Card, EmptyState, Page } from "@shopify/polaris";
import { useT } from "../i18n/admin-language";

export default function NotFoundScreen() {
  const t = useT();
  return (
    <Page>
      <Card>
        <EmptyState heading={t("notFound.heading")} action={{ content: t("notFound.action"), url: "/" }} image="">
          <p>{t("notFound.body")}</p>
        </EmptyState>
      </Card>
    </Page>
  );
}
