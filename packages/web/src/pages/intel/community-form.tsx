import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { COMMUNITY_KIND_LABELS, createCommunity } from '../../api/intel';
import type { CommunityCreate, CommunityKind } from '../../api/intel';
import { useAllParticipants } from '../../api/participants';
import { queryKeys } from '../../api/query-keys';
import { ChoiceGroup, TextAreaField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { SubmitButton } from '../../components/form-actions';
import { Confirmation } from '../../components/notice';
import { DataTable } from '../../components/data-table';
import { useForm } from '../../hooks/use-form';

const FORM = 'community';
const FIELDS = {
  slug: 'Short name',
  name: 'Name',
  description: 'Description',
  kind: 'Kind',
  members: 'Members',
};
const KINDS: { value: CommunityKind; label: string; description: string }[] = [
  { value: 'group', label: COMMUNITY_KIND_LABELS.group, description: 'Chosen participants' },
  {
    value: 'bilateral',
    label: COMMUNITY_KIND_LABELS.bilateral,
    description: 'Exactly two participants',
  },
  {
    value: 'all-members',
    label: COMMUNITY_KIND_LABELS['all-members'],
    description: 'Every participant of the regime',
  },
];

type Rights = Record<string, { canRead: boolean; canWrite: boolean }>;

/** Secretariat administrators create a sharing community and say who reads and writes. */
export function CommunityForm() {
  const queryClient = useQueryClient();
  const participants = useAllParticipants();
  const [rights, setRights] = useState<Rights>({});
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    idPrefix: FORM,
    initial: { slug: '', name: '', description: '', kind: 'group', members: '' },
    labels: FIELDS,
  });
  const create = useMutation({
    mutationFn: (body: CommunityCreate) => createCommunity(body),
    onSuccess: async (c) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.intel.all });
      form.reset();
      setRights({});
      setDone(`The community “${c.name}” has been created.`);
    },
    onError: (error) => form.showServerErrors(error),
  });

  const kind = form.values.kind as CommunityKind;
  const members = Object.entries(rights)
    .filter(([, r]) => r.canRead || r.canWrite)
    .map(([participantId, r]) => ({
      participantId,
      canRead: r.canRead || r.canWrite,
      canWrite: r.canWrite,
    }));
  const toggle = (id: string, key: 'canRead' | 'canWrite', on: boolean) =>
    setRights((previous) => {
      const current = previous[id] ?? { canRead: false, canWrite: false };
      return { ...previous, [id]: { ...current, [key]: on } };
    });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const v = form.values;
    const ok = form.check([
      [
        'slug',
        !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v.slug),
        'Use lower-case letters, digits and hyphens',
      ],
      ['name', v.name.trim() === '', 'Enter a name'],
      ['members', kind === 'bilateral' && members.length !== 2, 'Choose exactly two members'],
      ['members', kind === 'group' && members.length === 0, 'Choose at least one member'],
    ]);
    if (!ok) return;
    create.mutate({
      slug: v.slug,
      name: v.name.trim(),
      description: v.description.trim(),
      kind,
      members: kind === 'all-members' ? [] : members,
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="card intel-form"
      aria-labelledby="community-title"
    >
      <h2 id="community-title">Create a community</h2>
      <Confirmation message={done} onDismiss={() => setDone(null)} />
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <TextField {...form.field('name')} label={FIELDS.name} />
      <TextField
        {...form.field('slug')}
        label={FIELDS.slug}
        hint="Lower-case letters, digits and hyphens, e.g. energy-certs"
        spellCheck={false}
        autoComplete="off"
      />
      <TextAreaField {...form.field('description')} label={FIELDS.description} rows={2} optional />
      <ChoiceGroup {...form.radios('kind')} legend={FIELDS.kind} choices={KINDS} />
      {kind === 'all-members' ? null : (
        <fieldset
          className="fieldset"
          aria-describedby={form.errors.fields.members ? `${FORM}-members-error` : undefined}
        >
          <legend className="fieldset-legend">{FIELDS.members}</legend>
          {form.errors.fields.members ? (
            <span className="field-error" id={`${FORM}-members-error`}>
              <span className="visually-hidden">Error: </span>
              {form.errors.fields.members}
            </span>
          ) : null}
          <div id={`${FORM}-members`} tabIndex={-1}>
            <DataTable
              labelledBy="community-members-caption"
              caption="Participants and their rights"
              head={
                <>
                  <th scope="col">Participant</th>
                  <th scope="col">Reads</th>
                  <th scope="col">Writes</th>
                </>
              }
            >
              {participants.data?.map((p) => {
                const r = rights[p.id] ?? { canRead: false, canWrite: false };
                return (
                  <tr key={p.id}>
                    <td>{p.name}</td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${p.name} reads`}
                        checked={r.canRead || r.canWrite}
                        disabled={r.canWrite}
                        onChange={(event) => toggle(p.id, 'canRead', event.target.checked)}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${p.name} writes`}
                        checked={r.canWrite}
                        onChange={(event) => toggle(p.id, 'canWrite', event.target.checked)}
                      />
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          </div>
        </fieldset>
      )}
      <SubmitButton
        label="Create the community"
        pendingLabel="Creating…"
        pending={create.isPending}
      />
    </form>
  );
}
