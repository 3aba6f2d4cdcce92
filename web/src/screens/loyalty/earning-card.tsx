// How customers earn: points per currency unit, what counts, bonuses, and the return window before points settle.
import { BlockStack, Card, Checkbox, FormLayout, Text, TextField } from "@shopify/polaris";
import { useT } from "../../i18n/admin-language";
import { wholeFields, type LoyaltyForm } from "./loyalty-forms";

export interface LoyaltyFieldsProps {
  form: LoyaltyForm;
  errors: Record<string, string>;
  onChange: <K extends keyof LoyaltyForm>(field: K, value: LoyaltyForm[K]) => void;
}

export function EarningCard({ form, errors, onChange }: LoyaltyFieldsProps) {
  const t = useT();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("loyalty.earning.title")}
        </Text>
        <Checkbox
          label={t("loyalty.fields.enabled")}
          checked={form.enabled}
          onChange={(on) => onChange("enabled", on)}
        />
        <FormLayout>
          <TextField
            label={t("loyalty.fields.pointsPerCurrencyUnit")}
            helpText={t("loyalty.fields.pointsPerCurrencyUnitHelp")}
            inputMode="decimal"
            value={form.pointsPerCurrencyUnit}
            error={errors.pointsPerCurrencyUnit}
            autoComplete="off"
            onChange={(value) => onChange("pointsPerCurrencyUnit", value)}
          />
          {(["includeShipping", "includeTax"] as const).map((field) => (
            <Checkbox
              key={field}
              label={t(`loyalty.fields.${field}`)}
              checked={form[field]}
              onChange={(on) => onChange(field, on)}
            />
          ))}
          <FormLayout.Group condensed>
            {wholeFields.map((field) => (
              <TextField
                key={field}
                label={t(`loyalty.fields.${field}`)}
                type="number"
                min={0}
                value={form[field]}
                error={errors[field]}
                autoComplete="off"
                onChange={(value) => onChange(field, value)}
              />
            ))}
          </FormLayout.Group>
        </FormLayout>
      </BlockStack>
    </Card>
  );
}
