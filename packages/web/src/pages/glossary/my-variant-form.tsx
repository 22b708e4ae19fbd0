import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { Alignment, TermDetail, Variant, VariantInput } from '../../api/glossary';
import { ChoiceGroup, TextAreaField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { describeError } from '../../components/states';
import { Dialog } from '../../components/dialog';
import { useForm } from '../../hooks/use-form';
import { ALIGNMENT_LABELS } from './similarity';

const FORM = 'my-variant';
const FIELDS = {
  definition: 'Your definition',
  source: 'Source',
  sourceUrl: 'Link to the source',
  aligned: 'Alignment',
};

type Values = { definition: string; source: string; sourceUrl: string; aligned: Alignment };

/** Records, replaces or removes the participant's own definition of a term. */
export function MyVariantForm({
  term,
  variant,
  participantName,
  onDone,
}: {
  term: TermDetail;
  variant: Variant | undefined;
  participantName: string;
  onDone: (message: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const form = useForm<Values>({
    idPrefix: FORM,
    initial: {
      definition: variant?.definition ?? '',
      source: variant?.source ?? '',
      sourceUrl: variant?.sourceUrl ?? '',
      aligned: variant?.aligned ?? 'no',
    },
    labels: FIELDS,
  });
  const { values } = form;
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.glossary.all });

  const save = useMutation({
    mutationFn: (body: VariantInput) =>
      unwrap(
        api.PUT('/api/v1/glossary/terms/{id}/variants/mine', {
          params: { path: { id: term.id } },
          body,
        }),
      ),
    onSuccess: async () => {
      await refresh();
      onDone(`${participantName}’s definition of “${term.term}” has been saved.`);
    },
    onError: (error) => form.showServerErrors(error),
  });
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/glossary/terms/{id}/variants/mine', {
          params: { path: { id: term.id } },
        }),
      ),
    onSuccess: async () => {
      setConfirmRemove(false);
      await refresh();
      onDone(`${participantName}’s definition of “${term.term}” has been removed.`);
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const url = values.sourceUrl.trim();
    const valid = form.check([
      ['definition', values.definition.trim() === '', 'Write your participant’s definition'],
      ['source', values.source.trim() === '', 'Say where it is defined, e.g. the statute'],
      [
        'sourceUrl',
        url !== '' && !/^https?:\/\/\S+$/i.test(url),
        'Enter a link starting with https://',
      ],
    ]);
    if (!valid) return;
    save.mutate({
      definition: values.definition.trim(),
      source: values.source.trim(),
      sourceUrl: url === '' ? null : url,
      aligned: values.aligned,
    });
  };

  return (
    <>
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextAreaField
          {...form.field('definition')}
          label="Your definition"
          hint="As it stands in your domestic law or policy."
          rows={5}
        />
        <TextField
          {...form.field('source')}
          label="Source"
          hint="The statute, strategy or regulation that defines it."
        />
        <TextField
          {...form.field('sourceUrl')}
          label="Link to the source"
          optional
          type="url"
          inputMode="url"
          placeholder="https://"
        />
        <ChoiceGroup
          {...form.radios('aligned')}
          legend="Have you aligned it with the harmonised definition?"
          choices={(['yes', 'partly', 'no'] as const).map((value) => ({
            value,
            label: ALIGNMENT_LABELS[value],
          }))}
        />
        <FormActions
          pending={save.isPending}
          label={variant ? 'Save changes' : 'Record definition'}
          pendingLabel="Saving…"
          onCancel={() => onDone(null)}
        />
        {variant ? (
          <p>
            <button
              type="button"
              className="btn btn-danger-outline btn-sm"
              onClick={() => setConfirmRemove(true)}
            >
              Remove your definition
            </button>
          </p>
        ) : null}
      </form>
      <Dialog
        open={confirmRemove}
        onClose={() => setConfirmRemove(false)}
        title={`Remove your definition of “${term.term}”?`}
        description="It disappears from the glossary and the divergence reports. You can record it again at any time."
        footer={
          <>
            <button
              type="button"
              className="btn btn-ghost"
              data-autofocus=""
              onClick={() => setConfirmRemove(false)}
            >
              Keep it
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate()}
            >
              {remove.isPending ? 'Removing…' : 'Remove definition'}
            </button>
          </>
        }
      >
        {remove.isError ? (
          <p className="field-error" role="alert">
            The definition could not be removed: {describeError(remove.error).message}
          </p>
        ) : null}
      </Dialog>
    </>
  );
}
