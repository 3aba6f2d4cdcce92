// The template's three sources; a Liquid error shows at its field with the line it names, quoted with a caret.
import { BlockStack, Card, Text, TextField } from "@shopify/polaris";
import type { LiquidProblem, TemplateParts } from "../../api/email-types";
import { useT } from "../../i18n/admin-language";
import type { EditorProblem } from "./use-template-editor";

interface Props {
  parts: TemplateParts;
  problem?: EditorProblem;
  onChange: (field: keyof TemplateParts, value: string) => void;
}

const fields = [
  { field: "subject", multiline: undefined },
  { field: "html", multiline: 14 },
  { field: "text", multiline: 10 },
] as const;

export function TemplateSourceFields({ parts, problem, onChange }: Props) {
  const t = useT();
  const errorFor = (field: keyof TemplateParts) => {
    const liquid = problem?.liquid;
    if (liquid?.field === field) return t("emails.editor.lineError", { ...liquid });
    return problem?.fields[field];
  };
  return (
    <Card>
      <BlockStack gap="400">
        {fields.map(({ field, multiline }) => (
          <BlockStack key={field} gap="100">
            <TextField
              label={t(`emails.editor.${field}`)}
              value={parts[field]}
              onChange={(value) => onChange(field, value)}
              multiline={multiline}
              monospaced={field !== "subject"}
              autoComplete="off"
              spellCheck={false}
              error={errorFor(field)}
            />
            {problem?.liquid?.field === field && <LineExcerpt source={parts[field]} problem={problem.liquid} />}
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}

/** The line the error names, numbered as the server counts (from 1), with a caret under the column. */
function LineExcerpt({ source, problem }: { source: string; problem: LiquidProblem }) {
  const t = useT();
  const line = source.split("\n")[problem.line - 1];
  if (line === undefined) return null;
  const gutter = `${problem.line} | `;
  return (
    <div aria-label={t("emails.editor.lineLabel", { line: problem.line })} role="figure">
      <Text as="span" tone="critical">
        <pre data-testid="error-line" style={{ margin: 0, overflowX: "auto" }}>
          {`${gutter}${line}\n${" ".repeat(gutter.length + Math.max(problem.column - 1, 0))}^`}
        </pre>
      </Text>
    </div>
  );
}
