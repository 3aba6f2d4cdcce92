// Coupons Shopify refused or never answered for: the code and the last error, so the owner knows who is missing one.
import { BlockStack, Card, Text } from "@shopify/polaris";
import type { ActivityFailure } from "../../api/activity-types";
import { useT } from "../../i18n/admin-language";

export function FailedCoupons({ failures }: { failures: ActivityFailure[] }) {
  const t = useT();
  const coupons = failures.flatMap((failure) => (failure.kind === "coupon" ? [failure] : []));
  if (coupons.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("activity.failedCoupons")}
        </Text>
        {coupons.map((coupon) => (
          <Text as="p" key={coupon.id}>
            <Text as="span" fontWeight="semibold">
              {coupon.code}
            </Text>{" "}
            — {coupon.error ?? ""}
          </Text>
        ))}
      </BlockStack>
    </Card>
  );
}
