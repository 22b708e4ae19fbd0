import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  STIX_ID_PATTERN,
  TLP_LABELS,
  TLP_LEVELS,
  TLP_MEANINGS,
  isTlp,
  objectLabel,
  reportIncident,
  useIntelCollections,
  useIntelObject,
} from '../../api/intel';
import type { IncidentReport } from '../../api/intel';
import { queryKeys } from '../../api/query-keys';
import { PageHeader } from '../../components/page-header';
import type { Crumb } from '../../components/page-header';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { Loading } from '../../components/states';
import { useForm } from '../../hooks/use-form';
import type { FlashState } from '../../hooks/use-flash';
import { TlpBadge } from './tlp-badge';

const FORM = 'report-incident';
const FIELDS = {
  collectionId: 'Collection',
  name: 'Name',
  description: 'What happened',
  labels: 'Labels',
  tlp: 'TLP',
  links: 'Linked objects',
};
const CRUMBS: Crumb[] = [
  { label: 'Intelligence', to: '/intel' },
  { label: 'Incidents', to: '/intel/incidents' },
];
const MAX_LABELS = 20;

/** "a, b ,, c" → ["a", "b", "c"], each once. */
export function parseLabels(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    ),
  ];
}

/**
 * Report an incident: a STIX incident in a collection the caller writes to, with the objects
 * given as `?link=<stix id>` (from an object's page) linked at once; `?collection=<id>` is the
 * collection offered first.
 */
export function ReportIncidentPage() {
  const collections = useIntelCollections();
  if (!collections.isSuccess) {
    return (
      <>
        <PageHeader title="Report an incident" breadcrumbs={CRUMBS} />
        <Loading label="Loading your collections…" />
      </>
    );
  }
  return <ReportIncidentForm writable={collections.data.filter((c) => c.canWrite)} />;
}

function ReportIncidentForm({ writable }: { writable: { id: string; title: string }[] }) {
  const [params] = useSearchParams();
  const [links, setLinks] = useState(() =>
    [...new Set(params.getAll('link'))].filter((id) => STIX_ID_PATTERN.test(id)),
  );
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // The collection the page was opened from (an object's), when the caller may write to it.
  const offered = params.get('collection');
  const form = useForm({
    idPrefix: FORM,
    initial: {
      collectionId: writable.find((c) => c.id === offered)?.id ?? writable[0]?.id ?? '',
      name: '',
      description: '',
      labels: '',
      tlp: 'amber',
    },
    labels: FIELDS,
  });
  const send = useMutation({
    mutationFn: (body: IncidentReport) => reportIncident(body),
    onSuccess: async (result, body) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.intel.all });
      const state: FlashState = {
        flash: `The incident “${body.name}” has been reported${
          result.links.length > 0 ? ` with ${result.links.length} linked object(s)` : ''
        }.`,
      };
      await navigate(`/intel/objects/${result.id}`, { state });
    },
    onError: (error) => form.showServerErrors(error),
  });

  if (writable.length === 0) {
    return (
      <>
        <PageHeader title="Report an incident" breadcrumbs={CRUMBS} />
        <p>
          You cannot report incidents: none of your communities lets your organisation write to a
          collection. <Link to="/intel/incidents">Back to the incidents</Link>
        </p>
      </>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const v = form.values;
    const labels = parseLabels(v.labels);
    const ok = form.check([
      ['collectionId', v.collectionId === '', 'Choose a collection'],
      ['name', v.name.trim() === '', 'Enter a name for the incident'],
      ['name', v.name.trim().length > 250, 'Use at most 250 characters'],
      ['description', v.description.length > 10_000, 'Use at most 10,000 characters'],
      ['labels', labels.length > MAX_LABELS, `Use at most ${MAX_LABELS} labels`],
      ['labels', labels.some((l) => l.length > 100), 'Keep each label under 100 characters'],
    ]);
    if (!ok) return;
    const body: IncidentReport = { collectionId: v.collectionId, name: v.name.trim() };
    if (v.description.trim()) body.description = v.description.trim();
    if (labels.length > 0) body.labels = labels;
    if (isTlp(v.tlp)) body.tlp = v.tlp;
    if (links.length > 0) body.links = links.map((objectId) => ({ objectId }));
    send.mutate(body);
  };

  return (
    <>
      <PageHeader
        title="Report an incident"
        breadcrumbs={CRUMBS}
        description="The incident is shared as a STIX 2.1 incident from your organisation, in the collection you choose, under the TLP marking you give it. Link the objects involved now or later from its page."
      />
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <form
        className="form card section-tight"
        onSubmit={submit}
        noValidate
        aria-label="Report an incident"
      >
        <SelectField {...form.field('collectionId')} label="Collection to report in">
          {writable.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </SelectField>
        <TextField
          {...form.field('name')}
          label={FIELDS.name}
          hint="A short title readers recognise, e.g. “Ransomware at a distribution operator’s substation HMI”"
          maxLength={250}
        />
        <TextAreaField
          {...form.field('description')}
          label={FIELDS.description}
          hint="Timeline, affected systems and sector, impact, what has been done. Leave out what the TLP marking does not cover."
          rows={6}
          optional
        />
        <TextField
          {...form.field('labels')}
          label={FIELDS.labels}
          hint={'Separated by commas, e.g. rsit:malicious-code="ransomware", sector:energy'}
          optional
          spellCheck={false}
        />
        <SelectField
          {...form.field('tlp')}
          label={FIELDS.tlp}
          hint={isTlp(form.values.tlp) ? TLP_MEANINGS[form.values.tlp] : undefined}
        >
          {TLP_LEVELS.map((tlp) => (
            <option key={tlp} value={tlp}>
              {TLP_LABELS[tlp]}
            </option>
          ))}
        </SelectField>
        {links.length > 0 ? (
          <fieldset className="fieldset">
            <legend>{FIELDS.links}</legend>
            <p className="small muted">
              Each link takes the stricter TLP of the incident and the object.
            </p>
            <ul className="intel-picker-results">
              {links.map((id) => (
                <LinkedObject
                  key={id}
                  stixId={id}
                  onRemove={() => setLinks((all) => all.filter((x) => x !== id))}
                />
              ))}
            </ul>
          </fieldset>
        ) : null}
        <FormActions
          pending={send.isPending}
          label="Report the incident"
          pendingLabel="Reporting…"
          onCancel={() => void navigate('/intel/incidents')}
        />
      </form>
    </>
  );
}

function LinkedObject({ stixId, onRemove }: { stixId: string; onRemove: () => void }) {
  const detail = useIntelObject(stixId);
  const o = detail.data?.object;
  const label =
    o && typeof o.type === 'string'
      ? objectLabel({ id: stixId, type: o.type, name: typeof o.name === 'string' ? o.name : null })
      : stixId;
  return (
    <li>
      <span className="intel-picker-name">
        <span>{label}</span>
        {detail.data ? <TlpBadge tlp={detail.data.tlp} /> : null}
        {detail.isError ? <span className="small muted">(not visible to you)</span> : null}
      </span>
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        onClick={onRemove}
        aria-label={`Do not link ${label}`}
      >
        Remove
      </button>
    </li>
  );
}
