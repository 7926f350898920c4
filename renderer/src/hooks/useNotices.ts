/** Short messages about what just happened: confirmations fade, errors stay until dismissed. */
import { useCallback, useRef, useState } from 'react';

export interface Notice {
  id: number;
  kind: 'success' | 'error';
  text: string;
}

const SUCCESS_MS = 4000;

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  const notify = useCallback(
    (kind: Notice['kind'], text: string) => {
      const id = nextId.current++;
      // One message of each kind at a time: a newer one replaces the older.
      setNotices((list) => [...list.filter((n) => n.kind !== kind), { id, kind, text }]);
      if (kind === 'success') setTimeout(() => dismiss(id), SUCCESS_MS);
    },
    [dismiss],
  );

  return { notices, notify, dismiss };
}
