// Every kind's template in each language: default or customised, a badge when a stored one failed, a link to edit.
import type { IndexTableProps } from "@shopify/polaris";
import { Badge, Card, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import type { TemplateSummary } from "../../api/email-types";
import { useApi } from "../../api/use-api";
import { ErrorBanner } from "../../components/error-banner";
import { useT, type Translate } from "../../i18n/admin-language";

export const templateLanguages = ["en", "id", "fil"] as const;

export function TemplateList() {
  const t = useT();
  const answer = useApi<{ templates: TemplateSummary[] }>("/api/email-templates");
  const templates = answer.data?.templates ?? [];
  const kinds = [...new Set(templates.map((template) => template.kind))];
  const find = (kind: string, language: string) =>
    templates.find((template) => template.kind === kind && template.language === language);
  return (
    <Card padding="0">
      {answer.error && <ErrorBanner error={answer.error} onRetry={answer.reload} />}
      <IndexTable
        resourceName={{ singular: t("emails.templates.template"), plural: t("emails.templates.templates") }}
        itemCount={kinds.length}
        selectable={false}
        loading={answer.loading}
        headings={headings(t)}
      >
        {kinds.map((kind, index) => (
          <IndexTable.Row key={kind} id={kind} position={index}>
            <IndexTable.Cell>
              <Text as="span" fontWeight="semibold">
                {t(`emails.kind.${kind}.name`)}
              </Text>
            </IndexTable.Cell>
            {templateLanguages.map((language) => (
              <IndexTable.Cell key={language}>
                <TemplateCell summary={find(kind, language)} kind={kind} language={language} />
              </IndexTable.Cell>
            ))}
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}

function TemplateCell({ summary, kind, language }: { summary?: TemplateSummary; kind: string; language: string }) {
  const t = useT();
  const label = t("emails.templates.edit", {
    kind: t(`emails.kind.${kind}.name`),
    language: t(`languages.names.${language}`),
  });
  return (
    <InlineStack gap="200" blockAlign="center" wrap={false}>
      <Link url={`/emails/${kind}/${language}`} accessibilityLabel={label} removeUnderline>
        {t("emails.templates.editShort")}
      </Link>
      {summary?.isCustom ? (
        <Badge tone="info">{t("emails.templates.custom")}</Badge>
      ) : (
        <Badge>{t("emails.templates.default")}</Badge>
      )}
      {summary?.lastError && <Badge tone="critical">{t("emails.templates.failed")}</Badge>}
    </InlineStack>
  );
}

function headings(t: Translate): IndexTableProps["headings"] {
  return [
    { title: t("emails.templates.kind") },
    ...templateLanguages.map((language) => ({ title: t(`languages.names.${language}`) })),
  ] as IndexTableProps["headings"];
}
