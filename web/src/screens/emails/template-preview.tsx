// What the customer receives, rendered by the server with a sample order: subject, the HTML email and its text part.
import { BlockStack, Card, Text } from "@shopify/polaris";
import { useT } from "../../i18n/admin-language";
import type { Preview } from "./use-template-editor";

export function TemplatePreview({ preview, stale }: { preview?: Preview; stale: boolean }) {
  const t = useT();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("emails.preview.title")}
        </Text>
        {stale && (
          <Text as="p" tone="caution">
            {t("emails.preview.stale")}
          </Text>
        )}
        {preview && (
          <>
            <Text as="p" fontWeight="semibold">
              {t("emails.preview.subject", { subject: preview.subject })}
            </Text>
            {/* No scripts and no same-origin access: the HTML is the owner's, shown as mail clients show it. */}
            <iframe
              title={t("emails.preview.html")}
              sandbox=""
              srcDoc={preview.html}
              style={{ width: "100%", height: 480, border: "1px solid var(--p-color-border)", borderRadius: 8 }}
            />
            <Text as="h3" variant="headingSm">
              {t("emails.preview.text")}
            </Text>
            <pre style={{ whiteSpace: "pre-wrap", margin: 0, font: "inherit" }}>{preview.text}</pre>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
