// The order in which a parcel's emails may reach the shopper: never "on its way" or "out for delivery" after "delivered".
import type { EmailKind } from "./email-kinds.js";

/** An earlier milestone's email is pointless, and misleading, once the order's "delivered" email exists. */
const supersededBy: Partial<Record<EmailKind, EmailKind[]>> = {
  shipped: ["delivered"],
  out_for_delivery: ["delivered"],
};

/** "delivered" waits while an earlier milestone's message is on the wire, so it is the last to arrive. */
const waitsFor: Partial<Record<EmailKind, EmailKind[]>> = {
  delivered: ["shipped", "out_for_delivery"],
};

export type MilestoneTurn = { turn: "send" } | { turn: "superseded"; reason: string } | { turn: "wait" };

/** The kinds whose rows of the same order decide this kind's turn; empty for kinds outside the parcel's journey. */
export function milestoneNeighbours(kind: string): EmailKind[] {
  return [...(supersededBy[kind as EmailKind] ?? []), ...(waitsFor[kind as EmailKind] ?? [])];
}

/**
 * Decided just after the row is claimed (its own status is already "sending", so two rows deciding at once each see
 * the other): a later milestone's row in any state supersedes this one; an earlier one being sent makes it wait.
 */
export function milestoneTurn(kind: string, neighbours: { kind: string; status: string }[]): MilestoneTurn {
  const later = neighbours.find((row) => supersededBy[kind as EmailKind]?.includes(row.kind as EmailKind));
  if (later) return { turn: "superseded", reason: `superseded: the order's ${later.kind} email exists` };
  const sending = neighbours.some(
    (row) => row.status === "sending" && waitsFor[kind as EmailKind]?.includes(row.kind as EmailKind),
  );
  return sending ? { turn: "wait" } : { turn: "send" };
}
