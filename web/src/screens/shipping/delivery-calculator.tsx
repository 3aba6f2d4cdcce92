// The calculator: for a sample order (when, where, which method), the ship-by date and the delivery window.
import { useState } from "react";
import { BlockStack, Button, Card, FormLayout, Text, TextField } from "@shopify/polaris";
import { ApiError, apiFetch } from "../../api/api-fetch";
import { useAdminLanguage } from "../../i18n/admin-language";

interface EstimateAnswer {
  window: { shipBy: string; earliest: string; latest: string };
  transit: { name: string };
}

/** "2026-12-01" in the admin's language, without shifting the day through a time zone. */
function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** The browser's datetime-local value with the browser's offset, as the API wants an ISO time with its offset. */
function withOffset(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** The sample order's fields and the server's answer for it. */
function useEstimate() {
  const [orderedAt, setOrderedAt] = useState(() =>
    new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16),
  );
  const [countryCode, setCountryCode] = useState("");
  const [shippingMethod, setShippingMethod] = useState("");
  const [answer, setAnswer] = useState<EstimateAnswer>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const calculate = async () => {
    try {
      const body = {
        orderedAt: withOffset(orderedAt),
        countryCode: countryCode.trim() || null,
        shippingMethod: shippingMethod.trim() || null,
      };
      setAnswer(await apiFetch<EstimateAnswer>("/api/shipping/estimate", { method: "POST", body }));
      setErrors({});
    } catch (error) {
      setAnswer(undefined);
      setErrors(error instanceof ApiError ? error.fields : { orderedAt: String(error) });
    }
  };
  return {
    orderedAt,
    setOrderedAt,
    countryCode,
    setCountryCode,
    shippingMethod,
    setShippingMethod,
    answer,
    errors,
    calculate,
  };
}

function EstimateResult({ answer }: { answer: EstimateAnswer }) {
  const { t, locale } = useAdminLanguage();
  return (
    <BlockStack gap="100">
      <Text as="p">{t("shipping.calculator.shipBy", { date: formatDay(answer.window.shipBy, locale) })}</Text>
      <Text as="p" variant="headingMd">
        {t("shipping.calculator.arrives", {
          earliest: formatDay(answer.window.earliest, locale),
          latest: formatDay(answer.window.latest, locale),
        })}
      </Text>
      <Text as="p" tone="subdued">
        {t("shipping.calculator.rule", { name: answer.transit.name })}
      </Text>
    </BlockStack>
  );
}

export function DeliveryCalculator({ dirty }: { dirty: boolean }) {
  const { t } = useAdminLanguage();
  const sample = useEstimate();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("shipping.calculator.title")}
        </Text>
        {dirty && (
          <Text as="p" tone="caution">
            {t("shipping.calculator.unsaved")}
          </Text>
        )}
        <FormLayout>
          <TextField
            label={t("shipping.calculator.orderedAt")}
            type="datetime-local"
            value={sample.orderedAt}
            onChange={sample.setOrderedAt}
            error={sample.errors.orderedAt}
            autoComplete="off"
          />
          <FormLayout.Group condensed>
            <TextField
              label={t("shipping.calculator.country")}
              value={sample.countryCode}
              onChange={sample.setCountryCode}
              error={sample.errors.countryCode}
              autoComplete="off"
            />
            <TextField
              label={t("shipping.calculator.method")}
              value={sample.shippingMethod}
              onChange={sample.setShippingMethod}
              error={sample.errors.shippingMethod}
              autoComplete="off"
            />
          </FormLayout.Group>
          <Button onClick={() => void sample.calculate()}>{t("shipping.calculator.calculate")}</Button>
        </FormLayout>
        {sample.answer && <EstimateResult answer={sample.answer} />}
      </BlockStack>
    </Card>
  );
}
