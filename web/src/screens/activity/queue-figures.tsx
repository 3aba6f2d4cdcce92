// The queue's depth as four small cards: waiting, running, retrying later, failed.
import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import type { ActivityAnswer } from "../../api/activity-types";
import { useT } from "../../i18n/admin-language";

export function QueueFigures({ queue }: { queue: ActivityAnswer["queue"] }) {
  const t = useT();
  return (
    <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
      {(["waiting", "active", "delayed", "failed"] as const).map((state) => (
        <Card key={state}>
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm" tone="subdued">
              {t(`activity.queue.${state}`)}
            </Text>
            <Text as="p" variant="headingLg">
              {queue[state]}
            </Text>
          </BlockStack>
        </Card>
      ))}
    </InlineGrid>
  );
}
