// The Liquid engines emails render with: HTML escapes every output, text and subjects do not; no file access.
import { Liquid, LiquidError, type Template } from "liquidjs";

export type TemplateField = "subject" | "html" | "text";

export interface LiquidIssue {
  field: TemplateField;
  line: number;
  column: number;
  message: string;
}

/** A template that does not parse, with where: the admin shows it next to the line. */
export class TemplateSyntaxError extends Error {
  override name = "TemplateSyntaxError";
  constructor(readonly issue: LiquidIssue) {
    super(`${issue.field}, line ${issue.line}: ${issue.message}`);
  }
}

// Owners' templates may not reach the file system (templates: {}), and a runaway loop is cut off.
const limits = { templates: {}, strictFilters: true, renderLimit: 2000, parseLimit: 200_000, memoryLimit: 5e7 };
const htmlEngine = new Liquid({ ...limits, outputEscape: "escape" });
const textEngine = new Liquid(limits);

function engineFor(field: TemplateField): Liquid {
  return field === "html" ? htmlEngine : textEngine;
}

// Parsing costs more than rendering; default templates and stored ones repeat, so parsed forms are kept.
const parsed = new Map<string, Template[]>();
const maxCached = 500;

function issueOf(field: TemplateField, error: unknown): LiquidIssue {
  if (error instanceof LiquidError) {
    const [line = 1, column = 1] = error.token.getPosition();
    // liquidjs appends ", line:2, col:1" to its messages; the position is given apart.
    const message = error.message.replace(/, line:\d+, col:\d+$/, "");
    return { field, line, column, message };
  }
  return { field, line: 1, column: 1, message: error instanceof Error ? error.message : String(error) };
}

export function parseTemplate(field: TemplateField, source: string): Template[] {
  const key = `${field}\u0000${source}`;
  const hit = parsed.get(key);
  if (hit) return hit;
  let templates: Template[];
  try {
    templates = engineFor(field).parse(source);
  } catch (error) {
    throw new TemplateSyntaxError(issueOf(field, error));
  }
  if (parsed.size >= maxCached) parsed.delete(parsed.keys().next().value ?? "");
  parsed.set(key, templates);
  return templates;
}

export async function renderTemplate(field: TemplateField, source: string, context: object): Promise<string> {
  return (await engineFor(field).render(parseTemplate(field, source), context)) as string;
}

/** Syntax problems of a subject/html/text triple, first field first; [] when all three parse. */
export function syntaxIssues(parts: Record<TemplateField, string>): LiquidIssue[] {
  const issues: LiquidIssue[] = [];
  for (const field of ["subject", "html", "text"] as const) {
    try {
      parseTemplate(field, parts[field]);
    } catch (error) {
      if (error instanceof TemplateSyntaxError) issues.push(error.issue);
      else throw error;
    }
  }
  return issues;
}
