import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createCollection } from '../../api/intel';
import type { CollectionCreate, IntelCommunity } from '../../api/intel';
import { queryKeys } from '../../api/query-keys';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { SubmitButton } from '../../components/form-actions';
import { Confirmation } from '../../components/notice';
import { useForm } from '../../hooks/use-form';

const FORM = 'collection';
const FIELDS = {
  communityId: 'Community',
  title: 'Title',
  description: 'Description',
  alias: 'Alias',
};

/** Secretariat administrators add a collection (a TAXII collection) to a community. */
export function CollectionForm({ communities }: { communities: readonly IntelCommunity[] }) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    idPrefix: FORM,
    initial: { communityId: communities[0]?.id ?? '', title: '', description: '', alias: '' },
    labels: FIELDS,
  });
  const create = useMutation({
    mutationFn: (body: CollectionCreate) => createCollection(body),
    onSuccess: async (c) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.intel.all });
      form.reset();
      setDone(`The collection “${c.title}” has been created in ${c.community.name}.`);
    },
    onError: (error) => form.showServerErrors(error),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const v = form.values;
    const ok = form.check([
      ['communityId', v.communityId === '', 'Choose a community'],
      ['title', v.title.trim() === '', 'Enter a title'],
      [
        'alias',
        v.alias !== '' && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v.alias),
        'Use lower-case letters, digits and hyphens',
      ],
    ]);
    if (!ok) return;
    create.mutate({
      communityId: v.communityId,
      title: v.title.trim(),
      description: v.description.trim(),
      alias: v.alias === '' ? null : v.alias,
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="card intel-form"
      aria-labelledby="collection-title"
    >
      <h2 id="collection-title">Create a collection</h2>
      <Confirmation message={done} onDismiss={() => setDone(null)} />
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <SelectField {...form.field('communityId')} label={FIELDS.communityId}>
        {communities.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <TextField {...form.field('title')} label={FIELDS.title} />
      <TextAreaField {...form.field('description')} label={FIELDS.description} rows={2} optional />
      <TextField
        {...form.field('alias')}
        label={FIELDS.alias}
        hint="A readable TAXII alias, e.g. energy"
        spellCheck={false}
        autoComplete="off"
        optional
      />
      <SubmitButton
        label="Create the collection"
        pendingLabel="Creating…"
        pending={create.isPending}
      />
    </form>
  );
}
