// The contextual save bar and error banner every settings form shows: save (toast on success) or discard.
import { Banner, ContextualSaveBar, Layout } from "@shopify/polaris";
import { useT } from "../i18n/admin-language";
import { useToast } from "./toast-provider";
import type { SettingsForm } from "./use-settings-form";

type SaveBarSettings = Pick<SettingsForm<unknown>, "dirty" | "saving" | "save" | "discard" | "saveError">;

export function SettingsSaveBar({ settings }: { settings: SaveBarSettings }) {
  const t = useT();
  const showToast = useToast();
  const save = async () => {
    if (await settings.save()) showToast(t("common.saved"));
  };
  return (
    <>
      {settings.dirty && (
        <ContextualSaveBar
          message={t("common.unsavedChanges")}
          saveAction={{ content: t("common.save"), onAction: () => void save(), loading: settings.saving }}
          discardAction={{ content: t("common.discard"), onAction: settings.discard }}
        />
      )}
      {settings.saveError && (
        <Layout.Section>
          <Banner tone="critical" title={t("common.fixErrors")}>
            <p>{settings.saveError.message}</p>
          </Banner>
        </Layout.Section>
      )}
    </>
  );
}
