// The period picker: a preset (last 30 days … last month) or two dates, applied together.
import { useEffect, useState } from "react";
import { Button, Card, InlineStack, Select, TextField } from "@shopify/polaris";
import { useT } from "../../i18n/admin-language";
import { periodPresets, withPreset, type DashboardPeriod, type PeriodPreset } from "./dashboard-period";

interface PeriodPickerProps {
  period: DashboardPeriod;
  timeZone: string | null | undefined;
  errors: Record<string, string>;
  onChange: (period: DashboardPeriod) => void;
}

export function PeriodPicker({ period, timeZone, errors, onChange }: PeriodPickerProps) {
  const t = useT();
  const [draft, setDraft] = useState(period);
  useEffect(() => setDraft(period), [period]);
  const choose = (preset: string) => {
    const next = withPreset(preset as PeriodPreset, draft, timeZone);
    setDraft(next);
    if (next.preset !== "custom") onChange(next);
  };
  return (
    <Card>
      <InlineStack gap="300" blockAlign="end" wrap>
        <Select
          label={t("retention.period.label")}
          options={periodPresets.map((preset) => ({ value: preset, label: t(`retention.period.presets.${preset}`) }))}
          value={draft.preset}
          onChange={choose}
        />
        {draft.preset === "custom" && (
          <>
            <TextField
              label={t("retention.period.from")}
              type="date"
              value={draft.from}
              error={errors.from}
              autoComplete="off"
              onChange={(from) => setDraft({ ...draft, from })}
            />
            <TextField
              label={t("retention.period.to")}
              type="date"
              value={draft.to}
              error={errors.to}
              autoComplete="off"
              onChange={(to) => setDraft({ ...draft, to })}
            />
            <Button onClick={() => onChange(draft)}>{t("retention.period.apply")}</Button>
          </>
        )}
      </InlineStack>
    </Card>
  );
}
