// The customer's birthday, which staff can set or clear; a change waits 30 days before it can earn birthday points.
import { useState } from "react";
import { BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { ApiError, apiFetch } from "../../api/api-fetch";
import { useAdminLanguage } from "../../i18n/admin-language";

interface Props {
  customerId: number;
  birthday: string | null;
  onSaved: () => void;
}

// The server decides what a real day is (02-30 is refused there); this only catches the wrong shape early.
const shape = /^(\d{4}-)?\d{2}-\d{2}$/;

export function BirthdayCard({ customerId, birthday, onSaved }: Props) {
  const { t } = useAdminLanguage();
  const [value, setValue] = useState(birthday ?? "");
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const unchanged = value.trim() === (birthday ?? "");
  const save = async () => {
    const input = value.trim();
    if (input && !shape.test(input)) return setError(t("customers.birthday.error"));
    setError(undefined);
    setSaving(true);
    try {
      await apiFetch(`/api/customers/${customerId}/birthday`, { method: "PUT", body: { birthday: input || null } });
      onSaved();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 422) setError(t("customers.birthday.error"));
      else setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingSm">
          {t("customers.birthday.title")}
        </Text>
        <TextField
          label={t("customers.birthday.label")}
          placeholder="03-14"
          helpText={t("customers.birthday.help")}
          value={value}
          onChange={setValue}
          error={error}
          autoComplete="off"
        />
        <InlineStack align="end">
          <Button onClick={() => void save()} loading={saving} disabled={unchanged}>
            {t("customers.birthday.save")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
