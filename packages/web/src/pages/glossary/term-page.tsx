import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTerm } from '../../api/glossary';
import { useNorms } from '../../api/norms';
import { useMe } from '../../auth/session';
import { canEditGlossary } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { recordPageFallback } from '../../components/record-page-fallback';
import { SelectField } from '../../components/field';
import { Confirmation } from '../../components/notice';
import { EmptyState } from '../../components/states';
import { VariantCard } from './variant-card';
import { MyVariantForm } from './my-variant-form';
import { HarmonisedCard } from './harmonised-card';
import { useFlash } from '../../hooks/use-flash';
import { ThresholdOptions, parseThreshold } from './similarity';

const breadcrumbs = [{ label: 'Glossary', to: '/glossary' }];

/** Admins and members speak for their participant; the server decides (variantPolicy). */
const speaksForParticipant = (roles: readonly string[]) =>
  roles.includes('admin') || roles.includes('member');

/** One term: the harmonised definition and every participant's own, side by side. */
export function TermPage() {
  const { termId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const threshold = parseThreshold(params.get('threshold') ?? '');
  const term = useTerm(termId, threshold);
  const norms = useNorms({ term: termId, limit: 50 });
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // "Term added", carried here from the glossary page's New term form.
  const [flash, dismissFlash] = useFlash();

  if (!term.isSuccess) {
    return recordPageFallback(term, {
      title: 'Term',
      breadcrumbs,
      loadingLabel: 'Loading the term…',
    });
  }
  const t = term.data;
  const mine = t.variants.find((v) => v.participant.id === me.participant.id);
  const others = t.variants.filter((v) => v !== mine);
  const canEdit = speaksForParticipant(me.roles);
  const diverging = t.variants.filter((v) => v.diverging).length;

  return (
    <>
      <PageHeader
        title={t.term}
        breadcrumbs={breadcrumbs}
        description={`${t.variants.length} ${t.variants.length === 1 ? 'participant has' : 'participants have'} recorded their own definition; ${diverging} ${diverging === 1 ? 'diverges' : 'diverge'} from the harmonised one.`}
      />
      <Confirmation
        message={message ?? flash}
        onDismiss={() => {
          setMessage(null);
          dismissFlash();
        }}
      />
      <div className="variant-grid">
        <HarmonisedCard
          term={t}
          norms={norms.data?.items ?? []}
          canEdit={canEditGlossary(me)}
          onSaved={setMessage}
        />

        <section className="card" aria-labelledby="mine-heading">
          <div className="card-heading">
            <h2 id="mine-heading">{me.participant.name}’s definition</h2>
            {canEdit && !editing ? (
              <button type="button" className="btn btn-sm" onClick={() => setEditing(true)}>
                {mine ? 'Edit' : 'Record yours'}
              </button>
            ) : null}
          </div>
          {editing ? (
            <MyVariantForm
              term={t}
              variant={mine}
              participantName={me.participant.name}
              onDone={(done) => {
                setEditing(false);
                setMessage(done);
              }}
            />
          ) : mine ? (
            <VariantCard variant={mine} mine />
          ) : (
            <p className="muted small">
              {canEdit
                ? 'Your participant has not recorded its own definition of this term.'
                : 'Your participant has not recorded its own definition; its administrators and members can.'}
            </p>
          )}
        </section>
      </div>

      <section className="section" aria-labelledby="variants-heading">
        <div className="section-header">
          <div>
            <h2 id="variants-heading">Other participants’ definitions</h2>
            <p>Diverging ones first, then by similarity to the harmonised text.</p>
          </div>
          <SelectField
            idPrefix="term"
            name="threshold"
            label="Diverging below"
            value={params.get('threshold') ?? ''}
            onChange={(event) =>
              setParams(
                (previous) => {
                  const next = new URLSearchParams(previous);
                  if (event.target.value) next.set('threshold', event.target.value);
                  else next.delete('threshold');
                  return next;
                },
                { replace: true },
              )
            }
          >
            <ThresholdOptions />
          </SelectField>
        </div>
        {others.length === 0 ? (
          <EmptyState icon="users" title="No other definitions yet" headingLevel={3}>
            <p>When participants record their domestic definitions, they appear here.</p>
          </EmptyState>
        ) : (
          <div className="variant-grid">
            {[...others]
              .sort(
                (a, b) => Number(b.diverging) - Number(a.diverging) || a.similarity - b.similarity,
              )
              .map((v) => (
                <VariantCard key={v.participant.id} variant={v} />
              ))}
          </div>
        )}
      </section>
    </>
  );
}
