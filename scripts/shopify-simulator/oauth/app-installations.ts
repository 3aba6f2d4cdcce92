// Tracks which shops installed the app: single-use authorization codes, access tokens and granted scopes.
import { randomBytes } from "node:crypto";

const CODE_LIFETIME_MS = 60_000;

interface PendingCode {
  shop: string;
  scopes: string[];
  online: boolean;
  expiresAt: number;
}

export interface AccessTokenGrant {
  shop: string;
  token: string;
  scopes: string[];
  online: boolean;
}

export class AppInstallations {
  private readonly codes = new Map<string, PendingCode>();
  private readonly tokens = new Map<string, AccessTokenGrant>();
  private readonly installedShops = new Map<string, Date>();
  private readonly grantedScopes = new Map<string, string[]>();

  constructor(private readonly now: () => number = Date.now) {}

  issueCode(shop: string, scopes: string[], online: boolean): string {
    const code = randomBytes(16).toString("hex");
    this.codes.set(code, { shop, scopes, online, expiresAt: this.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** Redeems a code once; null when unknown, used, expired or issued for another shop. */
  redeemCode(shop: string, code: string): AccessTokenGrant | null {
    const pending = this.codes.get(code);
    this.codes.delete(code);
    if (!pending || pending.shop !== shop || pending.expiresAt < this.now()) return null;
    const prefix = pending.online ? "shpua_" : "shpat_";
    const grant: AccessTokenGrant = {
      shop,
      token: prefix + randomBytes(16).toString("hex"),
      scopes: pending.scopes,
      online: pending.online,
    };
    this.remember(grant);
    return grant;
  }

  private remember(grant: AccessTokenGrant): void {
    this.tokens.set(grant.token, grant);
    if (!this.installedShops.has(grant.shop)) this.installedShops.set(grant.shop, new Date(this.now()));
    if (!grant.online) this.grantedScopes.set(grant.shop, grant.scopes);
  }

  /** The scopes the shop granted at install (what token exchange hands out again). */
  scopesOf(shop: string): string[] {
    return this.grantedScopes.get(shop) ?? [];
  }

  /** An online (per-user) token for an installed shop, as token exchange issues; it expires like Shopify's. */
  grantOnline(shop: string, scopes: string[]): AccessTokenGrant {
    const grant: AccessTokenGrant = { shop, token: "shpua_" + randomBytes(16).toString("hex"), scopes, online: true };
    this.remember(grant);
    return grant;
  }

  /** Grants a token without the OAuth dance, for tests that only need an installed shop. */
  grantDirectly(shop: string, scopes: string[]): AccessTokenGrant {
    const grant: AccessTokenGrant = { shop, token: "shpat_" + randomBytes(16).toString("hex"), scopes, online: false };
    this.remember(grant);
    return grant;
  }

  tokenGrant(token: string): AccessTokenGrant | undefined {
    return this.tokens.get(token);
  }

  /** When the shop installed the app (its webhook subscriptions' creation time), if it is installed. */
  installedAt(shop: string): Date | undefined {
    return this.installedShops.get(shop);
  }

  isInstalled(shop: string): boolean {
    return this.installedShops.has(shop);
  }

  /** Uninstalling revokes every token the shop issued, as Shopify does. */
  uninstall(shop: string): void {
    this.installedShops.delete(shop);
    this.grantedScopes.delete(shop);
    for (const [token, grant] of this.tokens) if (grant.shop === shop) this.tokens.delete(token);
  }
}
