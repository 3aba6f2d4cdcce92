// Spending points: how many points make one unit of money, the minimum, how long codes last, and when points expire.
import { BlockStack, Card, Checkbox, FormLayout, Text, TextField } from "@shopify/polaris";
import { useT } from "../../i18n/admin-language";
import type { RedemptionForm } from "./loyalty-forms";

interface Props {
  form: RedemptionForm;
  errors: Record<string, string>;
  onChange: <K extends keyof RedemptionForm>(field: K, value: RedemptionForm[K]) => void;
}

const textFields = [
  "pointsPerCurrencyUnit",
  "minimumPoints",
  "codeValidityDays",
  "expiryMonths",
  "expiryReminderDays",
] as const;

export function RedemptionCard({ form, errors, onChange }: Props) {
  const t = useT();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("loyalty.redemption.title")}
        </Text>
        <Checkbox
          label={t("loyalty.redemption.enabled")}
          checked={form.enabled}
          onChange={(on) => onChange("enabled", on)}
        />
        <FormLayout>
          {textFields.map((field) => (
            <TextField
              key={field}
              label={t(`loyalty.redemption.${field}`)}
              helpText={field === "expiryMonths" ? t("loyalty.redemption.expiryMonthsHelp") : undefined}
              type="number"
              value={form[field]}
              error={errors[field]}
              autoComplete="off"
              onChange={(value) => onChange(field, value)}
            />
          ))}
        </FormLayout>
      </BlockStack>
    </Card>
  );
}
