// Home's setup checklist: each step done or to do, linking to the screen where it is done.
import { Badge, BlockStack, Card, InlineStack, Link, Text } from "@shopify/polaris";
import { useT } from "../../i18n/admin-language";

export interface SetupStep {
  key: string;
  done: boolean;
  url: string;
}

export function SetupChecklist({ steps }: { steps: SetupStep[] }) {
  const t = useT();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("home.setup.title")}
        </Text>
        {steps.map((step) => (
          <InlineStack key={step.key} gap="200" blockAlign="center" wrap={false}>
            <Badge tone={step.done ? "success" : undefined} progress={step.done ? "complete" : "incomplete"}>
              {step.done ? t("home.setup.done") : t("home.setup.todo")}
            </Badge>
            <Link url={step.url}>{t(`home.setup.${step.key}`)}</Link>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}
