import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TLP_LABELS, TLP_LEVELS, isTlp, reportSighting } from '../../api/intel';
import type { IntelCollection, SightingReport } from '../../api/intel';
import { queryKeys } from '../../api/query-keys';
import { SelectField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { SubmitButton } from '../../components/form-actions';
import { Confirmation } from '../../components/notice';
import { useForm } from '../../hooks/use-form';

const FORM = 'sighting';
const FIELDS = {
  count: 'How many times',
  firstSeen: 'First seen',
  lastSeen: 'Last seen',
  collectionId: 'Collection',
  tlp: 'TLP',
};

/** `datetime-local` wants local time without a zone: "2026-03-01T14:05". */
function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const toIso = (local: string): string | null => {
  const t = Date.parse(local);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
};

/** Report that your organisation saw this indicator; the totals above refresh when it is saved. */
export function SightingForm({
  indicatorId,
  collections,
}: {
  indicatorId: string;
  /** The collections the caller may write to. */
  collections: readonly IntelCollection[];
}) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    idPrefix: FORM,
    initial: {
      count: '1',
      firstSeen: localNow(),
      lastSeen: '',
      collectionId: collections[0]?.id ?? '',
      tlp: '',
    },
    labels: FIELDS,
  });
  const send = useMutation({
    mutationFn: (body: SightingReport) => reportSighting(body),
    onSuccess: async (_, body) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.intel.object(indicatorId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.intel.collections });
      form.reset();
      setDone(`Your sighting (${body.count}) has been reported.`);
    },
    onError: (error) => form.showServerErrors(error),
  });

  if (collections.length === 0) {
    return (
      <p className="muted">
        You cannot report sightings: none of your communities lets your organisation write to a
        collection.
      </p>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const v = form.values;
    const count = Number(v.count);
    const firstSeen = toIso(v.firstSeen);
    const lastSeen = v.lastSeen ? toIso(v.lastSeen) : null;
    const ok = form.check([
      ['count', !Number.isInteger(count) || count < 1, 'Enter a whole number of 1 or more'],
      ['firstSeen', firstSeen === null, 'Enter when it was first seen'],
      ['lastSeen', v.lastSeen !== '' && lastSeen === null, 'Enter a valid date and time'],
      [
        'lastSeen',
        firstSeen !== null && lastSeen !== null && lastSeen < firstSeen,
        'Last seen must not be before first seen',
      ],
      ['collectionId', v.collectionId === '', 'Choose a collection'],
    ]);
    if (!ok || firstSeen === null) return;
    const body: SightingReport = { collectionId: v.collectionId, indicatorId, count, firstSeen };
    if (lastSeen) body.lastSeen = lastSeen;
    if (isTlp(v.tlp)) body.tlp = v.tlp;
    send.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate className="intel-form" aria-labelledby="sighting-title">
      <h3 id="sighting-title">Report a sighting</h3>
      <Confirmation message={done} onDismiss={() => setDone(null)} />
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <div className="intel-form-grid">
        <TextField
          {...form.field('count')}
          label={FIELDS.count}
          type="number"
          min={1}
          inputMode="numeric"
        />
        <TextField {...form.field('firstSeen')} label={FIELDS.firstSeen} type="datetime-local" />
        <TextField
          {...form.field('lastSeen')}
          label={FIELDS.lastSeen}
          type="datetime-local"
          optional
        />
        <SelectField {...form.field('collectionId')} label="Collection to report in">
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </SelectField>
        <SelectField {...form.field('tlp')} label={FIELDS.tlp} hint="Who may learn that you saw it">
          <option value="">TLP:AMBER (the default)</option>
          {TLP_LEVELS.map((tlp) => (
            <option key={tlp} value={tlp}>
              {TLP_LABELS[tlp]}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton
        label="Report the sighting"
        pendingLabel="Reporting…"
        pending={send.isPending}
      />
    </form>
  );
}
