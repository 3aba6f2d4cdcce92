// The shapes of /api/settings/emails and /api/email-templates answers, as the Emails screens read them.
export interface KindSetting {
  enabled: boolean;
  delayMinutes: number;
}

export interface EmailSettings {
  kinds: Record<string, KindSetting>;
  senderName: string | null;
  replyTo: string | null;
  logoUrl: string | null;
  accentColor: string;
  defaultLanguage: string;
}

export interface TemplateSummary {
  kind: string;
  language: string;
  isCustom: boolean;
  hasDefault: boolean;
  lastError: string | null;
  lastErrorAt: string | null;
  updatedAt: string | null;
}

export interface TemplateParts {
  subject: string;
  html: string;
  text: string;
}

export interface EmailTemplate extends TemplateParts {
  kind: string;
  language: string;
  isCustom: boolean;
  lastError: string | null;
  default: TemplateParts | null;
}

/** Where a Liquid template failed: the 422's `details`. */
export interface LiquidProblem {
  field: keyof TemplateParts;
  line: number;
  column: number;
  message: string;
}
