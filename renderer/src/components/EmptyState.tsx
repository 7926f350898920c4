/** What a range without any tracked time shows: how to get data in. */
export function EmptyState({ rangeText, newInstall }: { rangeText: string; newInstall: boolean }) {
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
