// A failed request, shown as Polaris shows errors: a critical banner with the server's message and a retry.
import { Banner } from "@shopify/polaris";
import { useT } from "../i18n/admin-language";

export function ErrorBanner({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const t = useT();
  return (
    <Banner
      tone="critical"
      title={t("common.loadFailed")}
      action={onRetry ? { content: t("common.retry"), onAction: onRetry } : undefined}
    >
      <p>{error.message}</p>
    </Banner>
  );
}
