// Holds metafields per owner (namespace.key), and every metafieldsSet call's size so tests can see the batching.
export interface SimMetafield {
  id: number;
  ownerGid: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimMetafieldInput {
  ownerGid: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
}

export class MetafieldBook {
  private readonly byOwner = new Map<string, Map<string, SimMetafield>>();
  private readonly calls = new Map<string, number[]>();

  constructor(
    private readonly nextId: () => number,
    private readonly now: () => Date,
  ) {}

  /** All or nothing, as Shopify's metafieldsSet: the caller validated every input first. */
  setAll(domain: string, inputs: SimMetafieldInput[]): SimMetafield[] {
    this.calls.set(domain, [...(this.calls.get(domain) ?? []), inputs.length]);
    return inputs.map((input) => {
      const owner = this.ownerMap(domain, input.ownerGid);
      const name = `${input.namespace}.${input.key}`;
      const existing = owner.get(name);
      const at = this.now();
      const metafield: SimMetafield = existing
        ? { ...existing, type: input.type, value: input.value, updatedAt: at }
        : { id: this.nextId(), ...input, createdAt: at, updatedAt: at };
      owner.set(name, metafield);
      return metafield;
    });
  }

  find(domain: string, ownerGid: string, namespace: string, key: string): SimMetafield | undefined {
    return this.byOwner.get(`${domain}\n${ownerGid}`)?.get(`${namespace}.${key}`);
  }

  list(domain: string, ownerGid: string): SimMetafield[] {
    return [...(this.byOwner.get(`${domain}\n${ownerGid}`)?.values() ?? [])];
  }

  /** How many metafields each successful metafieldsSet call of the shop carried, in order. */
  setCalls(domain: string): number[] {
    return this.calls.get(domain) ?? [];
  }

  private ownerMap(domain: string, ownerGid: string): Map<string, SimMetafield> {
    const key = `${domain}\n${ownerGid}`;
    let map = this.byOwner.get(key);
    if (!map) {
      map = new Map();
      this.byOwner.set(key, map);
    }
    return map;
  }
}
