import type { FormEvent } from 'react';
import { useMe } from '../../auth/session';
import { useAllParticipants } from '../../api/participants';
import { useUsers } from '../../api/users';
import { SelectField, TextField } from '../../components/field';
import { ParticipantOptions } from '../../components/options';
import { useForm } from '../../hooks/use-form';

export const AUDIT_FILTERS = [
  'action',
  'actorUserId',
  'participantId',
  'subjectType',
  'subjectId',
  'from',
  'to',
] as const;
type AuditFilterKey = (typeof AUDIT_FILTERS)[number];
type Values = Record<AuditFilterKey, string>;

const ID = 'audit-filters';
const ACTOR_PICKER_LIMIT = 100;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Local midnight at the start of a `YYYY-MM-DD` day, as an ISO instant. */
export function dayStart(day: string): string | undefined {
  if (!DATE.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The last millisecond of a local day, so "to 3 May" includes all of 3 May. */
export function dayEnd(day: string): string | undefined {
  if (!DATE.test(day)) return undefined;
  const date = new Date(`${day}T23:59:59.999`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Filters apply together on "Apply filters": a date range is easier to set that way. */
export function AuditFilters({
  values,
  onApply,
  showParticipant,
  canClear,
}: {
  values: Values;
  onApply: (values: Partial<Values>) => void;
  showParticipant: boolean;
  canClear: boolean;
}) {
  const me = useMe();
  const form = useForm({ idPrefix: ID, initial: values });
  const draft = form.values;
  const participants = useAllParticipants(showParticipant);
  const actors = useUsers(
    showParticipant
      ? { limit: ACTOR_PICKER_LIMIT }
      : { limit: ACTOR_PICKER_LIMIT, participantId: me.participant.id },
  );
  const rangeError =
    draft.from && draft.to && draft.from > draft.to
      ? 'The start date must be on or before the end date'
      : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (rangeError) return;
    onApply({ ...draft, action: draft.action.trim() });
  };
  const clear = () => {
    const empty = Object.fromEntries(AUDIT_FILTERS.map((key) => [key, ''])) as Values;
    form.setValues(empty);
    onApply(empty);
  };

  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter audit events"
      onSubmit={submit}
      noValidate
    >
      <TextField
        {...form.field('action')}
        label="Action"
        placeholder="e.g. user.create"
        spellCheck={false}
      />
      <SelectField {...form.field('actorUserId')} label="Actor">
        <option value="">Anyone</option>
        {draft.actorUserId && !actors.data?.items.some((user) => user.id === draft.actorUserId) ? (
          <option value={draft.actorUserId}>User {draft.actorUserId}</option>
        ) : null}
        {actors.data?.items.map((user) => (
          <option key={user.id} value={user.id}>
            {user.displayName}
          </option>
        ))}
      </SelectField>
      {showParticipant ? (
        <SelectField {...form.field('participantId')} label="Participant">
          <option value="">All participants</option>
          <ParticipantOptions participants={participants.data} />
        </SelectField>
      ) : null}
      <TextField {...form.field('from')} label="From" type="date" max={draft.to || undefined} />
      <TextField
        {...form.field('to')}
        label="To"
        type="date"
        min={draft.from || undefined}
        error={rangeError}
      />
      <div className="filters-actions">
        <button type="submit" className="btn btn-primary">
          Apply filters
        </button>
        {canClear ? (
          <button type="button" className="btn btn-ghost" onClick={clear}>
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}
