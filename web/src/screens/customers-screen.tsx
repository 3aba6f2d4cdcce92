// Customers: search by name or email, paged with cursors; balance, pending points and tier; a link to each one's history.
import { useEffect, useState } from "react";
import type { IndexTableProps } from "@shopify/polaris";
import { Card, EmptyState, Filters, IndexTable, InlineStack, Link, Page, Pagination, Text } from "@shopify/polaris";
import type { CustomerListAnswer, CustomerSummary } from "../api/customer-types";
import { useApi } from "../api/use-api";
import { ErrorBanner } from "../components/error-banner";
import { formatNumber } from "../components/format";
import { useCursorPages } from "../components/use-cursor-pages";
import { useDebouncedValue } from "../components/use-debounced-value";
import { useAdminLanguage, type Translate } from "../i18n/admin-language";

export default function CustomersScreen() {
  const { t } = useAdminLanguage();
  const [query, setQuery] = useState("");
  const settledQuery = useDebouncedValue(query.trim());
  const pages = useCursorPages();
  const { reset } = pages;
  useEffect(reset, [settledQuery, reset]);
  const params = new URLSearchParams({ limit: "25" });
  if (settledQuery) params.set("query", settledQuery);
  if (pages.cursor) params.set("cursor", pages.cursor);
  const list = useApi<CustomerListAnswer>(`/api/customers?${params.toString()}`);
  const customers = list.data?.customers ?? [];
  return (
    <Page title={t("customers.title")} subtitle={t("customers.subtitle")} backAction={{ url: "/" }}>
      <Card padding="0">
        <Filters
          queryValue={query}
          queryPlaceholder={t("customers.search")}
          onQueryChange={setQuery}
          onQueryClear={() => setQuery("")}
          onClearAll={() => setQuery("")}
          filters={[]}
        />
        {list.error && <ErrorBanner error={list.error} onRetry={list.reload} />}
        <IndexTable
          resourceName={{ singular: t("customers.customer"), plural: t("customers.customers") }}
          itemCount={customers.length}
          selectable={false}
          loading={list.loading}
          headings={customerHeadings(t)}
          emptyState={<CustomersEmpty searching={Boolean(settledQuery)} />}
        >
          {customers.map((customer, index) => (
            <CustomerRow key={customer.id} customer={customer} index={index} />
          ))}
        </IndexTable>
        <InlineStack align="center">
          <Pagination
            hasPrevious={pages.hasPrevious}
            onPrevious={pages.previous}
            hasNext={Boolean(list.data?.nextCursor)}
            onNext={() => list.data?.nextCursor && pages.next(list.data.nextCursor)}
          />
        </InlineStack>
      </Card>
    </Page>
  );
}

function CustomerRow({ customer, index }: { customer: CustomerSummary; index: number }) {
  const { locale } = useAdminLanguage();
  return (
    <IndexTable.Row id={String(customer.id)} position={index}>
      <IndexTable.Cell>
        <Link url={`/customers/${customer.id}`} removeUnderline>
          <Text as="span" fontWeight="semibold">
            {customer.name ?? customer.email ?? `#${customer.id}`}
          </Text>
        </Link>
      </IndexTable.Cell>
      <IndexTable.Cell>{customer.email ?? "—"}</IndexTable.Cell>
      <IndexTable.Cell>{customer.tier ?? "—"}</IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric>
          {formatNumber(customer.balance, locale)}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric>
          {formatNumber(customer.pending, locale)}
        </Text>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}

function customerHeadings(t: Translate): IndexTableProps["headings"] {
  return [
    { title: t("customers.columns.name") },
    { title: t("customers.columns.email") },
    { title: t("customers.columns.tier") },
    { title: t("customers.columns.balance"), alignment: "end" },
    { title: t("customers.columns.pending"), alignment: "end" },
  ];
}

function CustomersEmpty({ searching }: { searching: boolean }) {
  const { t } = useAdminLanguage();
  return (
    <EmptyState heading={t("customers.empty.heading")} image="">
      <p>{t(searching ? "customers.empty.search" : "customers.empty.body")}</p>
    </EmptyState>
  );
}
