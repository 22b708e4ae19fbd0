import { Link, useParams, useSearchParams } from 'react-router';
import { useDoctrineDiff, useDoctrineVersions } from '../../api/doctrines';
import type { DoctrineDiff, DoctrineListChange } from '../../api/doctrines';
import { PageHeader } from '../../components/page-header';
import { SelectField } from '../../components/field';
import { DiffLegend, DiffText } from '../../components/diff-text';
import { EmptyState, QueryView } from '../../components/states';
import { VISIBILITY_LABELS } from '../../api/doctrines';
import type { DoctrineVisibility } from '../../api/doctrines';

const breadcrumbs = [{ label: 'Doctrines', to: '/doctrines' }];
const ID = 'compare';

function ListChanges({ title, change }: { title: string; change: DoctrineListChange }) {
  const id = `changes-${title.toLowerCase().replace(/\W+/g, '-')}`;
  const changed = change.added.length + change.removed.length + change.reworded.length;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 className="card-title" id={id}>
        {title}
      </h2>
      {changed === 0 ? (
        <p className="muted small">
          Unchanged ({change.unchanged.length} {change.unchanged.length === 1 ? 'item' : 'items'}).
        </p>
      ) : (
        <ul className="change-list">
          {change.added.map((item) => (
            <li key={`+${item}`}>
              <span className="change-tag">Added</span>
              <ins className="diff-ins">{item}</ins>
            </li>
          ))}
          {change.removed.map((item) => (
            <li key={`-${item}`}>
              <span className="change-tag">Removed</span>
              <del className="diff-del">{item}</del>
            </li>
          ))}
          {change.reworded.map((item) => (
            <li key={`~${item.from}`}>
              <span className="change-tag">Reworded</span>
              <DiffText parts={item.diff} />
            </li>
          ))}
          {change.unchanged.length > 0 ? (
            <li className="muted small">
              {change.unchanged.length} unchanged {change.unchanged.length === 1 ? 'item' : 'items'}
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
}

function DiffView({ diff }: { diff: DoctrineDiff }) {
  const { commitments } = diff;
  const commitmentChanges =
    commitments.added.length + commitments.removed.length + commitments.changed.length;
  return (
    <div className="stack">
      <DiffLegend />
      <section className="card" aria-labelledby="changes-general">
        <h2 className="card-title" id="changes-general">
          Title, visibility and summary
        </h2>
        <dl className="details">
          <dt>Title</dt>
          <dd>
            {diff.title.changed ? (
              <>
                <del className="diff-del">{diff.title.from}</del> →{' '}
                <ins className="diff-ins">{diff.title.to}</ins>
              </>
            ) : (
              <>{diff.title.to} (unchanged)</>
            )}
          </dd>
          <dt>Visibility</dt>
          <dd>
            {diff.visibility.changed ? (
              <>
                <del className="diff-del">
                  {VISIBILITY_LABELS[diff.visibility.from as DoctrineVisibility] ??
                    diff.visibility.from}
                </del>{' '}
                →{' '}
                <ins className="diff-ins">
                  {VISIBILITY_LABELS[diff.visibility.to as DoctrineVisibility] ??
                    diff.visibility.to}
                </ins>
              </>
            ) : (
              <>
                {VISIBILITY_LABELS[diff.visibility.to as DoctrineVisibility] ?? diff.visibility.to}{' '}
                (unchanged)
              </>
            )}
          </dd>
        </dl>
        <h3 className="subheading">Summary{diff.summary.changed ? '' : ' (unchanged)'}</h3>
        <DiffText parts={diff.summary.diff} className="norm-text" />
      </section>
      <ListChanges title="Red lines" change={diff.redLines} />
      <ListChanges title="Thresholds" change={diff.thresholds} />
      <ListChanges title="Legitimate defence" change={diff.permissibleDefence} />
      <section className="card" aria-labelledby="changes-commitments">
        <h2 className="card-title" id="changes-commitments">
          Commitments
        </h2>
        {commitmentChanges === 0 ? (
          <p className="muted small">
            Unchanged ({commitments.unchanged.length}{' '}
            {commitments.unchanged.length === 1 ? 'commitment' : 'commitments'}).
          </p>
        ) : (
          <ul className="change-list">
            {commitments.added.map((c) => (
              <li key={`+${c.normId}`}>
                <span className="change-tag">Added</span>
                <Link to={`/norms/${c.normId}`} className="mono">
                  {c.normId}
                </Link>
                : <ins className="diff-ins">{c.statement}</ins>
                {c.conditions ? (
                  <>
                    {' '}
                    (conditions: <ins className="diff-ins">{c.conditions}</ins>)
                  </>
                ) : null}
              </li>
            ))}
            {commitments.removed.map((c) => (
              <li key={`-${c.normId}`}>
                <span className="change-tag">Withdrawn</span>
                <Link to={`/norms/${c.normId}`} className="mono">
                  {c.normId}
                </Link>
                : <del className="diff-del">{c.statement}</del>
              </li>
            ))}
            {commitments.changed.map((c) => (
              <li key={`~${c.normId}`}>
                <span className="change-tag">Changed</span>
                <Link to={`/norms/${c.normId}`} className="mono">
                  {c.normId}
                </Link>
                <DiffText parts={c.statementDiff} />
                {c.from.conditions !== c.to.conditions ? (
                  <>
                    <span className="small">Conditions:</span>
                    <DiffText parts={c.conditionsDiff} />
                  </>
                ) : null}
              </li>
            ))}
            {commitments.unchanged.length > 0 ? (
              <li className="muted small">Unchanged: {commitments.unchanged.join(', ')}</li>
            ) : null}
          </ul>
        )}
      </section>
    </div>
  );
}

const parseVersion = (value: string | null): number | null =>
  value !== null && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : null;

/** What changed between two versions of a participant's doctrine. */
export function DoctrineComparePage() {
  const { participantId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const versions = useDoctrineVersions(participantId, { limit: 100 });
  const items = versions.data?.items ?? [];
  const latest = items[0]?.version ?? null;
  const to = parseVersion(params.get('to')) ?? latest;
  const from = parseVersion(params.get('from')) ?? (to !== null && to > 1 ? to - 1 : null);
  const range = from !== null && to !== null && from !== to ? { from, to } : null;
  const diff = useDoctrineDiff(participantId, range);
  const name = items[0]?.participant.name;
  const choose = (key: 'from' | 'to', value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={range ? `Changes from version ${range.from} to ${range.to}` : 'Compare versions'}
        breadcrumbs={[
          ...breadcrumbs,
          ...(name ? [{ label: name, to: `/doctrines/${participantId}` }] : []),
        ]}
        description={name ? `The doctrine of ${name}.` : undefined}
      />
      <form
        className="filters"
        aria-label="Versions to compare"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          idPrefix={ID}
          name="from"
          label="From version"
          value={from === null ? '' : String(from)}
          onChange={(event) => choose('from', event.target.value)}
        >
          {items.map((v) => (
            <option key={v.id} value={String(v.version)}>
              Version {v.version}
            </option>
          ))}
        </SelectField>
        <SelectField
          idPrefix={ID}
          name="to"
          label="To version"
          value={to === null ? '' : String(to)}
          onChange={(event) => choose('to', event.target.value)}
        >
          {items.map((v) => (
            <option key={v.id} value={String(v.version)}>
              Version {v.version}
            </option>
          ))}
        </SelectField>
      </form>
      {range === null ? (
        <EmptyState icon="info" title="Choose two different versions">
          <p>
            {items.length < 2
              ? 'This doctrine has only one version you can read, so there is nothing to compare.'
              : 'Pick the earlier version on the left and the later one on the right.'}
          </p>
        </EmptyState>
      ) : (
        <QueryView query={diff} loadingLabel="Comparing the versions…">
          {(data) => <DiffView diff={data} />}
        </QueryView>
      )}
    </>
  );
}
