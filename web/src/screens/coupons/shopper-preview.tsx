// A live preview of the thank-you block the shopper sees, in each shopper language, with the extension's own wording.
import { useState } from "react";
import { BlockStack, Box, Button, ButtonGroup, Card, InlineStack, Text } from "@shopify/polaris";
import {
  describeCoupon,
  type CouponI18n,
  type CouponText,
} from "../../../../extensions/thank-you-coupon/src/describe-coupon";
import type { CouponView } from "../../../../extensions/thank-you-coupon/src/coupon-view-state";
import en from "../../../../extensions/thank-you-coupon/locales/en.default.json";
import id from "../../../../extensions/thank-you-coupon/locales/id.json";
import fil from "../../../../extensions/thank-you-coupon/locales/fil.json";
import { useAdminLanguage } from "../../i18n/admin-language";
import type { CouponSettingsForm } from "./coupon-settings";

const shopperLanguages = [
  { key: "en", locale: "en-US", messages: en },
  { key: "id", locale: "id-ID", messages: id },
  { key: "fil", locale: "fil-PH", messages: fil },
] as const;

function shopperI18n(locale: string, messages: unknown): CouponI18n {
  const lookup = (key: string) =>
    key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  return {
    translate: (key, replacements = {}) => {
      const message = lookup(key);
      return (typeof message === "string" ? message : key).replace(/\{\{(\w+)\}\}/g, (_m, name: string) =>
        String(replacements[name]),
      );
    },
    formatNumber: (value, options) => new Intl.NumberFormat(locale, options).format(value),
    formatCurrency: (value, options) => new Intl.NumberFormat(locale, options).format(value),
    formatDate: (date, options) => new Intl.DateTimeFormat(locale, options).format(date),
  };
}

function previewView(form: CouponSettingsForm, currencyCode: string): CouponView {
  const value = Number(form.value) || 0;
  const minimum = Number(form.minimumSubtotal);
  const days = Number(form.validityDays);
  return {
    code: `${form.codePrefix ? `${form.codePrefix}-` : ""}7K3MXQ2PR9AB`,
    value:
      form.kind === "percentage"
        ? { kind: "percentage", fraction: value / 100 }
        : form.kind === "fixed_amount"
          ? { kind: "fixed_amount", amount: value, currencyCode }
          : { kind: "free_shipping" },
    minimum: form.minimumSubtotal.trim() && minimum > 0 ? { amount: minimum, currencyCode } : null,
    endsAt: Number.isInteger(days) && days > 0 ? new Date(Date.now() + days * 86_400_000) : null,
  };
}

export function ShopperPreview({ form, currencyCode }: { form: CouponSettingsForm; currencyCode: string }) {
  const { t, language: adminLanguage } = useAdminLanguage();
  // Start with the admin's own language: every admin language is also a shopper language.
  const [selected, setSelected] = useState(() =>
    Math.max(
      0,
      shopperLanguages.findIndex((l) => l.key === adminLanguage),
    ),
  );
  const language = shopperLanguages[selected] ?? shopperLanguages[0];
  const text = describeCoupon(previewView(form, currencyCode), shopperI18n(language.locale, language.messages));
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("coupons.preview.title")}
        </Text>
        <ButtonGroup variant="segmented">
          {shopperLanguages.map((l, index) => (
            <Button key={l.key} pressed={index === selected} onClick={() => setSelected(index)} size="slim">
              {t(`languages.short.${l.key}`)}
            </Button>
          ))}
        </ButtonGroup>
        <PreviewBlock text={text} enabled={form.enabled} offMessage={t("coupons.preview.off")} />
      </BlockStack>
    </Card>
  );
}

/** The block itself, laid out like the checkout extension's banner. */
function PreviewBlock({ text, enabled, offMessage }: { text: CouponText; enabled: boolean; offMessage: string }) {
  return (
    <Box padding="400" background="bg-surface-secondary" borderRadius="200">
      {enabled ? (
        <BlockStack gap="200">
          <Text as="p" variant="headingSm">
            {text.heading}
          </Text>
          <Text as="p">{text.intro}</Text>
          <Text as="p" variant="headingLg">
            {text.value}
          </Text>
          <InlineStack gap="200">
            <Text as="span">{text.codeLabel}</Text>
            <Text as="span" fontWeight="bold">
              {text.code}
            </Text>
          </InlineStack>
          {text.minimum && <Text as="p">{text.minimum}</Text>}
          {text.expiry && (
            <Text as="p" tone="subdued">
              {text.expiry}
            </Text>
          )}
        </BlockStack>
      ) : (
        <Text as="p" tone="subdued">
          {offMessage}
        </Text>
      )}
    </Box>
  );
}
