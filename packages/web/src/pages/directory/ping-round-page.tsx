import { useState } from 'react';
import { useParams } from 'react-router';
import { formatDuration, percent, usePingRound } from '../../api/directory';
import type { PingRoundDetail } from '../../api/directory';
import { useMe } from '../../auth/session';
import { canRunPingTests } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { recordPageFallback } from '../../components/record-page-fallback';
import { Badge } from '../../components/badge';
import { Confirmation } from '../../components/notice';
import { EmptyState } from '../../components/states';
import { DateTime } from '../../components/time';
import { RateChart } from '../../components/rate-chart';
import { Stat } from './stat-card';
import { CloseRoundDialog } from './close-round-dialog';
import { RoundTasks, tasksOf } from './round-tasks';

const breadcrumbs = [
  { label: 'Directory', to: '/directory' },
  { label: 'Ping dashboard', to: '/directory/pings/dashboard' },
];

/** Past this many participants the bars are too thin to read; the tables below say it all. */
const MAX_CHART_PARTICIPANTS = 16;

/**
 * A name short enough to sit under a bar: "Republic of Kenya" → "Kenya", "Baltic Regional
 * CERT" → "Baltic". The chart's table and tooltips have it whole.
 */
export function chartLabel(name: string): string {
  const word = name.replace(/^(?:\S+\s+)*?(?:Republic|Kingdom|State|Commonwealth) of\s+/, '');
  const first = word.split(/\s+/)[0] ?? word;
  return first.length > 9 ? `${first.slice(0, 8)}…` : first;
}

function Figures({ round }: { round: PingRoundDetail }) {
  const s = round.summary;
  const reminders = tasksOf(round).reduce((sum, t) => sum + t.remindersSent, 0);
  return (
    <div className="stat-grid">
      <Stat
        id="round-rate"
        title="Response rate"
        value={percent(s.responseRate)}
        caption={`${s.acknowledged} of ${s.tasks} contacts acknowledged`}
      />
      <Stat
        id="round-on-time"
        title="On time"
        value={percent(s.onTimeRate)}
        caption={`${s.onTime} before the deadline, ${s.late} late`}
      />
      <Stat
        id="round-median"
        title="Median response"
        value={formatDuration(s.medianResponseSeconds)}
        caption="from ping to acknowledgement"
      />
      <Stat
        id="round-overdue"
        title={round.status === 'open' ? 'Overdue' : 'Missed'}
        value={String(round.status === 'open' ? s.overdue : s.missed)}
        caption={round.status === 'open' ? 'past due, unanswered' : 'never acknowledged'}
      />
      <Stat
        id="round-reminders"
        title="Reminders sent"
        value={String(reminders)}
        caption={`every ${formatDuration(round.reminderIntervalMinutes * 60)} until answered`}
      />
    </div>
  );
}

function ByParticipant({ round }: { round: PingRoundDetail }) {
  const all = round.participants.filter((p) => p.acknowledged === p.tasks).length;
  return (
    <section className="card" aria-label="Response by participant">
      <RateChart
        title="Response by participant"
        barLabel="Acknowledged"
        lineLabel="On time"
        noun={['participant', 'participants']}
        summary={`${round.participants.length} participants; ${all} acknowledged every ping.`}
        points={round.participants.map((p) => ({
          label: chartLabel(p.participant.name),
          name: p.participant.name,
          bar: p.responseRate,
          line: p.onTimeRate,
        }))}
      />
    </section>
  );
}

/**
 * One ping round: how the community answered, contact by contact — who acknowledged and how
 * fast, who is overdue, the reminders sent — and, for the secretariat, closing it.
 */
export function PingRoundPage() {
  const { roundId = '' } = useParams();
  const round = usePingRound(roundId);
  const me = useMe();
  const [closing, setClosing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  if (!round.isSuccess) {
    return recordPageFallback(round, {
      title: 'Ping round',
      breadcrumbs,
      loadingLabel: 'Loading the round…',
    });
  }
  const r = round.data;
  const open = r.status === 'open';
  const due = new Date(r.dueAt).getTime() <= Date.now();
  return (
    <>
      <PageHeader
        title={r.title}
        breadcrumbs={breadcrumbs}
        meta={
          <>
            {open ? <Badge tone="info">Open</Badge> : <Badge tone="neutral">Closed</Badge>}
            <Badge tone={open && due ? 'warning' : 'neutral'}>
              {due ? 'Was due' : 'Due'} <DateTime value={r.dueAt} />
            </Badge>
          </>
        }
        documentTitle={`Ping round: ${r.title}`}
        description={
          <>
            Launched <DateTime value={r.launchedAt} /> to {r.tasks}{' '}
            {r.tasks === 1 ? 'contact' : 'contacts'}
            {r.closedAt ? (
              <>
                ; closed <DateTime value={r.closedAt} />
              </>
            ) : null}
            . Contacts that have not answered are reminded every{' '}
            {formatDuration(r.reminderIntervalMinutes * 60)} while the round is open.
          </>
        }
        actions={
          open && canRunPingTests(me) ? (
            <button type="button" className="btn" onClick={() => setClosing(true)}>
              Close the round
            </button>
          ) : null
        }
      />
      <Confirmation message={message} onDismiss={() => setMessage(null)} />
      {r.tasks === 0 ? (
        <EmptyState icon="inbox" title="This round pinged no contact">
          <p>There were no contacts valid on the day it was launched.</p>
        </EmptyState>
      ) : (
        <div className="stack">
          <Figures round={r} />
          {r.participants.length <= MAX_CHART_PARTICIPANTS ? <ByParticipant round={r} /> : null}
          <RoundTasks round={r} />
        </div>
      )}
      <CloseRoundDialog
        round={closing ? r : null}
        onClose={(closed) => {
          setClosing(false);
          if (closed) setMessage(closed);
        }}
      />
    </>
  );
}
