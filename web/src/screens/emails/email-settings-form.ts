// The email settings as the form edits them: delays as the text typed, everything else passed back unchanged.
import type { EmailSettings } from "../../api/email-types";

export interface EmailSettingsForm {
  kinds: Record<string, { enabled: boolean; delayMinutes: string }>;
  rest: Omit<EmailSettings, "kinds">;
}

export function toEmailForm(settings: EmailSettings): EmailSettingsForm {
  const { kinds, ...rest } = settings;
  return {
    kinds: Object.fromEntries(
      Object.entries(kinds).map(([kind, setting]) => [
        kind,
        { enabled: setting.enabled, delayMinutes: String(setting.delayMinutes) },
      ]),
    ),
    rest,
  };
}

/** A delay that is not a number goes as NaN's JSON (null): the server answers with the field's message. */
export function fromEmailForm(form: EmailSettingsForm): EmailSettings {
  return {
    ...form.rest,
    kinds: Object.fromEntries(
      Object.entries(form.kinds).map(([kind, setting]) => [
        kind,
        {
          enabled: setting.enabled,
          delayMinutes: setting.delayMinutes.trim() === "" ? NaN : Number(setting.delayMinutes),
        },
      ]),
    ),
  };
}
