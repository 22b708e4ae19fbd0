import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { formatDuration, percent, usePingRounds, usePingStats } from '../../api/directory';
import type { PingStats } from '../../api/directory';
import { useMe } from '../../auth/session';
import { canRunPingTests } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { SelectField } from '../../components/field';
import { DataTable } from '../../components/data-table';
import { Badge } from '../../components/badge';
import { Confirmation } from '../../components/notice';
import { EmptyState, QueryView } from '../../components/states';
import { DateTime } from '../../components/time';
import { RateChart } from '../../components/rate-chart';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { formatDate } from '../../lib/format';
import { DirectoryTabs } from './directory-tabs';
import { TaskStatusBadge, roundPath } from './ping-status';
import { LaunchRoundForm } from './launch-round-form';
import { Stat } from './stat-card';
import { ParticipantStats } from './participant-stats';

const ROUND_CHOICES = [6, 12, 24, 52];
const STALE_REASONS: Record<PingStats['staleContacts'][number]['reasons'][number], string> = {
  missed_last_two_rounds: 'missed the last two rounds',
  expiring: 'validity ends soon',
  expired: 'validity has ended',
};

function Dashboard({ stats }: { stats: PingStats }) {
  const latest = stats.rounds.at(-1);
  return (
    <div className="stack">
      <div className="stat-grid">
        <Stat
          id="stat-rate"
          title="Response rate"
          value={percent(latest?.responseRate ?? null)}
          caption={latest ? `in “${latest.title}”` : 'no round yet'}
        />
        <Stat
          id="stat-on-time"
          title="On time"
          value={percent(latest?.onTimeRate ?? null)}
          caption="acknowledged before the deadline"
        />
        <Stat
          id="stat-median"
          title="Median response"
          value={formatDuration(latest?.medianResponseSeconds ?? null)}
          caption="from ping to acknowledgement"
        />
        <Stat
          id="stat-overdue"
          title="Overdue"
          value={String(stats.overdueTasks.length)}
          caption="pings past due, unanswered"
        />
        <Stat
          id="stat-stale"
          title="Stale contacts"
          value={String(stats.staleContacts.length)}
          caption="to be checked or replaced"
        />
      </div>

      <section className="card" aria-label="Response rate over rounds">
        {stats.rounds.length === 0 ? (
          <EmptyState icon="clock" title="No ping rounds yet" headingLevel={3}>
            <p>The chart appears after the secretariat’s first round.</p>
          </EmptyState>
        ) : (
          <RateChart
            title="Response rate over ping rounds"
            barLabel="Acknowledged"
            lineLabel="On time"
            points={stats.rounds.map((r) => ({
              label: formatDate(r.launchedAt),
              name: r.title,
              bar: r.responseRate,
              line: r.onTimeRate,
            }))}
          />
        )}
      </section>

      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">Rounds</h2>
        {stats.rounds.length === 0 ? (
          <p className="muted">No ping round has been launched yet.</p>
        ) : (
          <DataTable
            labelledBy="rounds-heading"
            head={
              <>
                <th scope="col">Round</th>
                <th scope="col">Launched</th>
                <th scope="col" className="num">
                  Pings
                </th>
                <th scope="col" className="num">
                  Response rate
                </th>
                <th scope="col" className="num">
                  On time
                </th>
                <th scope="col" className="num">
                  Overdue
                </th>
                <th scope="col">Status</th>
              </>
            }
          >
            {[...stats.rounds].reverse().map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={roundPath(r.id)}>{r.title}</Link>
                </th>
                <td className="nowrap">
                  <DateTime value={r.launchedAt} />
                </td>
                <td className="num">{r.tasks}</td>
                <td className="num">{percent(r.responseRate)}</td>
                <td className="num">{percent(r.onTimeRate)}</td>
                <td className="num">{r.overdue > 0 ? <strong>{r.overdue}</strong> : 0}</td>
                <td>
                  {r.closedAt ? (
                    <Badge tone="neutral">Closed</Badge>
                  ) : (
                    <Badge tone="info">Open</Badge>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <ParticipantStats
        headingId="per-participant-heading"
        rateLabel="Response rate"
        participants={stats.participants}
      />

      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">Overdue pings</h2>
        {stats.overdueTasks.length === 0 ? (
          <p className="muted">Every ping that is due has been acknowledged.</p>
        ) : (
          <DataTable
            labelledBy="overdue-heading"
            head={
              <>
                <th scope="col">Participant</th>
                <th scope="col">Contact</th>
                <th scope="col">Round</th>
                <th scope="col">Was due</th>
                <th scope="col">Status</th>
              </>
            }
          >
            {stats.overdueTasks.map((t) => (
              <tr key={t.id}>
                <td>{t.participant.name}</td>
                <td>{t.contact.name}</td>
                <td>
                  <Link to={roundPath(t.round.id)}>{t.round.title}</Link>
                </td>
                <td className="nowrap">
                  <DateTime value={t.round.dueAt} />
                </td>
                <td>
                  <TaskStatusBadge status={t.status} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="stale-heading">
        <h2 id="stale-heading">Stale contacts</h2>
        {stats.staleContacts.length === 0 ? (
          <p className="muted">No contact needs attention.</p>
        ) : (
          <DataTable
            labelledBy="stale-heading"
            head={
              <>
                <th scope="col">Participant</th>
                <th scope="col">Contact</th>
                <th scope="col">Why</th>
                <th scope="col">Valid</th>
              </>
            }
          >
            {stats.staleContacts.map((s) => (
              <tr key={s.contact.id}>
                <td>{s.participant.name}</td>
                <td>
                  {s.contact.name}
                  <span className="cell-sub">
                    {s.contact.kind}, {s.contact.designation}
                  </span>
                </td>
                <td>
                  <span className="badge-list">
                    {s.reasons.map((r) => (
                      <Badge key={r} tone="warning">
                        {STALE_REASONS[r]}
                      </Badge>
                    ))}
                  </span>
                </td>
                <td className="nowrap">
                  {s.contact.validFrom}
                  {s.contact.validUntil ? ` to ${s.contact.validUntil}` : ''}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

function Rounds({ onMessage }: { onMessage: (text: string) => void }) {
  const queryClient = useQueryClient();
  const rounds = usePingRounds({ status: 'open', limit: 10 });
  const close = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/directory/ping-rounds/{id}/close', { params: { path: { id } } })),
    onSuccess: async (round) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.directory.all });
      onMessage(`“${round.title}” is closed.`);
    },
  });
  return (
    <section aria-labelledby="open-rounds-heading">
      <h2 className="card-title" id="open-rounds-heading">
        Open rounds
      </h2>
      <QueryView
        query={rounds}
        loadingLabel="Loading rounds…"
        isEmpty={(page) => page.items.length === 0}
        empty={<p className="muted small">No round is open.</p>}
      >
        {(page) => (
          <ul className="plain-list">
            {page.items.map((r) => (
              <li key={r.id} className="round-line">
                <span>
                  <Link className="cell-primary" to={roundPath(r.id)}>
                    {r.title}
                  </Link>
                  <span className="cell-sub">
                    {r.acknowledged} of {r.tasks} acknowledged · due <DateTime value={r.dueAt} />
                  </span>
                </span>
                <button
                  type="button"
                  className="btn btn-sm"
                  disabled={close.isPending}
                  onClick={() => close.mutate(r.id)}
                >
                  Close<span className="visually-hidden"> {r.title}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}

/** How reachable the community is: response rates over rounds and per participant. */
export function PingDashboardPage() {
  const me = useMe();
  const [filters, setFilters] = useUrlFilters(['rounds'] as const);
  const count = ROUND_CHOICES.find((n) => String(n) === filters.rounds);
  const stats = usePingStats(count);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <>
      <PageHeader
        title="Ping dashboard"
        description="Periodic ping tests check that every point of contact can be reached. Here is how the community answers: over time, per participant, and which pings and contacts need attention."
      />
      <DirectoryTabs />
      <Confirmation message={message} onDismiss={() => setMessage(null)} />
      {canRunPingTests(me) ? (
        <div className="card-grid card-grid-wide section-tight">
          <section className="card">
            <LaunchRoundForm onLaunched={setMessage} />
          </section>
          <section className="card">
            <Rounds onMessage={setMessage} />
          </section>
        </div>
      ) : null}
      <form className="filters" aria-label="Rounds to show" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          idPrefix="dashboard"
          name="rounds"
          label="Rounds"
          value={filters.rounds}
          onChange={(event) => setFilters({ rounds: event.target.value })}
        >
          <option value="">The last 12 (default)</option>
          {ROUND_CHOICES.filter((n) => n !== 12).map((n) => (
            <option key={n} value={String(n)}>
              The last {n}
            </option>
          ))}
        </SelectField>
      </form>
      <QueryView query={stats} loadingLabel="Loading the dashboard…">
        {(data) => <Dashboard stats={data} />}
      </QueryView>
    </>
  );
}
