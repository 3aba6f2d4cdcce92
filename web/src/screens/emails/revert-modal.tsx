// Confirms going back to Afterglow's default template: the owner's version is deleted.
import { useState } from "react";
import { Modal, Text } from "@shopify/polaris";
import { useT } from "../../i18n/admin-language";

export function RevertModal({ onClose, onConfirm }: { onClose: () => void; onConfirm: () => Promise<void> }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      onClose={onClose}
      title={t("emails.revert.title")}
      primaryAction={{
        content: t("emails.revert.confirm"),
        destructive: true,
        loading: busy,
        onAction: () => {
          setBusy(true);
          void onConfirm();
        },
      }}
      secondaryActions={[{ content: t("common.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <Text as="p">{t("emails.revert.body")}</Text>
      </Modal.Section>
    </Modal>
  );
}
