// The owner's coupon settings as Polaris cards, each field showing the server's message for it after a refused save.
import { BlockStack, Card, Checkbox, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import { useT } from "../../i18n/admin-language";
import type { CouponSettingsForm } from "./coupon-settings";

export interface FieldsProps {
  form: CouponSettingsForm;
  errors: Record<string, string>;
  currencyCode: string;
  onChange: <K extends keyof CouponSettingsForm>(field: K, value: CouponSettingsForm[K]) => void;
}

type TextFieldName = "value" | "minimumSubtotal" | "minimumOrderSubtotal" | "validityDays" | "codePrefix";

/** The props every text field shares: its value, its error, and writing back to the form. */
function textProps({ form, errors, onChange }: FieldsProps, field: TextFieldName) {
  return {
    value: form[field],
    error: errors[field],
    autoComplete: "off",
    onChange: (value: string) => onChange(field, value),
  };
}

export function CouponSettingsFields(props: FieldsProps) {
  return (
    <BlockStack gap="400">
      <OfferCard {...props} />
      <EligibilityCard {...props} />
      <CombinesCard {...props} />
    </BlockStack>
  );
}

function OfferCard(props: FieldsProps) {
  const { form, errors, currencyCode, onChange } = props;
  const t = useT();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("coupons.offer.title")}
        </Text>
        <Checkbox
          label={t("coupons.fields.enabled")}
          helpText={t("coupons.fields.enabledHelp")}
          checked={form.enabled}
          onChange={(checked) => onChange("enabled", checked)}
        />
        <FormLayout>
          <FormLayout.Group>
            <Select
              label={t("coupons.fields.kind")}
              options={(["percentage", "fixed_amount", "free_shipping"] as const).map((value) => ({
                label: t(`coupons.kinds.${value}`),
                value,
              }))}
              value={form.kind}
              error={errors.kind}
              onChange={(value) => onChange("kind", value as CouponSettingsForm["kind"])}
            />
            {form.kind !== "free_shipping" && (
              <TextField
                label={t("coupons.fields.value")}
                inputMode="decimal"
                suffix={form.kind === "percentage" ? "%" : currencyCode}
                {...textProps(props, "value")}
              />
            )}
          </FormLayout.Group>
          <CodeFields {...props} />
        </FormLayout>
      </BlockStack>
    </Card>
  );
}

/** The next order's minimum, how long the code lasts, and how it starts. */
function CodeFields(props: FieldsProps) {
  const { currencyCode } = props;
  const t = useT();
  return (
    <FormLayout>
      <FormLayout.Group>
        <TextField
          label={t("coupons.fields.minimumSubtotal")}
          helpText={t("coupons.fields.minimumSubtotalHelp")}
          inputMode="decimal"
          suffix={currencyCode}
          {...textProps(props, "minimumSubtotal")}
        />
        <TextField
          label={t("coupons.fields.validityDays")}
          type="number"
          min={1}
          max={365}
          suffix={t("coupons.fields.days")}
          {...textProps(props, "validityDays")}
        />
      </FormLayout.Group>
      <TextField
        label={t("coupons.fields.codePrefix")}
        helpText={t("coupons.fields.codePrefixHelp")}
        {...textProps(props, "codePrefix")}
      />
    </FormLayout>
  );
}

function EligibilityCard(props: FieldsProps) {
  const { form, errors, currencyCode, onChange } = props;
  const t = useT();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("coupons.who.title")}
        </Text>
        <FormLayout>
          <Select
            label={t("coupons.fields.eligibility")}
            options={(["first_order", "every_order", "repeat_customers"] as const).map((value) => ({
              label: t(`coupons.eligibility.${value}`),
              value,
            }))}
            value={form.eligibility}
            error={errors.eligibility}
            onChange={(value) => onChange("eligibility", value as CouponSettingsForm["eligibility"])}
          />
          <TextField
            label={t("coupons.fields.minimumOrderSubtotal")}
            helpText={t("coupons.fields.minimumOrderSubtotalHelp")}
            inputMode="decimal"
            suffix={currencyCode}
            {...textProps(props, "minimumOrderSubtotal")}
          />
          <Checkbox
            label={t("coupons.fields.excludeOrdersWithCode")}
            checked={form.excludeOrdersWithCode}
            onChange={(checked) => onChange("excludeOrdersWithCode", checked)}
          />
        </FormLayout>
      </BlockStack>
    </Card>
  );
}

function CombinesCard({ form, onChange }: FieldsProps) {
  const t = useT();
  const boxes = [
    ["combinesWithProduct", "coupons.combines.product"],
    ["combinesWithOrder", "coupons.combines.order"],
    ["combinesWithShipping", "coupons.combines.shipping"],
  ] as const;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("coupons.combines.title")}
        </Text>
        {boxes.map(([field, label]) => (
          <Checkbox
            key={field}
            label={t(label)}
            checked={form[field]}
            onChange={(checked) => onChange(field, checked)}
          />
        ))}
      </BlockStack>
    </Card>
  );
}
