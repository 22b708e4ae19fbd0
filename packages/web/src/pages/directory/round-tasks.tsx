import { useState } from 'react';
import {
  DESIGNATION_LABELS,
  KIND_LABELS,
  TASK_STATUS_LABELS,
  formatDuration,
} from '../../api/directory';
import type {
  ContactKind,
  Designation,
  PingRoundDetail,
  PingTask,
  PingTaskStatus,
} from '../../api/directory';
import { DataTable } from '../../components/data-table';
import { SelectField } from '../../components/field';
import { DateTime } from '../../components/time';
import { TaskStatusBadge } from './ping-status';
import { ParticipantStats } from './participant-stats';

/** Every task of the round, participant by participant as the server groups them. */
export const tasksOf = (round: PingRoundDetail): PingTask[] =>
  round.participants.flatMap((p) => p.items);

const needsAttention = (t: PingTask) => t.status === 'overdue' || t.status === 'missed';

const DELIVERY: Record<string, string> = {
  sent: 'e-mail sent',
  delivered: 'webhook delivered',
};

/** How the ping was announced outside Concord: e-mail and webhook, when configured. */
function deliveryText(task: PingTask): string {
  const d = task.delivery;
  if (!d || (d.email === null && d.webhook === null)) return 'In Concord only';
  return [
    d.email === null ? null : d.email === 'failed' ? 'e-mail failed' : DELIVERY[d.email],
    d.webhook === null ? null : d.webhook === 'failed' ? 'webhook failed' : DELIVERY[d.webhook],
  ]
    .filter(Boolean)
    .join(', ');
}

function ContactCell({ task }: { task: PingTask }) {
  return (
    <td>
      {task.contact.name}
      <span className="cell-sub">
        {KIND_LABELS[task.contact.kind as ContactKind] ?? task.contact.kind},{' '}
        {(
          DESIGNATION_LABELS[task.contact.designation as Designation] ?? task.contact.designation
        ).toLowerCase()}
      </span>
    </td>
  );
}

function TaskHeads() {
  return (
    <>
      <th scope="col">Participant</th>
      <th scope="col">Contact</th>
      <th scope="col">Status</th>
    </>
  );
}

/** Participant, contact and status: the first cells of every task row. */
function TaskCells({ task }: { task: PingTask }) {
  return (
    <>
      <th scope="row">{task.participant.name}</th>
      <ContactCell task={task} />
      <td>
        <TaskStatusBadge status={task.status} />
      </td>
    </>
  );
}

function Reminders({ task }: { task: PingTask }) {
  return (
    <td className="num nowrap">
      {task.remindersSent}
      {task.lastRemindedAt ? (
        <span className="cell-sub">
          last <DateTime value={task.lastRemindedAt} />
        </span>
      ) : null}
      {task.nextReminderAt ? (
        <span className="cell-sub">
          next <DateTime value={task.nextReminderAt} />
        </span>
      ) : null}
    </td>
  );
}

function Overdue({ round }: { round: PingRoundDetail }) {
  const late = tasksOf(round).filter(needsAttention);
  return (
    <section aria-labelledby="round-overdue-heading">
      <h2 id="round-overdue-heading">Overdue contacts</h2>
      {late.length === 0 ? (
        <p className="muted">
          {new Date(round.dueAt).getTime() > Date.now()
            ? 'None yet: the deadline has not passed.'
            : 'None: every contact answered in time or late.'}
        </p>
      ) : (
        <DataTable
          labelledBy="round-overdue-heading"
          head={
            <>
              <TaskHeads />
              <th scope="col" className="num">
                Reminders
              </th>
              <th scope="col">Announced</th>
            </>
          }
        >
          {late.map((t) => (
            <tr key={t.id}>
              <TaskCells task={t} />
              <Reminders task={t} />
              <td>{deliveryText(t)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

const FILTERS: { value: '' | PingTaskStatus; label: string }[] = [
  { value: '', label: 'Every contact' },
  { value: 'pending', label: TASK_STATUS_LABELS.pending },
  { value: 'overdue', label: TASK_STATUS_LABELS.overdue },
  { value: 'missed', label: TASK_STATUS_LABELS.missed },
  { value: 'acknowledged', label: TASK_STATUS_LABELS.acknowledged },
  { value: 'late', label: TASK_STATUS_LABELS.late },
];

function AllContacts({ round }: { round: PingRoundDetail }) {
  const [status, setStatus] = useState<'' | PingTaskStatus>('');
  const all = tasksOf(round);
  const shown = status === '' ? all : all.filter((t) => t.status === status);
  return (
    <section aria-labelledby="round-contacts-heading">
      <div className="section-header">
        <div>
          <h2 id="round-contacts-heading">Contacts pinged</h2>
          <p>Each contact’s acknowledgement and how long it took, from the ping to the answer.</p>
        </div>
        <SelectField
          idPrefix="round"
          name="status"
          label="Show"
          value={status}
          onChange={(event) =>
            setStatus(FILTERS.find((f) => f.value === event.target.value)?.value ?? '')
          }
        >
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </SelectField>
      </div>
      {shown.length === 0 ? (
        <p className="muted">No contact has this status.</p>
      ) : (
        <DataTable
          labelledBy="round-contacts-heading"
          head={
            <>
              <TaskHeads />
              <th scope="col" className="num">
                Response time
              </th>
              <th scope="col" className="num">
                Reminders
              </th>
            </>
          }
        >
          {shown.map((t) => (
            <tr key={t.id}>
              <TaskCells task={t} />
              <td className="num nowrap">
                {t.acknowledgedAt ? (
                  <>
                    {formatDuration(t.responseSeconds)}
                    <span className="cell-sub">
                      <DateTime value={t.acknowledgedAt} />
                    </span>
                  </>
                ) : (
                  <span className="muted">Not yet</span>
                )}
              </td>
              <Reminders task={t} />
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** The round's answers: what needs attention first, then every contact, then per participant. */
export function RoundTasks({ round }: { round: PingRoundDetail }) {
  return (
    <>
      <Overdue round={round} />
      <AllContacts round={round} />
      <ParticipantStats
        headingId="round-participants-heading"
        rateLabel="Acknowledged"
        participants={round.participants}
      />
    </>
  );
}
