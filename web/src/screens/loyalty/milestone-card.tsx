// The milestone reward (every Nth order, set with the earning rules): points, or a personal code of a kind and value.
import { BlockStack, Card, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import { useT } from "../../i18n/admin-language";
import type { LoyaltyFieldsProps } from "./earning-card";

const kinds = ["percentage", "fixed_amount", "free_shipping"] as const;

export function MilestoneCard({ form, errors, onChange }: LoyaltyFieldsProps) {
  const t = useT();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("loyalty.milestone.title")}
        </Text>
        <FormLayout>
          <Select
            label={t("loyalty.milestone.reward")}
            options={[
              { label: t("loyalty.milestone.points"), value: "points" },
              { label: t("loyalty.milestone.coupon"), value: "coupon" },
            ]}
            value={form.milestoneReward}
            error={errors.milestoneReward}
            onChange={(value) => onChange("milestoneReward", value === "coupon" ? "coupon" : "points")}
          />
          {form.milestoneReward === "coupon" && (
            <FormLayout.Group condensed>
              <Select
                label={t("loyalty.milestone.kind")}
                options={kinds.map((kind) => ({ label: t(`coupons.kinds.${kind}`), value: kind }))}
                value={form.milestoneCouponKind}
                error={errors.milestoneCouponKind}
                onChange={(value) =>
                  onChange("milestoneCouponKind", kinds.find((kind) => kind === value) ?? "fixed_amount")
                }
              />
              {form.milestoneCouponKind !== "free_shipping" && (
                <TextField
                  label={t("loyalty.milestone.value")}
                  helpText={t("loyalty.milestone.valueHelp")}
                  inputMode="decimal"
                  value={form.milestoneCouponValue}
                  error={errors.milestoneCouponValue}
                  autoComplete="off"
                  onChange={(value) => onChange("milestoneCouponValue", value)}
                />
              )}
            </FormLayout.Group>
          )}
        </FormLayout>
      </BlockStack>
    </Card>
  );
}
