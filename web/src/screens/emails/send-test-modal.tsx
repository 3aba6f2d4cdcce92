// Sends the saved template with the sample order to an address the owner types: it goes through the outbox like any email.
import { useState } from "react";
import { FormLayout, Modal, Text, TextField } from "@shopify/polaris";
import { apiFetch } from "../../api/api-fetch";
import { useT } from "../../i18n/admin-language";
import { problemOf } from "./use-template-editor";

interface Props {
  path: string;
  onClose: () => void;
  onSent: (to: string) => void;
}

export function SendTestModal({ path, onClose, onSent }: Props) {
  const t = useT();
  const [to, setTo] = useState("");
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const send = async () => {
    setSending(true);
    try {
      await apiFetch(`${path}/test`, { method: "POST", body: { to: to.trim() } });
      onSent(to.trim());
    } catch (caught) {
      const problem = problemOf(caught);
      setError(problem.fields.to ?? problem.other?.message ?? Object.values(problem.fields)[0]);
    } finally {
      setSending(false);
    }
  };
  return (
    <Modal
      open
      onClose={onClose}
      title={t("emails.test.title")}
      primaryAction={{ content: t("emails.test.send"), loading: sending, onAction: () => void send() }}
      secondaryActions={[{ content: t("common.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <FormLayout>
          <Text as="p">{t("emails.test.body")}</Text>
          <TextField
            label={t("emails.test.to")}
            type="email"
            value={to}
            onChange={setTo}
            autoComplete="email"
            error={error}
          />
        </FormLayout>
      </Modal.Section>
    </Modal>
  );
}
