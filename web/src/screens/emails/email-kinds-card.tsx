// Which emails go out: each kind on or off, with how long it waits after the moment it is due.
import { BlockStack, Card, Checkbox, InlineGrid, Text, TextField } from "@shopify/polaris";
import { useT } from "../../i18n/admin-language";
import type { EmailSettingsForm } from "./email-settings-form";

interface Props {
  form: EmailSettingsForm;
  errors: Record<string, string>;
  onChange: (kinds: EmailSettingsForm["kinds"]) => void;
}

export function EmailKindsCard({ form, errors, onChange }: Props) {
  const t = useT();
  const change = (kind: string, patch: Partial<EmailSettingsForm["kinds"][string]>) => {
    const current = form.kinds[kind] ?? { enabled: true, delayMinutes: "0" };
    onChange({ ...form.kinds, [kind]: { ...current, ...patch } });
  };
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t("emails.kinds.title")}
          </Text>
          <Text as="p" tone="subdued">
            {t("emails.kinds.help")}
          </Text>
        </BlockStack>
        {Object.entries(form.kinds).map(([kind, setting]) => (
          <InlineGrid key={kind} columns={{ xs: 1, md: "2fr 1fr" }} gap="400" alignItems="start">
            <Checkbox
              label={t(`emails.kind.${kind}.name`)}
              helpText={t(`emails.kind.${kind}.when`)}
              checked={setting.enabled}
              onChange={(enabled) => change(kind, { enabled })}
            />
            <TextField
              label={t("emails.kinds.delay", { kind: t(`emails.kind.${kind}.name`) })}
              labelHidden
              prefix={t("emails.kinds.delayPrefix")}
              suffix={t("emails.kinds.minutes")}
              type="number"
              min={0}
              value={setting.delayMinutes}
              disabled={!setting.enabled}
              error={errors[`kinds.${kind}.delayMinutes`] ?? errors[`kinds.${kind}`]}
              autoComplete="off"
              onChange={(delayMinutes) => change(kind, { delayMinutes })}
            />
          </InlineGrid>
        ))}
      </BlockStack>
    </Card>
  );
}
