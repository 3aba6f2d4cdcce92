// The one way the admin talks to the server: every /api call carries a fresh App Bridge session token.

/** An answer that was not 2xx, with the server's error code and details (e.g. per-field messages on a 422). */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }

  /** `{ field: message }` from a 422's `fields`, or nothing. */
  get fields(): Record<string, string> {
    const fields = this.details.fields;
    return typeof fields === "object" && fields !== null ? (fields as Record<string, string>) : {};
  }
}

let language = "en";

/** The admin's language, sent as Accept-Language so the server's messages (errors per field) come in it. */
export function setApiLanguage(next: string): void {
  language = next;
}

/** App Bridge's global (Shopify's script, or the simulator's stand-in): idToken() answers a token valid ~1 minute. */
export async function sessionToken(): Promise<string> {
  if (typeof shopify === "undefined" || typeof shopify.idToken !== "function") {
    throw new ApiError(0, "no_app_bridge", "App Bridge did not load: open Afterglow from Shopify admin", {});
  }
  return shopify.idToken();
}

export async function apiFetch<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const token = await sessionToken();
  const headers: Record<string, string> = {
    ...init.headers,
    authorization: `Bearer ${token}`,
    accept: "application/json",
    "accept-language": language,
  };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } & Record<string, unknown> } | null)?.error;
    const { code = "http_error", message = `HTTP ${response.status}`, ...details } = error ?? {};
    throw new ApiError(response.status, code, message, details);
  }
  return body as T;
}
