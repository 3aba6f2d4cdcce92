// When orders are packed: the cut-off hour, processing days, working weekdays and holidays.
import { useState } from "react";
import {
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  InlineError,
  Select,
  Tag,
  Text,
  TextField,
} from "@shopify/polaris";
import { useAdminLanguage } from "../../i18n/admin-language";
import type { ShippingForm } from "./shipping-settings";

export interface ShippingFieldsProps {
  form: ShippingForm;
  errors: Record<string, string>;
  onChange: <K extends keyof ShippingForm>(field: K, value: ShippingForm[K]) => void;
}

/** Monday is 1, as the API counts; names come from Intl in the admin's language. */
function weekdayName(isoWeekday: number, locale: string): string {
  const monday = new Date(Date.UTC(2024, 0, 1));
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(
    new Date(monday.getTime() + (isoWeekday - 1) * 86_400_000),
  );
}

export function WorkingCalendarCard({ form, errors, onChange }: ShippingFieldsProps) {
  const { t } = useAdminLanguage();
  const hours = Array.from({ length: 25 }, (_, hour) => ({
    label: hour === 24 ? t("shipping.noCutoff") : `${String(hour).padStart(2, "0")}:00`,
    value: String(hour),
  }));
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("shipping.calendar.title")}
        </Text>
        <FormLayout>
          <FormLayout.Group>
            <Select
              label={t("shipping.cutoffHour")}
              helpText={t("shipping.cutoffHourHelp")}
              options={hours}
              value={form.cutoffHour}
              error={errors.cutoffHour}
              onChange={(value) => onChange("cutoffHour", value)}
            />
            <TextField
              label={t("shipping.processingDays")}
              helpText={t("shipping.processingDaysHelp")}
              type="number"
              min={0}
              value={form.processingDays}
              error={errors.processingDays}
              autoComplete="off"
              onChange={(value) => onChange("processingDays", value)}
            />
          </FormLayout.Group>
        </FormLayout>
        <WorkingWeekdays form={form} errors={errors} onChange={onChange} />
        <Checkbox
          label={t("shipping.transitOnWorkingDaysOnly")}
          checked={form.transitOnWorkingDaysOnly}
          onChange={(on) => onChange("transitOnWorkingDaysOnly", on)}
        />
        <Holidays form={form} errors={errors} onChange={onChange} />
      </BlockStack>
    </Card>
  );
}

function Holidays({ form, errors, onChange }: ShippingFieldsProps) {
  const { t, locale } = useAdminLanguage();
  const [date, setDate] = useState("");
  const holidayError = Object.entries(errors).find(([field]) => field.startsWith("holidays"))?.[1];
  const add = () => {
    if (date && !form.holidays.includes(date)) onChange("holidays", [...form.holidays, date].sort());
    setDate("");
  };
  return (
    <BlockStack gap="200">
      <InlineStack gap="200" blockAlign="end">
        <TextField
          label={t("shipping.holidays")}
          type="date"
          value={date}
          onChange={setDate}
          autoComplete="off"
          error={holidayError}
        />
        <Button onClick={add} disabled={!date}>
          {t("shipping.addHoliday")}
        </Button>
      </InlineStack>
      <InlineStack gap="200">
        {form.holidays.map((holiday) => (
          <Tag
            key={holiday}
            onRemove={() =>
              onChange(
                "holidays",
                form.holidays.filter((h) => h !== holiday),
              )
            }
          >
            {new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
              new Date(`${holiday}T00:00:00Z`),
            )}
          </Tag>
        ))}
      </InlineStack>
    </BlockStack>
  );
}

function WorkingWeekdays({ form, errors, onChange }: ShippingFieldsProps) {
  const { t, locale } = useAdminLanguage();
  const toggleWeekday = (day: number, on: boolean) =>
    onChange(
      "workingWeekdays",
      on ? [...form.workingWeekdays, day].sort() : form.workingWeekdays.filter((d) => d !== day),
    );
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {t("shipping.workingWeekdays")}
      </Text>
      <InlineStack gap="400">
        {[1, 2, 3, 4, 5, 6, 7].map((day) => (
          <Checkbox
            key={day}
            label={weekdayName(day, locale)}
            checked={form.workingWeekdays.includes(day)}
            onChange={(on) => toggleWeekday(day, on)}
          />
        ))}
      </InlineStack>
      {errors.workingWeekdays && <InlineError message={errors.workingWeekdays} fieldID="workingWeekdays" />}
    </BlockStack>
  );
}
