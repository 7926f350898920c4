/** Short messages about what just happened: confirmations fade, errors stay until dismissed. */
import { useCallback, useRef, useState } from 'react';

export interface Notice {
  id: number;
  kind: 'success' | 'error';
  text: string;
  /** A button in the message ("Undo"); the message then stays a little longer. */
  action?: NoticeAction | undefined;
}

export interface NoticeAction {
  label: string;
  run: () => void;
}

const SUCCESS_MS = 4000;
/** How long "Deleted … Undo" stays. */
export const UNDO_MS = 8000;

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  const notify = useCallback(
    (kind: Notice['kind'], text: string, action?: NoticeAction) => {
      const id = nextId.current++;
      // One message of each kind at a time: a newer one replaces the older.
      setNotices((list) => [...list.filter((n) => n.kind !== kind), { id, kind, text, action }]);
      if (kind === 'success') setTimeout(() => dismiss(id), action ? UNDO_MS : SUCCESS_MS);
    },
    [dismiss],
  );

  return { notices, notify, dismiss };
}
