// Filters the activity list by inbox status, with Polaris' Filters bar.
import { ChoiceList, Filters } from "@shopify/polaris";
import type { InboxStatus } from "../../api/activity-types";
import { useT } from "../../i18n/admin-language";

const statuses: InboxStatus[] = ["failed", "received", "processing", "completed", "skipped"];

export function StatusFilter({
  status,
  onChange,
}: {
  status: InboxStatus | "";
  onChange: (s: InboxStatus | "") => void;
}) {
  const t = useT();
  return (
    <Filters
      queryValue=""
      hideQueryField
      onQueryChange={() => undefined}
      onQueryClear={() => undefined}
      onClearAll={() => onChange("")}
      filters={[
        {
          key: "status",
          label: t("activity.columns.status"),
          shortcut: true,
          filter: (
            <ChoiceList
              title={t("activity.columns.status")}
              titleHidden
              choices={statuses.map((value) => ({ label: t(`activity.status.${value}`), value }))}
              selected={status ? [status] : []}
              onChange={(selected) => onChange((selected[0] as InboxStatus | undefined) ?? "")}
            />
          ),
        },
      ]}
      appliedFilters={
        status ? [{ key: "status", label: t(`activity.status.${status}`), onRemove: () => onChange("") }] : []
      }
    />
  );
}
