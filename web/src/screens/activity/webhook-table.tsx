// The activity list: one row per webhook with its status, attempts, error or outcome, and a retry when it failed.
import { Badge, Button, EmptyState, IndexTable, Text } from "@shopify/polaris";
import type { InboxStatus, WebhookActivity } from "../../api/activity-types";
import { formatDateTime } from "../../components/format";
import { useShop } from "../../components/shop-context";
import { useAdminLanguage } from "../../i18n/admin-language";

const tones: Record<InboxStatus, "success" | "critical" | "attention" | "info" | undefined> = {
  completed: "success",
  skipped: undefined,
  failed: "critical",
  processing: "attention",
  received: "info",
};

interface Props {
  webhooks: WebhookActivity[];
  retrying: string | undefined;
  onRetry: (id: string) => void;
}

export function WebhookTable({ webhooks, retrying, onRetry }: Props) {
  const { t } = useAdminLanguage();
  return (
    <IndexTable
      resourceName={{ singular: t("activity.webhook"), plural: t("activity.webhooks") }}
      itemCount={webhooks.length}
      selectable={false}
      headings={[
        { title: t("activity.columns.topic") },
        { title: t("activity.columns.status") },
        { title: t("activity.columns.received") },
        { title: t("activity.columns.attempts") },
        { title: t("activity.columns.result") },
        { title: "" },
      ]}
      emptyState={
        <EmptyState heading={t("activity.empty.heading")} image="">
          <p>{t("activity.empty.body")}</p>
        </EmptyState>
      }
    >
      {webhooks.map((row, index) => (
        <WebhookRow key={row.id} row={row} index={index} retrying={retrying === row.id} onRetry={onRetry} />
      ))}
    </IndexTable>
  );
}

function WebhookRow(props: { row: WebhookActivity; index: number; retrying: boolean; onRetry: (id: string) => void }) {
  const { row, index, retrying, onRetry } = props;
  const { t, locale } = useAdminLanguage();
  const shop = useShop();
  return (
    <IndexTable.Row id={row.id} position={index}>
      <IndexTable.Cell>
        <Text as="span" fontWeight="semibold">
          {row.topic}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Badge tone={tones[row.status]}>{t(`activity.status.${row.status}`)}</Badge>
      </IndexTable.Cell>
      <IndexTable.Cell>{formatDateTime(row.receivedAt, locale, shop?.ianaTimezone)}</IndexTable.Cell>
      <IndexTable.Cell>{row.attempts}</IndexTable.Cell>
      <IndexTable.Cell>
        {/* A result runs to several parts: it wraps, so the retry button stays in view beside it. */}
        <div style={{ whiteSpace: "normal", minWidth: "16rem" }}>
          <Text as="span" tone={row.lastError ? "critical" : "subdued"} breakWord>
            {row.lastError ?? row.outcome ?? ""}
          </Text>
        </div>
      </IndexTable.Cell>
      <IndexTable.Cell>
        {row.status === "failed" && (
          <Button size="slim" loading={retrying} onClick={() => onRetry(row.id)}>
            {t("activity.retry")}
          </Button>
        )}
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}
