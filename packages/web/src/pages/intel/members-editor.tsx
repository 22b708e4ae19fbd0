import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '@concord/api-client';
import type { IntelCommunity } from '../../api/intel';
import { useAllParticipants } from '../../api/participants';
import { queryKeys } from '../../api/query-keys';
import { ActionsHeader, DataTable } from '../../components/data-table';
import { FormActions } from '../../components/form-actions';
import { Notice } from '../../components/notice';
import { saveCommunityMembers } from '../../api/intel';
import type { CommunityMemberInput } from '../../api/intel';

type Row = CommunityMemberInput & { name: string };

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The server's problem, in words: a field error about one member (`members.2.participantId`)
 * names that member; anything else is the problem's own detail.
 */
function problemOf(error: unknown, rows: readonly Row[]): { text: string; ref: string | null } {
  if (!isApiError(error))
    return { text: 'Something went wrong. Try again in a moment.', ref: null };
  const first = error.fieldErrors[0];
  if (!first) return { text: error.detail || error.title, ref: error.requestId };
  const index = /^(?:body[./])?members[./](\d+)/.exec(first.field)?.[1];
  const row = index === undefined ? undefined : rows[Number(index)];
  return {
    text: row ? `${row.name}: ${first.message}` : capitalise(first.message),
    ref: error.requestId,
  };
}

/**
 * Changes who belongs to a group or bilateral community and what each member may do; saving
 * replaces the whole list (PUT). Writing implies reading, as in the form that creates one.
 */
export function MembersEditor({
  community,
  onSaved,
  onCancel,
}: {
  community: IntelCommunity;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const participants = useAllParticipants();
  const [rows, setRows] = useState<Row[]>(() => community.members.map((m) => ({ ...m })));
  const [adding, setAdding] = useState('');
  const idPrefix = `members-${community.id}`;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const save = useMutation({
    mutationFn: (members: CommunityMemberInput[]) =>
      saveCommunityMembers(community.id, { members }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.intel.all });
      onSaved(
        `The members of “${saved.name}” have been saved: ${saved.members.length} ${saved.members.length === 1 ? 'member' : 'members'}.`,
      );
    },
  });
  const problem = save.isError ? problemOf(save.error, rows) : null;
  const errorId = `${idPrefix}-error`;

  const update = (id: string, change: Partial<CommunityMemberInput>) =>
    setRows((previous) => previous.map((r) => (r.participantId === id ? { ...r, ...change } : r)));
  const remove = (id: string) =>
    setRows((previous) => previous.filter((r) => r.participantId !== id));
  const candidates = (participants.data ?? []).filter(
    (p) => !rows.some((r) => r.participantId === p.id),
  );
  const add = () => {
    const p = candidates.find((c) => c.id === adding);
    if (!p) return;
    setRows((previous) => [
      ...previous,
      { participantId: p.id, name: p.name, canRead: true, canWrite: false },
    ]);
    setAdding('');
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(
      rows.map((r) => ({
        participantId: r.participantId,
        canRead: r.canRead || r.canWrite,
        canWrite: r.canWrite,
      })),
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`} tabIndex={-1} ref={heading}>
        Edit the members<span className="visually-hidden"> of {community.name}</span>
      </h3>
      {problem ? (
        <div id={errorId}>
          <Notice tone="danger" live title="The members were not saved">
            <p>{problem.text}</p>
            {problem.ref ? <span className="request-id">Reference: {problem.ref}</span> : null}
          </Notice>
        </div>
      ) : null}
      {community.kind === 'bilateral' ? (
        <p className="small muted">A bilateral channel has exactly two members.</p>
      ) : null}
      <fieldset className="fieldset" aria-describedby={problem ? errorId : undefined}>
        <legend className="fieldset-legend">Members and their rights</legend>
        {rows.length === 0 ? (
          <p className="small muted">No members. Add a participant below.</p>
        ) : (
          <DataTable
            labelledBy={`${idPrefix}-caption`}
            caption={`Members of ${community.name}, being edited`}
            head={
              <>
                <th scope="col">Member</th>
                <th scope="col">Reads</th>
                <th scope="col">Writes</th>
                <ActionsHeader />
              </>
            }
          >
            {rows.map((r) => (
              <tr key={r.participantId}>
                <td>{r.name}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${r.name} reads`}
                    checked={r.canRead || r.canWrite}
                    disabled={r.canWrite}
                    onChange={(event) => update(r.participantId, { canRead: event.target.checked })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${r.name} writes`}
                    checked={r.canWrite}
                    onChange={(event) =>
                      update(r.participantId, { canWrite: event.target.checked })
                    }
                  />
                </td>
                <td className="actions">
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost"
                    onClick={() => remove(r.participantId)}
                  >
                    Remove<span className="visually-hidden"> {r.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </fieldset>
      <div className="filters">
        <div className="field field-grow">
          <label className="field-label" htmlFor={`${idPrefix}-add`}>
            Add a participant
          </label>
          <select
            id={`${idPrefix}-add`}
            className="select"
            value={adding}
            onChange={(event) => setAdding(event.target.value)}
          >
            <option value="">
              {participants.isPending ? 'Loading the participants…' : 'Choose a participant'}
            </option>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filters-actions">
          <button type="button" className="btn" onClick={add} disabled={adding === ''}>
            Add
          </button>
        </div>
      </div>
      <FormActions
        label="Save the members"
        pendingLabel="Saving…"
        pending={save.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
