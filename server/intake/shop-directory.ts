// Answers "is this a shop that installed Afterglow?" at intake, cached so known shops cost no query.
import type { PgPool } from "../db/create-pg-pool.js";

const knownTtlMs = 60_000;
const unknownTtlMs = 5_000;

export class ShopDirectory {
  private readonly cache = new Map<string, { known: boolean; until: number }>();

  constructor(private readonly pool: PgPool) {}

  async isKnown(domain: string, now = Date.now()): Promise<boolean> {
    const cached = this.cache.get(domain);
    if (cached && cached.until > now) return cached.known;
    const result = await this.pool.query("SELECT 1 FROM shop WHERE domain = $1", [domain]);
    const known = (result.rowCount ?? 0) > 0;
    this.cache.set(domain, { known, until: now + (known ? knownTtlMs : unknownTtlMs) });
    return known;
  }

  forget(domain: string): void {
    this.cache.delete(domain);
  }
}
