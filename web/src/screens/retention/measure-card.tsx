// One measure: its name, number (or "not enough data"), the counts behind it, its definition and a CSV download.
import { useState, type ReactNode } from "react";
import { Badge, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { apiDownload } from "../../api/api-download";
import type { Measure } from "../../api/analytics-types";
import { useToast } from "../../components/toast-provider";
import { useT } from "../../i18n/admin-language";
import { detailText, reasonText, unitText, valueText, type TextContext } from "./measure-text";

interface MeasureCardProps {
  measure: Measure;
  context: TextContext;
  /** The period and language query, so the CSV holds what the card shows. */
  query: string;
  children?: ReactNode;
}

export function MeasureCard({ measure, context, query, children }: MeasureCardProps) {
  const t = useT();
  const showToast = useToast();
  const [downloading, setDownloading] = useState(false);
  const title = t(`retention.measures.${measure.measure}`);
  const value = valueText(measure, context);
  const detail = detailText(measure, context);
  const unit = unitText(measure.unit, t);
  const download = () => {
    setDownloading(true);
    apiDownload(`/api/analytics/${measure.measure}?${query}&format=csv`, `${measure.measure}.csv`)
      .catch(() => showToast(t("retention.csvFailed"), { error: true }))
      .finally(() => setDownloading(false));
  };
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="h3" variant="headingSm">
            {title}
          </Text>
          <Button
            variant="plain"
            loading={downloading}
            onClick={download}
            accessibilityLabel={t("retention.csvFor", { measure: title })}
          >
            {t("retention.csv")}
          </Button>
        </InlineStack>
        <MeasureValue measure={measure} value={value} unit={unit} />
        {detail && value !== null && (
          <Text as="p" variant="bodySm">
            {detail}
          </Text>
        )}
        {children}
        <Text as="p" variant="bodySm" tone="subdued">
          {measure.definition}
        </Text>
      </BlockStack>
    </Card>
  );
}

function MeasureValue({ measure, value, unit }: { measure: Measure; value: string | null; unit: string | null }) {
  const t = useT();
  if (value === null) {
    return (
      <BlockStack gap="100">
        <InlineStack>
          <Badge tone="attention">{t("retention.notEnoughData")}</Badge>
        </InlineStack>
        <Text as="p" tone="subdued">
          {reasonText(measure, t)}
        </Text>
      </BlockStack>
    );
  }
  return (
    <InlineStack gap="200" blockAlign="baseline">
      <Text as="p" variant="heading2xl">
        {value}
      </Text>
      {unit && <Text as="span">{unit}</Text>}
    </InlineStack>
  );
}
