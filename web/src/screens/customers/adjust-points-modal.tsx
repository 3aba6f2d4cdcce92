// Adjust a customer's points: an amount and a required reason; if the balance would go below zero, confirm first.
import { useState } from "react";
import { Banner, FormLayout, Modal, TextField } from "@shopify/polaris";
import { ApiError, apiFetch } from "../../api/api-fetch";
import { useAdminLanguage } from "../../i18n/admin-language";

interface Props {
  customerId: number;
  balance: number;
  onClose: () => void;
  onAdjusted: (balance: number) => void;
}

/** The dialog's state and its one request; a 409 negative_balance turns the next submit into a confirmed one. */
function useAdjustment(customerId: number, onAdjusted: (balance: number) => void) {
  const { t } = useAdminLanguage();
  const [points, setPointsState] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirmNegative, setConfirmNegative] = useState(false);
  const [saving, setSaving] = useState(false);
  // One key per dialog: a double click or a retry after a lost answer adjusts once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const setPoints = (value: string) => {
    setPointsState(value);
    setConfirmNegative(false);
  };
  const submit = async () => {
    const amount = Number(points.trim());
    const local: Record<string, string> = {};
    if (!/^-?\d+$/.test(points.trim()) || amount === 0) local.points = t("customers.adjust.pointsError");
    if (!reason.trim()) local.reason = t("customers.adjust.reasonError");
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      const answer = await apiFetch<{ balance: number }>(`/api/customers/${customerId}/adjustments`, {
        method: "POST",
        body: { points: amount, reason: reason.trim(), allowNegative: confirmNegative },
        headers: { "idempotency-key": `${idempotencyKey}:${confirmNegative ? "confirmed" : "first"}` },
      });
      onAdjusted(answer.balance);
    } catch (error) {
      if (error instanceof ApiError && error.details.reason === "negative_balance") setConfirmNegative(true);
      else if (error instanceof ApiError && error.status === 422) setErrors(error.fields);
      else setErrors({ points: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  };
  return { points, setPoints, reason, setReason, errors, confirmNegative, saving, submit };
}

export function AdjustPointsModal({ customerId, balance, onClose, onAdjusted }: Props) {
  const { t } = useAdminLanguage();
  const form = useAdjustment(customerId, onAdjusted);
  const after = balance + (Number(form.points) || 0);
  return (
    <Modal
      open
      onClose={onClose}
      title={t("customers.adjust.title")}
      primaryAction={{
        content: form.confirmNegative ? t("customers.adjust.confirm") : t("customers.adjust.submit"),
        destructive: form.confirmNegative,
        loading: form.saving,
        onAction: () => void form.submit(),
      }}
      secondaryActions={[{ content: t("customers.adjust.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <FormLayout>
          {form.confirmNegative && (
            <Banner tone="warning" title={t("customers.adjust.negativeTitle")}>
              <p>{t("customers.adjust.negativeBody", { balance: after })}</p>
            </Banner>
          )}
          <TextField
            label={t("customers.adjust.points")}
            helpText={t("customers.adjust.pointsHelp", { balance })}
            value={form.points}
            onChange={form.setPoints}
            inputMode="numeric"
            autoComplete="off"
            error={form.errors.points}
          />
          <TextField
            label={t("customers.adjust.reason")}
            value={form.reason}
            onChange={form.setReason}
            multiline={3}
            maxLength={500}
            autoComplete="off"
            error={form.errors.reason}
          />
        </FormLayout>
      </Modal.Section>
    </Modal>
  );
}
