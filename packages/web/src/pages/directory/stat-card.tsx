/** One figure on a dashboard, under its title, with a line saying what it counts. */
export function Stat({
  id,
  title,
  value,
  caption,
}: {
  id: string;
  title: string;
  value: string;
  caption: string;
}) {
  return (
    <section className="card stat-card" aria-labelledby={id}>
      <h2 className="card-title" id={id}>
        {title}
      </h2>
      <p className="stat">{value}</p>
      <p className="stat-label">{caption}</p>
    </section>
  );
}
