// Activity: recent webhooks with status and error, failures (webhooks and coupons) with a retry, and the queue's depth.
import { useState } from "react";
import { Card, Layout, Page } from "@shopify/polaris";
import { apiFetch } from "../api/api-fetch";
import type { ActivityAnswer, InboxStatus } from "../api/activity-types";
import { useApi } from "../api/use-api";
import { ErrorBanner } from "../components/error-banner";
import { ScreenSkeleton } from "../components/screen-skeleton";
import { useToast } from "../components/toast-provider";
import { useT } from "../i18n/admin-language";
import { FailedCoupons } from "./activity/failed-coupons";
import { QueueFigures } from "./activity/queue-figures";
import { StatusFilter } from "./activity/status-filter";
import { WebhookTable } from "./activity/webhook-table";

export default function ActivityScreen() {
  const t = useT();
  const showToast = useToast();
  const [status, setStatus] = useState<InboxStatus | "">("");
  const activity = useApi<ActivityAnswer>(`/api/activity${status ? `?status=${status}` : ""}`);
  const [retrying, setRetrying] = useState<string>();
  if (activity.error) {
    return (
      <Page title={t("activity.title")}>
        <ErrorBanner error={activity.error} onRetry={activity.reload} />
      </Page>
    );
  }
  if (!activity.data) return <ScreenSkeleton title={t("activity.title")} />;
  const retry = async (id: string) => {
    setRetrying(id);
    try {
      await apiFetch(`/api/activity/webhooks/${id}/retry`, { method: "POST" });
      showToast(t("activity.retried"));
      activity.reload();
    } catch (error) {
      showToast(error instanceof Error ? error.message : String(error), { error: true });
    } finally {
      setRetrying(undefined);
    }
  };
  return (
    <Page title={t("activity.title")} subtitle={t("activity.subtitle")} backAction={{ url: "/" }}>
      <Layout>
        <Layout.Section>
          <QueueFigures queue={activity.data.queue} />
        </Layout.Section>
        {activity.data.failures.some((failure) => failure.kind === "coupon") && (
          <Layout.Section>
            <FailedCoupons failures={activity.data.failures} />
          </Layout.Section>
        )}
        <Layout.Section>
          <Card padding="0">
            <StatusFilter status={status} onChange={setStatus} />
            <WebhookTable webhooks={activity.data.webhooks} retrying={retrying} onRetry={(id) => void retry(id)} />
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
