/** One read for a view that opens on demand: loading, its answer or its error, asked again when `key` changes. */
import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; error: unknown };

export function useLoaded<T>(key: string, load: () => Promise<T>): { loaded: Loaded<T>; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ key: string; loaded: Loaded<T> }>({
    key: '',
    loaded: { state: 'loading' },
  });
  const fullKey = `${key}#${attempt}`;
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setResult({ key: fullKey, loaded: { state: 'done', value } }),
      (error: unknown) => current && setResult({ key: fullKey, loaded: { state: 'failed', error } }),
    );
    return () => {
      current = false;
    };
    // `load` is new on every render; the key says what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fullKey]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { loaded: result.key === fullKey ? result.loaded : { state: 'loading' }, retry };
}
