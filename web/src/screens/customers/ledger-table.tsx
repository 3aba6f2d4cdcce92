// A customer's full points history: when, how many, why (cause and the staff member's reason), who, and its order.
import { Badge, IndexTable, Text } from "@shopify/polaris";
import type { LedgerEntry } from "../../api/customer-types";
import { formatDateTime, formatNumber } from "../../components/format";
import { useShop } from "../../components/shop-context";
import { useAdminLanguage } from "../../i18n/admin-language";

export function LedgerTable({ ledger }: { ledger: LedgerEntry[] }) {
  const { t } = useAdminLanguage();
  return (
    <IndexTable
      resourceName={{ singular: t("customers.ledger.entry"), plural: t("customers.ledger.entries") }}
      itemCount={ledger.length}
      selectable={false}
      headings={[
        { title: t("customers.ledger.columns.date") },
        { title: t("customers.ledger.columns.points"), alignment: "end" },
        { title: t("customers.ledger.columns.cause") },
        { title: t("customers.ledger.columns.who") },
        { title: t("customers.ledger.columns.reason") },
        { title: t("customers.ledger.columns.order") },
      ]}
    >
      {ledger.map((entry, index) => (
        <LedgerRow key={entry.id} entry={entry} index={index} />
      ))}
    </IndexTable>
  );
}

function LedgerRow({ entry, index }: { entry: LedgerEntry; index: number }) {
  const { t, locale } = useAdminLanguage();
  const shop = useShop();
  const points = `${entry.points > 0 ? "+" : ""}${formatNumber(entry.points, locale)}`;
  return (
    <IndexTable.Row id={entry.id} position={index}>
      <IndexTable.Cell>{formatDateTime(entry.createdAt, locale, shop?.ianaTimezone)}</IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric tone={entry.points < 0 ? "critical" : undefined}>
          {points}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        {t(`customers.ledger.causes.${entry.cause}`)}{" "}
        {entry.status !== "available" && <Badge>{t(`customers.ledger.status.${entry.status}`)}</Badge>}
      </IndexTable.Cell>
      <IndexTable.Cell>
        <ActorName entry={entry} />
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" breakWord>
          {entry.reason ?? ""}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>{entry.orderName ?? ""}</IndexTable.Cell>
    </IndexTable.Row>
  );
}

/** Staff by name (the id until Shopify has named them); entries Afterglow made itself (actor "system") as automatic. */
function ActorName({ entry }: { entry: LedgerEntry }) {
  const { t } = useAdminLanguage();
  if (entry.actorName) return <>{entry.actorName}</>;
  if (entry.actor && /^\d+$/.test(entry.actor)) return <>{t("customers.ledger.staff", { id: entry.actor })}</>;
  return <>{t("customers.ledger.automatic")}</>;
}
