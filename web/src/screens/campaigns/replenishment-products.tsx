// Products worth a reminder: product id (and optionally a variant), a name for the email, and the days until a reorder.
import { BlockStack, Button, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useT } from "../../i18n/admin-language";
import { errorAt, type ProductRow } from "./campaign-forms";

interface ReplenishmentProductsProps {
  products: ProductRow[];
  errors: Record<string, string>;
  onChange: (products: ProductRow[]) => void;
}

const newRow: ProductRow = { productId: "", variantId: "", title: "", days: "30" };

export function ReplenishmentProducts({ products, errors, onChange }: ReplenishmentProductsProps) {
  const t = useT();
  const update = (index: number, patch: Partial<ProductRow>) =>
    onChange(products.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        {t("campaigns.replenishment.products")}
      </Text>
      {products.length === 0 && (
        <Text as="p" tone="subdued">
          {t("campaigns.replenishment.noProducts")}
        </Text>
      )}
      {products.map((row, index) => (
        <ProductFields
          key={index}
          row={row}
          index={index}
          errors={errors}
          onUpdate={(patch) => update(index, patch)}
          onRemove={() => onChange(products.filter((_, i) => i !== index))}
        />
      ))}
      <InlineStack>
        <Button onClick={() => onChange([...products, newRow])} disabled={products.length >= 500}>
          {t("campaigns.replenishment.add")}
        </Button>
      </InlineStack>
    </BlockStack>
  );
}

interface ProductFieldsProps {
  row: ProductRow;
  index: number;
  errors: Record<string, string>;
  onUpdate: (patch: Partial<ProductRow>) => void;
  onRemove: () => void;
}

function ProductFields({ row, index, errors, onUpdate, onRemove }: ProductFieldsProps) {
  const t = useT();
  const field = (name: keyof ProductRow, label: string) => ({
    label: t(`campaigns.replenishment.${label}`),
    value: row[name],
    error: errorAt(errors, `replenishment.products.${index}.${name}`),
    autoComplete: "off",
    onChange: (value: string) => onUpdate({ [name]: value }),
  });
  return (
    <FormLayout>
      <FormLayout.Group condensed>
        <TextField {...field("productId", "productId")} />
        <TextField {...field("variantId", "variantId")} />
        <TextField {...field("title", "productTitle")} />
        <TextField
          {...field("days", "days")}
          type="number"
          min={1}
          connectedRight={
            <Button tone="critical" variant="plain" onClick={onRemove}>
              {t("campaigns.replenishment.remove")}
            </Button>
          }
        />
      </FormLayout.Group>
    </FormLayout>
  );
}
