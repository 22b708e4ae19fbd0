import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { pillarLabel, sectorLabel, useAllNorms, useNorm, useNormVocabulary } from '../../api/norms';
import type { AmendmentKind, AmendmentProposal, NormCategory, NormDetail } from '../../api/norms';
import { useAllTerms } from '../../api/glossary';
import { useMe } from '../../auth/session';
import { isObserverOnly } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../components/field';
import { MetaOptions } from '../../components/options';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { Notice } from '../../components/notice';
import { Loading } from '../../components/states';
import { DiffLegend, DiffText } from '../../components/diff-text';
import type { FlashState } from '../../hooks/use-flash';
import { useForm } from '../../hooks/use-form';
import { wordDiff } from '../../lib/word-diff';
import { AMENDMENT_KIND_LABELS } from './norm-badges';

const FORM = 'propose';
const FIELDS = {
  kind: 'What you propose',
  normId: 'Norm',
  title: 'Title',
  text: 'Text',
  category: 'Category',
  pillar: 'Pillar',
  sectors: 'Sectors',
  termIds: 'Defined terms',
  rationale: 'Rationale',
};
const NORM_ID = /^[A-Z][A-Z0-9]*(-[A-Za-z0-9]+)+$/;
const TEXT_MIN = 10;
const TEXT_MAX = 5000;

const KINDS: { value: AmendmentKind; label: string; description: string }[] = [
  { value: 'new', label: 'A new norm', description: 'Add a norm to the catalogue.' },
  {
    value: 'change',
    label: 'A change to a norm',
    description: 'Amend the current version of an adopted norm.',
  },
  {
    value: 'retire',
    label: 'Retiring a norm',
    description: 'Take an adopted norm out of force. It stays on record.',
  },
];

const isKind = (value: string | null): value is AmendmentKind =>
  value === 'new' || value === 'change' || value === 'retire';

// A type, not an interface: useForm needs the exact keys, without an index signature.
type Values = {
  kind: AmendmentKind;
  normId: string;
  title: string;
  text: string;
  category: NormCategory | '';
  pillar: string;
  sectors: string[];
  termIds: string[];
  rationale: string;
};

const contentOf = (norm: NormDetail) => ({
  title: norm.current.title,
  text: norm.current.text,
  category: norm.current.category,
  pillar: String(norm.current.pillar),
  sectors: [...norm.current.sectors],
  termIds: [...norm.current.termIds],
});

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Proposing a new norm, a change to one (its current text filled in) or its retirement. */
export function ProposeAmendmentPage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const vocabulary = useNormVocabulary();
  const norms = useAllNorms();
  const terms = useAllTerms();
  const initialKind = params.get('kind');
  const form = useForm<Values>({
    idPrefix: FORM,
    initial: {
      kind: isKind(initialKind) ? initialKind : 'new',
      normId: params.get('normId') ?? '',
      title: '',
      text: '',
      category: '',
      pillar: '',
      sectors: [],
      termIds: [],
      rationale: '',
    },
    labels: FIELDS,
  });
  const { values } = form;
  const amending = values.kind !== 'new';
  const norm = useNorm(values.normId, amending && values.normId !== '');
  const base = amending && norm.data?.id === values.normId ? norm.data : undefined;

  // The current version fills the form once per norm chosen (and again if the norm moves on).
  const prefillKey = base ? `${base.id}@${base.currentVersion}` : null;
  const [prefilled, setPrefilled] = useState<string | null>(null);
  if (prefillKey !== null && prefilled !== prefillKey && base) {
    setPrefilled(prefillKey);
    form.setValues((previous) => ({ ...previous, ...contentOf(base) }));
  }

  const preview = useMemo(
    () => (base && values.kind === 'change' ? wordDiff(base.current.text, values.text) : null),
    [base, values.kind, values.text],
  );

  const propose = useMutation({
    mutationFn: (body: AmendmentProposal) => unwrap(api.POST('/api/v1/norms/amendments', { body })),
    onSuccess: async (amendment) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.norms.all });
      const state: FlashState = {
        flash: 'Your amendment has been proposed and is open for comment.',
      };
      await navigate(`/norms/amendments/${amendment.id}`, { state });
    },
    onError: (error) => {
      form.showServerErrors(error, {
        NORM_EXISTS: 'normId',
        NORM_NOT_ADOPTED: 'normId',
        AMENDMENT_STALE: 'normId',
        NO_CHANGE: 'text',
        UNKNOWN_TERM: 'termIds',
      });
      // A stale base version means the norm moved on: load its new current version.
      if (values.normId) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.norms.detail(values.normId) });
      }
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const title = values.title.trim();
    const text = values.text.trim();
    const rationale = values.rationale.trim();
    const checks: [keyof Values, boolean, string][] = [
      ['rationale', rationale.length < 3, 'Explain why, in at least a few words'],
    ];
    if (values.kind === 'new') {
      checks.unshift(
        ['normId', values.normId.trim() === '', 'Give the new norm an identifier'],
        [
          'normId',
          !NORM_ID.test(values.normId.trim()),
          'The identifier is upper case with dash-separated parts, e.g. CONCORD-R10',
        ],
      );
    } else {
      checks.unshift(['normId', values.normId === '', 'Choose the norm']);
    }
    if (values.kind !== 'retire') {
      checks.push(
        ['title', title.length < 3, 'Give the norm a title of at least 3 characters'],
        ['text', text.length < TEXT_MIN, `Write the norm’s text, at least ${TEXT_MIN} characters`],
        ['text', text.length > TEXT_MAX, `The text can be at most ${TEXT_MAX} characters`],
        ['category', values.category === '', 'Choose the category'],
        ['pillar', values.pillar === '', 'Choose the pillar'],
      );
    }
    if (!form.check(checks)) return;

    if (values.kind === 'retire') {
      if (!base) return;
      propose.mutate({
        kind: 'retire',
        normId: base.id,
        baseVersion: base.currentVersion,
        rationale,
      });
      return;
    }
    const category = values.category as NormCategory;
    const pillar = Number(values.pillar);
    const sectors = values.sectors as NonNullable<
      Extract<AmendmentProposal, { kind: 'new' }>['sectors']
    >;
    if (values.kind === 'new') {
      propose.mutate({
        kind: 'new',
        normId: values.normId.trim(),
        title,
        text,
        category,
        pillar,
        sectors,
        termIds: values.termIds,
        rationale,
      });
      return;
    }
    if (!base) return;
    // A change names only what it changes; the server takes the rest from the base version.
    const current = base.current;
    const body: Extract<AmendmentProposal, { kind: 'change' }> = {
      kind: 'change',
      normId: base.id,
      baseVersion: base.currentVersion,
      rationale,
    };
    if (title !== current.title) body.title = title;
    if (text !== current.text) body.text = text;
    if (category !== current.category) body.category = category;
    if (pillar !== current.pillar) body.pillar = pillar;
    if (!sameList(sectors, current.sectors)) body.sectors = sectors;
    if (!sameList(values.termIds, current.termIds)) body.termIds = values.termIds;
    const changed = Object.keys(body).length > 4;
    if (!form.check([['text', !changed, 'Change the title, text or another detail of the norm']]))
      return;
    propose.mutate(body);
  };

  const observer = isObserverOnly(me);
  const adopted = norms.data?.filter((n) => n.status === 'adopted') ?? [];
  return (
    <>
      <PageHeader
        title="Propose an amendment"
        breadcrumbs={[
          { label: 'Norms', to: '/norms' },
          { label: 'Amendments', to: '/norms/amendments' },
        ]}
        description={`You propose on behalf of ${me.participant.name}. The proposal is open for comments and endorsements until the secretariat records its decision.`}
      />
      {observer ? (
        <Notice tone="warning" title="Observers cannot propose amendments">
          Your account only observes; ask your participant’s administrator for the member role.
        </Notice>
      ) : null}
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <form className="form form-wide" onSubmit={onSubmit} noValidate>
        <ChoiceGroup {...form.radios('kind')} legend="What do you propose?" choices={KINDS} />
        {values.kind === 'new' ? (
          <TextField
            {...form.field('normId')}
            label="Identifier of the new norm"
            hint="Upper case, with dash-separated parts, e.g. CONCORD-R10."
            className="input-short"
            spellCheck={false}
            autoComplete="off"
          />
        ) : (
          <SelectField {...form.field('normId')} label="Norm">
            <option value="">Choose a norm</option>
            {adopted.map((n) => (
              <option key={n.id} value={n.id}>
                {n.id}: {n.current.title}
              </option>
            ))}
          </SelectField>
        )}

        {amending && values.normId !== '' && !base ? (
          norm.isError ? (
            <Notice tone="danger">That norm could not be loaded.</Notice>
          ) : (
            <Loading label="Loading the norm’s current version…" />
          )
        ) : null}

        {values.kind === 'retire' && base ? (
          <section className="card" aria-labelledby="retire-heading">
            <h2 className="card-title" id="retire-heading">
              Version {base.currentVersion}, which would be retired
            </h2>
            <p className="subheading">{base.current.title}</p>
            <p className="norm-text">{base.current.text}</p>
          </section>
        ) : null}

        {values.kind === 'new' || (values.kind === 'change' && base) ? (
          <>
            <TextField {...form.field('title')} label="Title" maxLength={200} />
            <TextAreaField
              {...form.field('text')}
              label="Text"
              hint={`The norm in plain language, ${TEXT_MIN} to ${TEXT_MAX.toLocaleString()} characters.`}
              rows={8}
            />
            {preview ? (
              <section className="card diff-preview" aria-labelledby="preview-heading">
                <h2 className="card-title" id="preview-heading">
                  Your change to the text of version {base?.currentVersion}
                </h2>
                {preview.every((part) => part.op === 'equal') ? (
                  <p className="muted">You have not changed the text yet.</p>
                ) : (
                  <>
                    <DiffLegend />
                    <DiffText parts={preview} className="norm-text" />
                  </>
                )}
              </section>
            ) : null}
            <div className="form-grid">
              <SelectField {...form.field('category')} label="Category">
                <option value="">Choose a category</option>
                <MetaOptions entries={vocabulary.data?.categories} />
              </SelectField>
              <SelectField {...form.field('pillar')} label="Pillar">
                <option value="">Choose a pillar</option>
                {vocabulary.data?.pillars.map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {pillarLabel(vocabulary.data, p.id)}
                  </option>
                ))}
              </SelectField>
            </div>
            <ChoiceGroup
              {...form.checkboxes('sectors')}
              legend="Sectors"
              hint="Leave all unticked for a norm that applies to every sector."
              columns
              choices={(vocabulary.data?.sectors ?? []).map((s) => ({
                value: s,
                label: sectorLabel(s),
              }))}
            />
            <ChoiceGroup
              {...form.checkboxes('termIds')}
              legend="Defined terms"
              hint="The glossary’s harmonised definitions this norm relies on."
              columns
              choices={(terms.data ?? []).map((t) => ({ value: t.id, label: t.term }))}
            />
          </>
        ) : null}

        <TextAreaField
          {...form.field('rationale')}
          label="Rationale"
          hint="Why the catalogue should change: the gap, the incident or the assessment behind it."
          rows={5}
        />
        <FormActions
          pending={propose.isPending}
          label={`Propose ${AMENDMENT_KIND_LABELS[values.kind].toLowerCase()}`}
          pendingLabel="Proposing…"
          onCancel={() => void navigate(-1)}
        />
      </form>
    </>
  );
}
