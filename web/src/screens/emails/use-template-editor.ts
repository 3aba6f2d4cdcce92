// One template's editing life: load, edit, a live preview of the sample order, save, back to default, test send.
import { useCallback, useEffect, useState } from "react";
import type { EmailTemplate, LiquidProblem, TemplateParts } from "../../api/email-types";
import { ApiError, apiFetch } from "../../api/api-fetch";
import { useApi } from "../../api/use-api";
import { useDebouncedValue } from "../../components/use-debounced-value";

export type Preview = TemplateParts;

/** A 422's Liquid problem (details) or per-field messages (fields); anything else is the error itself. */
export interface EditorProblem {
  liquid?: LiquidProblem;
  fields: Record<string, string>;
  other?: ApiError;
}

export function problemOf(error: unknown): EditorProblem {
  if (!(error instanceof ApiError)) return { fields: {}, other: new ApiError(0, "network", String(error), {}) };
  if (error.status !== 422) return { fields: {}, other: error };
  const details = error.details.details as LiquidProblem | undefined;
  return { liquid: details?.line ? details : undefined, fields: details?.line ? {} : error.fields };
}

function useLivePreview(path: string, parts: TemplateParts | undefined) {
  const settled = useDebouncedValue(parts, 400);
  const [preview, setPreview] = useState<Preview>();
  const [problem, setProblem] = useState<EditorProblem>();
  useEffect(() => {
    if (!settled) return;
    let current = true;
    apiFetch<Preview>(`${path}/preview`, { method: "POST", body: settled })
      .then((answer) => current && (setPreview(answer), setProblem(undefined)))
      .catch((error: unknown) => current && setProblem(problemOf(error)));
    return () => {
      current = false;
    };
  }, [path, settled]);
  return { preview, problem, setProblem };
}

/** The template as loaded (and reloaded after a save or revert), and the parts being edited. */
function useLoadedParts(path: string) {
  const loaded = useApi<{ template: EmailTemplate }>(path);
  const [saved, setSaved] = useState<TemplateParts>();
  const [parts, setParts] = useState<TemplateParts>();
  useEffect(() => {
    if (!loaded.data) return;
    const { subject, html, text } = loaded.data.template;
    setSaved({ subject, html, text });
    setParts({ subject, html, text });
  }, [loaded.data]);
  return { loaded, saved, setSaved, parts, setParts };
}

export function useTemplateEditor(kind: string, language: string) {
  const path = `/api/email-templates/${encodeURIComponent(kind)}/${encodeURIComponent(language)}`;
  const { loaded, saved, setSaved, parts, setParts } = useLoadedParts(path);
  const [busy, setBusy] = useState<"save" | "revert">();
  const live = useLivePreview(path, parts);
  const { setProblem } = live;
  const change = useCallback((field: keyof TemplateParts, value: string) => {
    setParts((current) => current && { ...current, [field]: value });
  }, []);
  const run = useCallback(
    async (action: "save" | "revert", request: () => Promise<void>) => {
      setBusy(action);
      try {
        await request();
        return true;
      } catch (error) {
        setProblem(problemOf(error));
        return false;
      } finally {
        setBusy(undefined);
      }
    },
    [setProblem],
  );
  const save = () =>
    run("save", async () => {
      await apiFetch(path, { method: "PUT", body: parts });
      setSaved(parts);
      loaded.reload();
    });
  const revert = () => run("revert", async () => (await apiFetch(path, { method: "DELETE" }), loaded.reload()));
  return {
    template: loaded.data?.template,
    loadError: loaded.error,
    reload: loaded.reload,
    parts,
    dirty: parts !== undefined && JSON.stringify(parts) !== JSON.stringify(saved),
    change,
    discard: () => setParts(saved),
    preview: live.preview,
    problem: live.problem,
    busy,
    save,
    revert,
    path,
  };
}

export type TemplateEditor = ReturnType<typeof useTemplateEditor>;
