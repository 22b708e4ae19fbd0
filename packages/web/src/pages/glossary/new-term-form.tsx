import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { TermCreate } from '../../api/glossary';
import { TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { useForm } from '../../hooks/use-form';
import type { FlashState } from '../../hooks/use-flash';
import {
  MAX_TERM_ID_LENGTH,
  TERM_ID_PATTERN,
  TERM_LABELS,
  TermFields,
  termChecks,
  termIdOf,
} from './term-fields';

const FORM = 'new-term';

type Values = { id: string; term: string; definition: string; thresholds: string; notes: string };

/**
 * The secretariat adds a harmonised term. The identifier follows the term as it is typed,
 * until it is edited by hand; it cannot change afterwards, since norms refer to it.
 */
export function NewTermForm({ onCancel }: { onCancel: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [idTouched, setIdTouched] = useState(false);
  const form = useForm<Values>({
    idPrefix: FORM,
    initial: { id: '', term: '', definition: '', thresholds: '', notes: '' },
    labels: TERM_LABELS,
  });
  const { values } = form;

  useEffect(() => headingRef.current?.focus(), []);

  const create = useMutation({
    mutationFn: (body: TermCreate) => unwrap(api.POST('/api/v1/glossary/terms', { body })),
    onSuccess: async (term) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.glossary.all });
      const state: FlashState = { flash: `“${term.term}” has been added to the glossary.` };
      await navigate(`/glossary/${term.id}`, { state });
    },
    onError: (error) => form.showServerErrors(error, { TERM_EXISTS: 'id' }),
  });

  const field = (name: keyof Values) => {
    const bound = form.field(name);
    if (name !== 'term') return bound;
    return {
      ...bound,
      onChange: (event: { target: { value: string } }) => {
        form.set('term', event.target.value);
        if (!idTouched) form.set('id', termIdOf(event.target.value));
      },
    };
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const id = values.id.trim();
    // In the order of the fields on the page, so the error summary reads top to bottom.
    const valid = form.check([
      ...termChecks(values),
      ['id', id === '', 'Enter an identifier'],
      [
        'id',
        !TERM_ID_PATTERN.test(id) || id.length > MAX_TERM_ID_LENGTH,
        'Use lower-case letters and digits in words joined by single dashes, e.g. critical-infrastructure',
      ],
    ]);
    if (!valid) return;
    create.mutate({
      id,
      term: values.term.trim(),
      definition: values.definition.trim(),
      thresholds: values.thresholds.trim(),
      notes: values.notes.trim(),
    });
  };

  return (
    <section className="card section-tight" aria-labelledby="new-term-heading">
      <h2 className="card-title" id="new-term-heading" tabIndex={-1} ref={headingRef}>
        New harmonised term
      </h2>
      <p className="small muted">
        Participants can then record their own definitions beside it, and amendments can make norms
        rely on it.
      </p>
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="new-term-heading">
        <TermFields field={field} />
        <TextField
          {...form.field('id')}
          onChange={(event) => {
            setIdTouched(true);
            form.set('id', event.target.value);
          }}
          label="Identifier"
          hint="Used in addresses and by norms; it cannot be changed later. Lower-case words joined by dashes."
          spellCheck={false}
          autoComplete="off"
          maxLength={MAX_TERM_ID_LENGTH}
        />
        <FormActions
          pending={create.isPending}
          label="Add term"
          pendingLabel="Adding…"
          onCancel={onCancel}
        />
      </form>
    </section>
  );
}
