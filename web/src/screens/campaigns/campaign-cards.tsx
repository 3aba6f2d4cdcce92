// Each campaign's own fields (timing, products) wired to its part of the form, inside the shared card.
import { FormLayout, Select, TextField } from "@shopify/polaris";
import type { CampaignName, CampaignStats } from "../../api/campaign-types";
import { useT } from "../../i18n/admin-language";
import { CampaignCard } from "./campaign-card";
import { errorAt, type CampaignsForm } from "./campaign-forms";
import { OfferFields } from "./offer-fields";
import { ReplenishmentProducts } from "./replenishment-products";
import { TargetFields } from "./target-fields";

export interface CampaignPartProps<N extends CampaignName> {
  name: N;
  value: CampaignsForm[N];
  errors: Record<string, string>;
  stats: CampaignStats | undefined;
  currencyCode: string;
  tiers: string[];
  onChange: (value: CampaignsForm[N]) => void;
}

type WithOffer = "winback" | "birthday" | "anniversary" | "replenishment";

/** Offer and audience, the same for every campaign that makes an offer. */
function OfferAndTarget<N extends WithOffer>(props: CampaignPartProps<N>) {
  const { name, value, errors, currencyCode, tiers, onChange } = props;
  return (
    <>
      <OfferFields
        offer={value.offer}
        path={`${name}.offer`}
        errors={errors}
        currencyCode={currencyCode}
        onChange={(offer) => onChange({ ...value, offer })}
      />
      <TargetFields
        target={value.target}
        tiers={tiers}
        path={`${name}.target`}
        errors={errors}
        onChange={(target) => onChange({ ...value, target })}
      />
    </>
  );
}

function frame<N extends CampaignName>(props: CampaignPartProps<N>) {
  return {
    name: props.name,
    enabled: props.value.enabled,
    stats: props.stats,
    currencyCode: props.currencyCode,
    onToggle: (enabled: boolean) => props.onChange({ ...props.value, enabled }),
  };
}

/** Days as a text field whose server message shows under it. */
function DaysField(props: {
  label: string;
  help: string;
  value: string;
  error?: string;
  onChange: (v: string) => void;
}) {
  return (
    <TextField
      label={props.label}
      helpText={props.help}
      type="number"
      min={1}
      value={props.value}
      error={props.error}
      autoComplete="off"
      onChange={props.onChange}
    />
  );
}

export function WinbackCard(props: CampaignPartProps<"winback">) {
  const t = useT();
  const { value, errors, onChange } = props;
  return (
    <CampaignCard {...frame(props)}>
      <DaysField
        label={t("campaigns.winback.days")}
        help={t("campaigns.winback.daysHelp")}
        value={value.days}
        error={errorAt(errors, "winback.days")}
        onChange={(days) => onChange({ ...value, days })}
      />
      <OfferAndTarget {...props} />
    </CampaignCard>
  );
}

export function BirthdayCard(props: CampaignPartProps<"birthday">) {
  const t = useT();
  const { value, errors, onChange } = props;
  return (
    <CampaignCard {...frame(props)}>
      <Select
        label={t("campaigns.birthday.window")}
        options={(["week", "month"] as const).map((window) => ({
          value: window,
          label: t(`campaigns.birthday.windows.${window}`),
        }))}
        value={value.window}
        error={errorAt(errors, "birthday.window")}
        onChange={(window) => onChange({ ...value, window: window as "week" | "month" })}
      />
      <OfferAndTarget {...props} />
    </CampaignCard>
  );
}

export function AnniversaryCard(props: CampaignPartProps<"anniversary">) {
  return (
    <CampaignCard {...frame(props)}>
      <OfferAndTarget {...props} />
    </CampaignCard>
  );
}

export function ReplenishmentCard(props: CampaignPartProps<"replenishment">) {
  const { value, errors, onChange } = props;
  return (
    <CampaignCard {...frame(props)}>
      <ReplenishmentProducts
        products={value.products}
        errors={errors}
        onChange={(products) => onChange({ ...value, products })}
      />
      <OfferAndTarget {...props} />
    </CampaignCard>
  );
}

export function ExpiringCouponCard(props: CampaignPartProps<"expiring_coupon">) {
  const t = useT();
  const { value, errors, onChange } = props;
  return (
    <CampaignCard {...frame(props)}>
      <FormLayout>
        <DaysField
          label={t("campaigns.expiring_coupon.days")}
          help={t("campaigns.expiring_coupon.daysHelp")}
          value={value.days}
          error={errorAt(errors, "expiring_coupon.days")}
          onChange={(days) => onChange({ ...value, days })}
        />
      </FormLayout>
    </CampaignCard>
  );
}
