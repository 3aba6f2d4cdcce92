// One customer: balance, pending points and tier, birthday, the full ledger history, and adjusting points.
import { useState } from "react";
import { BlockStack, Card, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { useParams } from "react-router";
import type { CustomerAnswer } from "../api/customer-types";
import { useApi } from "../api/use-api";
import { ErrorBanner } from "../components/error-banner";
import { formatNumber } from "../components/format";
import { ScreenSkeleton } from "../components/screen-skeleton";
import { useToast } from "../components/toast-provider";
import { useAdminLanguage } from "../i18n/admin-language";
import { AdjustPointsModal } from "./customers/adjust-points-modal";
import { BirthdayCard } from "./customers/birthday-card";
import { LedgerTable } from "./customers/ledger-table";

export default function CustomerScreen() {
  const { t, locale } = useAdminLanguage();
  const showToast = useToast();
  const { id } = useParams();
  const answer = useApi<CustomerAnswer>(`/api/customers/${encodeURIComponent(id ?? "")}`);
  const [adjusting, setAdjusting] = useState(false);
  if (answer.error) {
    return (
      <Page title={t("customers.title")} backAction={{ url: "/customers" }}>
        <ErrorBanner error={answer.error} onRetry={answer.reload} />
      </Page>
    );
  }
  if (!answer.data) return <ScreenSkeleton title={t("customers.title")} />;
  const { customer } = answer.data;
  return (
    <Page
      title={customer.name ?? customer.email ?? `#${customer.id}`}
      subtitle={customer.email ?? undefined}
      backAction={{ url: "/customers" }}
      primaryAction={{ content: t("customers.adjust.open"), onAction: () => setAdjusting(true) }}
    >
      <CustomerLayout answer={answer.data} reload={answer.reload} />
      {adjusting && (
        <AdjustPointsModal
          customerId={customer.id}
          balance={customer.balance}
          onClose={() => setAdjusting(false)}
          onAdjusted={(balance) => {
            setAdjusting(false);
            showToast(t("customers.adjust.done", { balance: formatNumber(balance, locale) }));
            answer.reload();
          }}
        />
      )}
    </Page>
  );
}

function CustomerLayout({ answer, reload }: { answer: CustomerAnswer; reload: () => void }) {
  const { t } = useAdminLanguage();
  const showToast = useToast();
  const { customer, ledger } = answer;
  return (
    <Layout>
      <Layout.Section>
        <CustomerFigures customer={customer} />
      </Layout.Section>
      <Layout.Section variant="oneThird">
        <BirthdayCard
          key={customer.birthday ?? ""}
          customerId={customer.id}
          birthday={customer.birthday}
          onSaved={() => {
            showToast(t("customers.birthday.saved"));
            reload();
          }}
        />
      </Layout.Section>
      <Layout.Section>
        <Card padding="0">
          <LedgerTable ledger={ledger} />
        </Card>
      </Layout.Section>
    </Layout>
  );
}

function CustomerFigures({ customer }: { customer: CustomerAnswer["customer"] }) {
  const { t, locale } = useAdminLanguage();
  const figures = [
    ["balance", formatNumber(customer.balance, locale)],
    ["pending", formatNumber(customer.pending, locale)],
    ["tier", customer.tier ?? "—"],
  ] as const;
  return (
    <InlineGrid columns={3} gap="400">
      {figures.map(([key, value]) => (
        <Card key={key}>
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm" tone="subdued">
              {t(`customers.columns.${key}`)}
            </Text>
            <Text as="p" variant="headingLg">
              {value}
            </Text>
          </BlockStack>
        </Card>
      ))}
    </InlineGrid>
  );
}
