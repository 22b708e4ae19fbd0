import { useEffect, useState } from 'react';
import type { Norm } from '../../api/norms';
import { SelectField, TextAreaField, fieldId } from '../../components/field';
import { Icon } from '../../components/icons';
import type { CommitmentInput } from '../../lib/doctrine-document';

export interface CommitmentRow extends CommitmentInput {
  /** Keeps React's rows apart; never sent. */
  key: string;
}

let nextKey = 0;
export const newCommitmentRow = (init: Partial<CommitmentInput> = {}): CommitmentRow => ({
  key: `c${(nextKey += 1)}`,
  normId: '',
  statement: '',
  conditions: '',
  ...init,
});

/** Form field names of row `i`, as the error summary links to them. */
export const commitmentField = (i: number, field: keyof CommitmentInput): string =>
  `commitments-${i}-${field}`;

/**
 * The list of commitments: one fieldset per norm, added and removed with buttons. A new row's
 * norm picker takes focus; removing a row moves focus to the "Add" button.
 */
export function CommitmentsEditor({
  idPrefix,
  rows,
  onChange,
  norms,
  errors,
}: {
  idPrefix: string;
  rows: readonly CommitmentRow[];
  onChange: (rows: CommitmentRow[]) => void;
  norms: readonly Norm[] | undefined;
  errors: Partial<Record<string, string>>;
}) {
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (focus) document.getElementById(focus)?.focus();
  }, [focus]);

  const update = (i: number, patch: Partial<CommitmentInput>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const taken = new Set(rows.map((row) => row.normId));
  const selectable = norms?.filter((n) => n.status !== 'retired') ?? [];
  const addId = `${idPrefix}-add-commitment`;

  return (
    <fieldset className="fieldset" aria-describedby={`${idPrefix}-commitments-hint`}>
      <legend className="fieldset-legend">Commitments</legend>
      <span className="field-hint" id={`${idPrefix}-commitments-hint`}>
        The norms your participant commits to, each in its own words. Add conditions where the
        commitment has reservations; leave them empty for an unconditional one.
      </span>
      {rows.length === 0 ? <p className="muted small">No commitments in this version.</p> : null}
      <ol className="commitment-rows">
        {rows.map((row, i) => (
          <li key={row.key}>
            <fieldset className="commitment-row">
              <legend className="subheading">Commitment {i + 1}</legend>
              <SelectField
                idPrefix={idPrefix}
                name={commitmentField(i, 'normId')}
                label="Norm"
                value={row.normId}
                error={errors[commitmentField(i, 'normId')]}
                onChange={(event) => update(i, { normId: event.target.value })}
              >
                <option value="">Choose a norm</option>
                {selectable.map((n) => (
                  <option key={n.id} value={n.id} disabled={n.id !== row.normId && taken.has(n.id)}>
                    {n.id}: {n.current.title}
                    {n.status !== 'adopted' ? ` (${n.status})` : ''}
                  </option>
                ))}
              </SelectField>
              <div className="form-grid">
                <TextAreaField
                  idPrefix={idPrefix}
                  name={commitmentField(i, 'statement')}
                  label="What you commit to"
                  value={row.statement}
                  rows={3}
                  error={errors[commitmentField(i, 'statement')]}
                  onChange={(event) => update(i, { statement: event.target.value })}
                />
                <TextAreaField
                  idPrefix={idPrefix}
                  name={commitmentField(i, 'conditions')}
                  label="Conditions or reservations"
                  optional
                  value={row.conditions}
                  rows={2}
                  error={errors[commitmentField(i, 'conditions')]}
                  onChange={(event) => update(i, { conditions: event.target.value })}
                />
              </div>
              <button
                type="button"
                className="btn btn-sm btn-danger-outline"
                onClick={() => {
                  onChange(rows.filter((_, j) => j !== i));
                  setFocus(null);
                  window.requestAnimationFrame(() => document.getElementById(addId)?.focus());
                }}
              >
                Remove commitment {i + 1}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        id={addId}
        className="btn btn-sm"
        onClick={() => {
          onChange([...rows, newCommitmentRow()]);
          setFocus(fieldId(idPrefix, commitmentField(rows.length, 'normId')));
        }}
      >
        <Icon name="plus" />
        Add a commitment
      </button>
    </fieldset>
  );
}
