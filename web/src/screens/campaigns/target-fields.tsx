// Who a campaign is for: RFM segments and loyalty tiers (none chosen means everyone).
import { BlockStack, ChoiceList, InlineGrid, Text } from "@shopify/polaris";
import { segmentNames } from "../../api/analytics-types";
import type { CampaignTarget } from "../../api/campaign-types";
import { useT } from "../../i18n/admin-language";
import { errorAt } from "./campaign-forms";

interface TargetFieldsProps {
  target: CampaignTarget;
  /** The shop's tier names (Loyalty), plus any a saved campaign still names. */
  tiers: string[];
  path: string;
  errors: Record<string, string>;
  onChange: (target: CampaignTarget) => void;
}

export function TargetFields({ target, tiers, path, errors, onChange }: TargetFieldsProps) {
  const t = useT();
  const tierChoices = [...new Set([...tiers, ...target.tiers])];
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {t("campaigns.target.title")}
      </Text>
      <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
        <ChoiceList
          allowMultiple
          title={t("campaigns.target.segments")}
          choices={segmentNames.map((name) => ({ value: name, label: t(`retention.segments.names.${name}`) }))}
          selected={target.segments}
          error={errorAt(errors, `${path}.segments`)}
          onChange={(segments) => onChange({ ...target, segments: segments as CampaignTarget["segments"] })}
        />
        {tierChoices.length > 0 ? (
          <ChoiceList
            allowMultiple
            title={t("campaigns.target.tiers")}
            choices={tierChoices.map((name) => ({ value: name, label: name }))}
            selected={target.tiers}
            error={errorAt(errors, `${path}.tiers`)}
            onChange={(chosen) => onChange({ ...target, tiers: chosen })}
          />
        ) : (
          <Text as="p" tone="subdued">
            {t("campaigns.target.noTiers")}
          </Text>
        )}
      </InlineGrid>
      <Text as="p" variant="bodySm" tone="subdued">
        {t("campaigns.target.help")}
      </Text>
    </BlockStack>
  );
}
