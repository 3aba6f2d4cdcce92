// A campaign's offer: nothing, a personal discount code (percentage, amount or free shipping, valid N days) or points.
import { FormLayout, Select, TextField } from "@shopify/polaris";
import { useT } from "../../i18n/admin-language";
import { errorAt, type CouponKind, type OfferForm } from "./campaign-forms";

interface OfferFieldsProps {
  offer: OfferForm;
  /** e.g. "winback.offer": where the server's messages for this offer are keyed. */
  path: string;
  errors: Record<string, string>;
  currencyCode: string;
  onChange: (offer: OfferForm) => void;
}

export function OfferFields({ offer, path, errors, currencyCode, onChange }: OfferFieldsProps) {
  const t = useT();
  const set = (patch: Partial<OfferForm>) => onChange({ ...offer, ...patch });
  return (
    <FormLayout>
      <FormLayout.Group condensed>
        <Select
          label={t("campaigns.offer.type")}
          options={(["none", "coupon", "points"] as const).map((value) => ({
            value,
            label: t(`campaigns.offer.types.${value}`),
          }))}
          value={offer.type}
          error={errorAt(errors, `${path}.type`)}
          onChange={(type) => set({ type: type as OfferForm["type"] })}
        />
        {offer.type === "coupon" && (
          <Select
            label={t("campaigns.offer.kind")}
            options={(["percentage", "fixed_amount", "free_shipping"] as const).map((value) => ({
              value,
              label: t(`campaigns.offer.kinds.${value}`),
            }))}
            value={offer.kind}
            error={errorAt(errors, `${path}.kind`)}
            onChange={(kind) => set({ kind: kind as CouponKind })}
          />
        )}
      </FormLayout.Group>
      {offer.type === "coupon" && <CouponFields {...{ offer, path, errors, currencyCode, onChange }} />}
      {offer.type === "points" && (
        <TextField
          label={t("campaigns.offer.points")}
          type="number"
          min={1}
          value={offer.points}
          error={errorAt(errors, `${path}.points`)}
          autoComplete="off"
          onChange={(points) => set({ points })}
        />
      )}
    </FormLayout>
  );
}

/** A discount code's amount (none for free shipping) and how many days it stays valid. */
function CouponFields({ offer, path, errors, currencyCode, onChange }: OfferFieldsProps) {
  const t = useT();
  const set = (patch: Partial<OfferForm>) => onChange({ ...offer, ...patch });
  return (
    <FormLayout.Group condensed>
      {offer.kind !== "free_shipping" && (
        <TextField
          label={t("campaigns.offer.value")}
          inputMode="decimal"
          suffix={offer.kind === "percentage" ? "%" : currencyCode}
          value={offer.value}
          error={errorAt(errors, `${path}.value`)}
          autoComplete="off"
          onChange={(value) => set({ value })}
        />
      )}
      <TextField
        label={t("campaigns.offer.validityDays")}
        type="number"
        min={1}
        value={offer.validityDays}
        error={errorAt(errors, `${path}.validityDays`)}
        autoComplete="off"
        onChange={(validityDays) => set({ validityDays })}
      />
    </FormLayout.Group>
  );
}
