import { useEffect, useState } from 'react';
import { api } from '../lib/api.ts';

/** What a range without any tracked time shows: how to get data in. */
export function EmptyState({ rangeText }: { rangeText: string }) {
  const newInstall = useNothingRecorded();
  return (
    <section className="card empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{newInstall ? 'No activity yet' : `Nothing tracked for ${rangeText}`}</h2>
      <p>
        {newInstall
          ? 'Time Audit has not recorded anything yet. Here is how it fills up:'
          : 'Pick another range, or check that tracking runs:'}
      </p>
      <ol className="steps">
        <li>
          <strong>Track windows.</strong> Keep <code>timeaudit serve</code> running: it records the app and
          window in front of you, and notices when you are away.
        </li>
        <li>
          <strong>Track websites.</strong> Install the Time Audit browser extension and pair it with the token
          from <code>timeaudit token</code>; it reports only the domains you visit.
        </li>
        <li>
          <strong>Just looking?</strong> Try demo data in a folder of its own:{' '}
          <code>timeaudit demo --days 30 --data-dir &lt;folder&gt;</code>, then{' '}
          <code>timeaudit serve --data-dir &lt;folder&gt;</code>.
        </li>
      </ol>
    </section>
  );
}

/**
 * Whether the database holds no time at all (a new install), asked once: the built-in categories are listed
 * from the first start, so their presence says nothing. Until the answer comes, a range is just empty.
 */
function useNothingRecorded(): boolean {
  const [nothing, setNothing] = useState(false);
  useEffect(() => {
    let live = true;
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const to = new Date(Date.now() + 86_400_000).toISOString();
    api
      .report({ query: { from: '2000-01-01T00:00:00Z', to, tz, limit: 1 } })
      .then((all) => live && setNothing(all.total_ms === 0))
      .catch(() => undefined); // the range's own failure is shown already
    return () => {
      live = false;
    };
  }, []);
  return nothing;
}
