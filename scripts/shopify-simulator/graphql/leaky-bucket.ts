// Shopify's per-shop leaky bucket: query cost is taken up front, refilled continuously at the restore rate.

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class LeakyBucket {
  private available: number;
  private lastRefill: number;

  constructor(
    private maximumAvailable: number,
    private restoreRate: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.available = maximumAvailable;
    this.lastRefill = now();
  }

  /** Takes `cost` points if available; false means the query is throttled and nothing was taken. */
  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.maximumAvailable, this.available + Math.max(0, points));
  }

  reconfigure(maximumAvailable: number, restoreRate: number): void {
    this.refill();
    this.maximumAvailable = maximumAvailable;
    this.restoreRate = restoreRate;
    this.available = Math.min(this.available, maximumAvailable);
  }

  status(): ThrottleStatus {
    this.refill();
    // Shopify reports whole points; flooring keeps a client's computed wait long enough.
    return {
      maximumAvailable: this.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.restoreRate,
    };
  }

  private refill(): void {
    const t = this.now();
    this.available = Math.min(
      this.maximumAvailable,
      this.available + ((t - this.lastRefill) / 1000) * this.restoreRate,
    );
    this.lastRefill = t;
  }
}
