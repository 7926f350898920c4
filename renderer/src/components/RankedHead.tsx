/** The header row of a ranked table: rank, name, time, share, then the columns a table adds. */
export function RankedHead({ name, extra }: { name: string; extra: string[] }) {
  return (
    <thead>
      <tr>
        <th scope="col" className="rank">
          #
        </th>
        <th scope="col">{name}</th>
        <th scope="col" className="num">
          Time
        </th>
        <th scope="col" className="share-col">
          Share
        </th>
        {extra.map((label) => (
          <th scope="col" key={label}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
