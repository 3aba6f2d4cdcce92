// A settings form's life: load, edit (dirty), save with per-field 422 errors, discard; shared by every settings screen.
import { useCallback, useEffect, useState } from "react";
import { ApiError, apiFetch } from "../api/api-fetch";
import { useApi } from "../api/use-api";

export interface SettingsForm<F> {
  form: F | undefined;
  loadError: Error | undefined;
  saveError: ApiError | undefined;
  fieldErrors: Record<string, string>;
  dirty: boolean;
  saving: boolean;
  change: <K extends keyof F>(field: K, value: F[K]) => void;
  save: () => Promise<boolean>;
  discard: () => void;
  reload: () => void;
}

export function useSettingsForm<S, F>(
  path: string,
  convert: { toForm: (settings: S) => F; fromForm: (form: F) => S },
): SettingsForm<F> {
  const loaded = useApi<{ settings: S }>(path);
  const [saved, setSaved] = useState<F>();
  const [form, setForm] = useState<F>();
  const [saveError, setSaveError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const { toForm, fromForm } = convert;
  useEffect(() => {
    if (!loaded.data) return;
    const initial = toForm(loaded.data.settings);
    setSaved(initial);
    setForm(initial);
  }, [loaded.data, toForm]);
  const change = useCallback(<K extends keyof F>(field: K, value: F[K]) => {
    setForm((current) => current && { ...current, [field]: value });
  }, []);
  const save = useCallback(async () => {
    if (!form) return false;
    setSaving(true);
    try {
      const answer = await apiFetch<{ settings: S }>(path, { method: "PUT", body: fromForm(form) });
      const next = toForm(answer.settings);
      setSaved(next);
      setForm(next);
      setSaveError(undefined);
      return true;
    } catch (error) {
      setSaveError(error instanceof ApiError ? error : new ApiError(0, "network", String(error), {}));
      return false;
    } finally {
      setSaving(false);
    }
  }, [form, fromForm, path, toForm]);
  const discard = useCallback(() => (setForm(saved), setSaveError(undefined)), [saved]);
  return {
    form,
    loadError: loaded.error,
    saveError,
    fieldErrors: saveError?.fields ?? {},
    dirty: form !== undefined && JSON.stringify(form) !== JSON.stringify(saved),
    saving,
    change,
    save,
    discard,
    reload: loaded.reload,
  };
}
