import { useEffect, useRef } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { TermDetail, TermUpdate } from '../../api/glossary';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { useForm } from '../../hooks/use-form';
import { TERM_LABELS, TermFields, termChecks } from './term-fields';
import type { TermValues } from './term-fields';

const FORM = 'edit-term';

/**
 * The secretariat changes a harmonised term: its name, definition, thresholds and notes. Only
 * what changed is sent; the server audits the change, and every participant's definition is
 * compared again with the new text.
 */
export function EditTermForm({
  term,
  onDone,
}: {
  term: TermDetail;
  /** Called with a confirmation after saving, or null when cancelled or nothing changed. */
  onDone: (message: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const initial: TermValues = {
    term: term.term,
    definition: term.definition,
    thresholds: term.thresholds,
    notes: term.notes,
  };
  const form = useForm<TermValues>({ idPrefix: FORM, initial, labels: TERM_LABELS });

  // Keyboard and screen reader users land on the form they just opened.
  useEffect(() => headingRef.current?.focus(), []);

  const save = useMutation({
    mutationFn: (body: TermUpdate) =>
      unwrap(api.PATCH('/api/v1/glossary/terms/{id}', { params: { path: { id: term.id } }, body })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.glossary.all });
      await queryClient.invalidateQueries({ queryKey: queryKeys.norms.all });
      onDone(`The harmonised definition of “${saved.term}” has been updated.`);
    },
    onError: (error) => form.showServerErrors(error),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!form.check(termChecks(form.values))) return;
    const changes: TermUpdate = {};
    for (const key of ['term', 'definition', 'thresholds', 'notes'] as const) {
      const value = form.values[key].trim();
      if (value !== initial[key]) changes[key] = value;
    }
    if (Object.keys(changes).length === 0) {
      onDone(null);
      return;
    }
    save.mutate(changes);
  };

  return (
    <>
      <h3 className="subheading" tabIndex={-1} ref={headingRef}>
        Edit the harmonised term
      </h3>
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Edit the harmonised term">
        <TermFields field={form.field} />
        <p className="small muted">
          The change is recorded in the audit log. Every participant’s own definition is then
          compared with the new text.
        </p>
        <FormActions
          pending={save.isPending}
          label="Save changes"
          pendingLabel="Saving…"
          onCancel={() => onDone(null)}
        />
      </form>
    </>
  );
}
