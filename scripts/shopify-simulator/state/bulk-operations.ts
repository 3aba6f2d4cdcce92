// Bulk operations per simulated store: the one running per shop, finished ones by id, and generated history sizes.
import type { SimStore } from "./sim-store.js";
import type { HistorySize } from "./generated-history.js";

export type BulkStatus = "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED";

export interface SimBulkOperation {
  id: number;
  shopDomain: string;
  query: string;
  status: BulkStatus;
  errorCode: string | null;
  createdAt: Date;
  completedAt: Date | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  /** Where the JSONL lies on disk while the simulator runs. */
  filePath: string | null;
}

export class BulkOperations {
  private nextId = 1;
  readonly byId = new Map<number, SimBulkOperation>();
  readonly history = new Map<string, Omit<HistorySize, "endsAt">>();
  /** The history of shops without a size of their own (`npm run simulator` with SIMULATOR_HISTORY_ORDERS). */
  defaultHistory: Omit<HistorySize, "endsAt"> | undefined;
  /** The simulator's base URL, for result file URLs; set when it listens. */
  baseUrl = "http://127.0.0.1";

  create(shopDomain: string, query: string, at: Date): SimBulkOperation {
    const operation: SimBulkOperation = {
      id: this.nextId++,
      shopDomain,
      query,
      status: "CREATED",
      errorCode: null,
      createdAt: at,
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      filePath: null,
    };
    this.byId.set(operation.id, operation);
    return operation;
  }

  /** The shop's newest operation, as currentBulkOperation answers. */
  current(shopDomain: string): SimBulkOperation | undefined {
    return [...this.byId.values()].filter((op) => op.shopDomain === shopDomain).at(-1);
  }

  historyOf(shopDomain: string): Omit<HistorySize, "endsAt"> | undefined {
    return this.history.get(shopDomain) ?? this.defaultHistory;
  }

  running(shopDomain: string): boolean {
    const current = this.current(shopDomain);
    return current?.status === "CREATED" || current?.status === "RUNNING";
  }
}

const registries = new WeakMap<SimStore, BulkOperations>();

export function bulkOperationsOf(store: SimStore): BulkOperations {
  let registry = registries.get(store);
  if (!registry) {
    registry = new BulkOperations();
    registries.set(store, registry);
  }
  return registry;
}
