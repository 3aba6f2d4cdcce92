// The transit table: for each destination and shipping method, how many days the parcel travels.
import { BlockStack, Button, Card, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useT } from "../../i18n/admin-language";
import { emptyTransitRow, type TransitRow } from "./shipping-settings";
import type { ShippingFieldsProps } from "./working-calendar-card";

export function TransitCard({ form, errors, onChange }: ShippingFieldsProps) {
  const t = useT();
  const update = (index: number, patch: Partial<TransitRow>) =>
    onChange(
      "transit",
      form.transit.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    );
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t("shipping.transit.title")}
          </Text>
          <Text as="p" tone="subdued">
            {t("shipping.transit.help")}
          </Text>
        </BlockStack>
        {form.transit.map((row, index) => (
          <TransitRowFields
            key={index}
            row={row}
            index={index}
            errors={errors}
            onUpdate={(patch) => update(index, patch)}
            onRemove={
              form.transit.length > 1
                ? () =>
                    onChange(
                      "transit",
                      form.transit.filter((_, i) => i !== index),
                    )
                : undefined
            }
          />
        ))}
        <InlineStack>
          <Button onClick={() => onChange("transit", [...form.transit, emptyTransitRow])}>
            {t("shipping.transit.add")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

interface RowProps {
  row: TransitRow;
  index: number;
  errors: Record<string, string>;
  onUpdate: (patch: Partial<TransitRow>) => void;
  /** Absent for the last row: the table needs at least one. */
  onRemove: (() => void) | undefined;
}

/** The first message for any field under `prefix` (a list's items report as countryCodes.0, countryCodes.1, …). */
function firstError(errors: Record<string, string>, prefix: string): string | undefined {
  return Object.entries(errors).find(([field]) => field.startsWith(prefix))?.[1];
}

function TransitRowFields({ row, index, errors, onUpdate, onRemove }: RowProps) {
  const t = useT();
  return (
    <FormLayout>
      <FormLayout.Group condensed>
        <TextField
          label={t("shipping.transit.name")}
          value={row.name}
          error={errors[`transit.${index}.name`]}
          autoComplete="off"
          onChange={(name) => onUpdate({ name })}
        />
        <TextField
          label={t("shipping.transit.countries")}
          placeholder={t("shipping.transit.everywhere")}
          value={row.countries}
          error={firstError(errors, `transit.${index}.countryCodes`)}
          autoComplete="off"
          onChange={(countries) => onUpdate({ countries })}
        />
        <TextField
          label={t("shipping.transit.methods")}
          placeholder={t("shipping.transit.anyMethod")}
          value={row.methods}
          error={firstError(errors, `transit.${index}.shippingMethods`)}
          autoComplete="off"
          onChange={(methods) => onUpdate({ methods })}
        />
        <TextField
          label={t("shipping.transit.minDays")}
          type="number"
          value={row.minDays}
          error={errors[`transit.${index}.minDays`]}
          autoComplete="off"
          onChange={(minDays) => onUpdate({ minDays })}
        />
        <TextField
          label={t("shipping.transit.maxDays")}
          type="number"
          value={row.maxDays}
          error={errors[`transit.${index}.maxDays`]}
          autoComplete="off"
          onChange={(maxDays) => onUpdate({ maxDays })}
        />
      </FormLayout.Group>
      <RemoveRowButton onRemove={onRemove} />
    </FormLayout>
  );
}

function RemoveRowButton({ onRemove }: { onRemove: (() => void) | undefined }) {
  const t = useT();
  return (
    <InlineStack align="end">
      <Button variant="plain" tone="critical" disabled={!onRemove} onClick={onRemove}>
        {t("shipping.transit.remove")}
      </Button>
    </InlineStack>
  );
}
