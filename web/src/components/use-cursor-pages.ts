// Cursor paging for a list: the cursors of the pages behind us, so Previous goes back and Next goes on.
import { useCallback, useState } from "react";

export interface CursorPages {
  cursor: string | null;
  hasPrevious: boolean;
  next: (nextCursor: string) => void;
  previous: () => void;
  reset: () => void;
}

export function useCursorPages(): CursorPages {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  const next = useCallback((nextCursor: string) => setStack((s) => [...s, nextCursor]), []);
  const previous = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const reset = useCallback(() => setStack([null]), []);
  return { cursor: stack[stack.length - 1] ?? null, hasPrevious: stack.length > 1, next, previous, reset };
}
