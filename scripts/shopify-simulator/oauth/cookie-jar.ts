// A minimal browser cookie jar for one site: enough to carry the app's signed OAuth state cookie across redirects.

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Applies Set-Cookie headers; attributes other than expiry (Secure, SameSite, Path) are ignored on loopback. */
  store(setCookieHeaders: string[]): void {
    for (const header of setCookieHeaders) {
      const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq);
      if (this.expired(attributes)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private expired(attributes: string[]): boolean {
    for (const attribute of attributes) {
      const [key = "", value = ""] = attribute.split("=");
      if (key.toLowerCase() === "max-age" && Number(value) <= 0) return true;
      if (key.toLowerCase() === "expires" && Date.parse(value) < Date.now()) return true;
    }
    return false;
  }
}
