// The install-time history import: a progress bar that follows GET /api/import until it finishes, or a way to restart it.
import { useEffect, useState } from "react";
import { Banner, BlockStack, Card, ProgressBar, Text } from "@shopify/polaris";
import { apiFetch } from "../../api/api-fetch";
import type { HistoryImport, ImportAnswer } from "../../api/analytics-types";
import { useApi } from "../../api/use-api";
import { formatNumber } from "../../components/format";
import { useAdminLanguage } from "../../i18n/admin-language";

/** How often the bar asks for progress while an import runs (batches of 1,000 lines commit about that often). */
const pollMs = 1_500;

/** The import's row, asked for again every pollMs while it runs; onFinished once a running import completes. */
export function useImportProgress(onFinished: () => void) {
  const answer = useApi<ImportAnswer>("/api/import");
  const row = answer.data?.import ?? null;
  const running = row?.status === "waiting" || row?.status === "importing";
  const { reload } = answer;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(reload, pollMs);
    return () => clearInterval(timer);
  }, [running, reload]);
  // The figures change once the history is in: reload them when a running import completes.
  const [wasRunning, setWasRunning] = useState(false);
  useEffect(() => {
    if (running) setWasRunning(true);
    else if (wasRunning && row?.status === "completed") {
      setWasRunning(false);
      onFinished();
    }
  }, [running, wasRunning, row?.status, onFinished]);
  return { row, reload, loaded: answer.data !== undefined || answer.error !== undefined };
}

/** The screen asks for the progress (useImportProgress) before it shows anything, so this card never pushes the page down. */
export function HistoryImportCard({ row, reload }: { row: HistoryImport | null; reload: () => void }) {
  const { t, locale } = useAdminLanguage();
  const [restarting, setRestarting] = useState(false);
  if (!row) return null;
  const counts = {
    orders: formatNumber(row.ordersImported, locale),
    customers: formatNumber(row.customersImported, locale),
  };
  if (row.status === "failed") {
    const restart = () => {
      setRestarting(true);
      apiFetch("/api/import", { method: "POST" })
        .then(reload)
        .finally(() => setRestarting(false));
    };
    return (
      <Banner
        tone="critical"
        title={t("retention.import.failed")}
        action={{ content: t("retention.import.restart"), onAction: restart, loading: restarting }}
      >
        <p>{t("retention.import.failedBody", counts)}</p>
      </Banner>
    );
  }
  if (row.status === "completed") {
    return (
      <Text as="p" tone="subdued">
        {t("retention.import.completed", counts)}
      </Text>
    );
  }
  const percent = Math.round((row.progress ?? 0) * 100);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("retention.import.title")}
        </Text>
        <ProgressBar progress={percent} tone="primary" ariaLabelledBy="history-import-status" />
        <Text as="p" id="history-import-status">
          {row.progress === null
            ? t("retention.import.waiting")
            : t("retention.import.progress", { percent: formatNumber(percent, locale), ...counts })}
        </Text>
      </BlockStack>
    </Card>
  );
}
