// Tiers: what moves a customer up (points earned or amount spent), each tier's threshold, multiplier and perks.
import { BlockStack, Button, Card, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useT } from "../../i18n/admin-language";
import type { TierRow } from "./loyalty-forms";
import type { LoyaltyFieldsProps } from "./earning-card";

const newTier: TierRow = { name: "", threshold: "", multiplier: "1", perks: "" };

export function TiersCard({ form, errors, onChange }: LoyaltyFieldsProps) {
  const t = useT();
  const update = (index: number, patch: Partial<TierRow>) =>
    onChange(
      "tiers",
      form.tiers.map((tier, i) => (i === index ? { ...tier, ...patch } : tier)),
    );
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("loyalty.tiers.title")}
        </Text>
        <Select
          label={t("loyalty.tiers.basis")}
          options={(["points_earned", "amount_spent"] as const).map((value) => ({
            label: t(`loyalty.tiers.bases.${value}`),
            value,
          }))}
          value={form.tierBasis}
          error={errors.tierBasis}
          onChange={(value) => onChange("tierBasis", value as LoyaltyFieldsProps["form"]["tierBasis"])}
        />
        {form.tiers.map((tier, index) => (
          <TierFields
            key={index}
            tier={tier}
            index={index}
            errors={errors}
            onUpdate={(patch) => update(index, patch)}
            onRemove={() =>
              onChange(
                "tiers",
                form.tiers.filter((_, i) => i !== index),
              )
            }
          />
        ))}
        <InlineStack>
          <Button onClick={() => onChange("tiers", [...form.tiers, newTier])} disabled={form.tiers.length >= 10}>
            {t("loyalty.tiers.add")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

interface TierProps {
  tier: TierRow;
  index: number;
  errors: Record<string, string>;
  onUpdate: (patch: Partial<TierRow>) => void;
  onRemove: () => void;
}

function TierFields({ tier, index, errors, onUpdate, onRemove }: TierProps) {
  const t = useT();
  const error = (field: string) =>
    Object.entries(errors).find(([key]) => key.startsWith(`tiers.${index}.${field}`))?.[1];
  return (
    <FormLayout>
      <FormLayout.Group condensed>
        <TextField
          label={t("loyalty.tiers.name")}
          value={tier.name}
          error={error("name")}
          autoComplete="off"
          onChange={(name) => onUpdate({ name })}
        />
        <TextField
          label={t("loyalty.tiers.threshold")}
          value={tier.threshold}
          error={error("threshold")}
          autoComplete="off"
          onChange={(threshold) => onUpdate({ threshold })}
        />
        <TextField
          label={t("loyalty.tiers.multiplier")}
          value={tier.multiplier}
          error={error("multiplier")}
          autoComplete="off"
          onChange={(multiplier) => onUpdate({ multiplier })}
        />
      </FormLayout.Group>
      <TextField
        label={t("loyalty.tiers.perks")}
        value={tier.perks}
        error={error("perks")}
        autoComplete="off"
        onChange={(perks) => onUpdate({ perks })}
        connectedRight={
          <Button tone="critical" variant="plain" onClick={onRemove}>
            {t("loyalty.tiers.remove")}
          </Button>
        }
      />
    </FormLayout>
  );
}
