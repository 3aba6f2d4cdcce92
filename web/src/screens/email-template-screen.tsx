// One email template in one language: edit the subject, HTML and text with a live preview; save, revert, test send.
import { useState } from "react";
import { Banner, Layout, Page } from "@shopify/polaris";
import { useParams } from "react-router";
import { ErrorBanner } from "../components/error-banner";
import { ScreenSkeleton } from "../components/screen-skeleton";
import { SettingsSaveBar } from "../components/settings-save-bar";
import { useToast } from "../components/toast-provider";
import { useT } from "../i18n/admin-language";
import { RevertModal } from "./emails/revert-modal";
import { SendTestModal } from "./emails/send-test-modal";
import { TemplatePreview } from "./emails/template-preview";
import { TemplateSourceFields } from "./emails/template-source-fields";
import { useTemplateEditor, type TemplateEditor } from "./emails/use-template-editor";

export default function EmailTemplateScreen() {
  const t = useT();
  const { kind = "", language = "" } = useParams();
  const editor = useTemplateEditor(kind, language);
  const [dialog, setDialog] = useState<"revert" | "test">();
  const title = t("emails.editor.title", {
    kind: t(`emails.kind.${kind}.name`),
    language: t(`languages.names.${language}`),
  });
  if (editor.loadError) {
    return (
      <Page title={title} backAction={{ url: "/emails" }}>
        <ErrorBanner error={editor.loadError} onRetry={editor.reload} />
      </Page>
    );
  }
  if (!editor.template || !editor.parts) return <ScreenSkeleton title={title} />;
  const saveBar = {
    dirty: editor.dirty,
    saving: editor.busy === "save",
    save: editor.save,
    discard: editor.discard,
    saveError: undefined,
  };
  return (
    <Page
      title={title}
      subtitle={t(editor.template.isCustom ? "emails.editor.custom" : "emails.editor.usingDefault")}
      backAction={{ url: "/emails" }}
      primaryAction={{ content: t("emails.test.open"), onAction: () => setDialog("test"), disabled: editor.dirty }}
      secondaryActions={[
        { content: t("emails.revert.open"), onAction: () => setDialog("revert"), disabled: !editor.template.isCustom },
      ]}
    >
      <Layout>
        <SettingsSaveBar settings={saveBar} />
        <TemplateBanners editor={editor} />
        <Layout.Section>
          <TemplateSourceFields parts={editor.parts} problem={editor.problem} onChange={editor.change} />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <TemplatePreview preview={editor.preview} stale={editor.problem !== undefined} />
        </Layout.Section>
      </Layout>
      <TemplateDialogs dialog={dialog} editor={editor} onClose={() => setDialog(undefined)} />
    </Page>
  );
}

function TemplateDialogs(props: { dialog?: "revert" | "test"; editor: TemplateEditor; onClose: () => void }) {
  const { dialog, editor, onClose } = props;
  const t = useT();
  const showToast = useToast();
  if (dialog === "test") {
    return (
      <SendTestModal
        path={editor.path}
        onClose={onClose}
        onSent={(to) => (onClose(), showToast(t("emails.test.sent", { to })))}
      />
    );
  }
  if (dialog === "revert") {
    const confirm = async () => {
      if (await editor.revert()) showToast(t("emails.revert.done"));
      onClose();
    };
    return <RevertModal onClose={onClose} onConfirm={confirm} />;
  }
  return null;
}

/** A stored version that failed at send time, and a request that failed for a reason other than the template. */
function TemplateBanners({ editor }: { editor: TemplateEditor }) {
  const t = useT();
  return (
    <>
      {editor.template?.lastError && (
        <Layout.Section>
          <Banner tone="warning" title={t("emails.editor.failedAtSend")}>
            <p>{editor.template.lastError}</p>
          </Banner>
        </Layout.Section>
      )}
      {editor.problem?.other && (
        <Layout.Section>
          <ErrorBanner error={editor.problem.other} />
        </Layout.Section>
      )}
    </>
  );
}
