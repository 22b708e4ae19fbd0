import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { useAmendment, useNormVocabulary } from '../../api/norms';
import type { Amendment } from '../../api/norms';
import { PageHeader } from '../../components/page-header';
import { recordPageFallback } from '../../components/record-page-fallback';
import { Badge } from '../../components/badge';
import { Confirmation, Notice } from '../../components/notice';
import { LedgerBadge } from '../../components/ledger-badge';
import { DateTime } from '../../components/time';
import { Icon } from '../../components/icons';
import { describeError } from '../../components/states';
import { useFlash } from '../../hooks/use-flash';
import { useMe } from '../../auth/session';
import { AMENDMENT_KIND_LABELS, AmendmentStatusBadge } from './norm-badges';
import { AmendmentDiff } from './amendment-diff';
import { AmendmentThread } from './amendment-thread';
import { DecisionDialog, WithdrawDialog } from './amendment-dialogs';
import { useAmendmentAction } from './use-amendment-action';

const breadcrumbs = [
  { label: 'Norms', to: '/norms' },
  { label: 'Amendments', to: '/norms/amendments' },
];

function Endorsements({
  amendment: a,
  onEndorsed,
}: {
  amendment: Amendment;
  onEndorsed: () => void;
}) {
  const me = useMe();
  // The server lets a state endorse while the amendment is open; once is enough.
  const mine = a.endorsedBy.find((e) => e.participantId === me.participant.id);
  const endorse = useAmendmentAction(
    a.id,
    () =>
      unwrap(api.POST('/api/v1/norms/amendments/{id}/endorse', { params: { path: { id: a.id } } })),
    { onSuccess: onEndorsed },
  );
  return (
    <section className="card" aria-labelledby="endorsements-heading">
      <h2 className="card-title" id="endorsements-heading">
        Endorsements <span className="muted">({a.endorsedBy.length})</span>
      </h2>
      {a.endorsedBy.length === 0 ? (
        <p className="small muted">No state or regional organisation has endorsed it yet.</p>
      ) : (
        <ul className="plain-list">
          {a.endorsedBy.map((e) => (
            <li key={e.participantId}>
              <strong>{e.name}</strong>
              {e.countryCode ? <span className="muted"> ({e.countryCode})</span> : null}
              <span className="cell-sub">
                <DateTime value={e.at} mode="date" />
              </span>
            </li>
          ))}
        </ul>
      )}
      {mine ? (
        <p className="card-footer">
          <Icon name="check" /> Your participant endorsed it on{' '}
          <DateTime value={mine.at} mode="date" />.
        </p>
      ) : a.can.endorse ? (
        <div className="card-footer">
          {endorse.isError ? (
            <Notice tone="danger" live>
              {describeError(endorse.error).message}
            </Notice>
          ) : null}
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => endorse.mutate(undefined)}
            disabled={endorse.isPending}
          >
            <Icon name="check" />
            {endorse.isPending ? 'Endorsing…' : 'Endorse on behalf of your participant'}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function Outcome({ amendment: a }: { amendment: Amendment }) {
  if (a.status === 'open') return null;
  const tone = a.status === 'adopted' ? 'success' : a.status === 'rejected' ? 'danger' : 'info';
  const title =
    a.status === 'adopted'
      ? `Adopted${a.resultingVersion !== null ? `: now version ${a.resultingVersion} of ${a.normId}` : ''}`
      : a.status === 'rejected'
        ? 'Rejected by the secretariat'
        : 'Withdrawn by its proposer';
  return (
    <Notice tone={tone} title={title}>
      {a.decisionReason ? <p>{a.decisionReason}</p> : null}
      <p className="small">
        {a.decidedAt ? <DateTime value={a.decidedAt} /> : null}
        {a.status === 'adopted' || a.status === 'rejected' ? (
          <>
            {' '}
            <LedgerBadge index={a.ledgerIndex} />
          </>
        ) : null}
      </p>
    </Notice>
  );
}

/** One amendment: what it changes, why, who endorsed it, the discussion and the decision. */
export function AmendmentPage() {
  const { amendmentId = '' } = useParams();
  const amendment = useAmendment(amendmentId);
  const vocabulary = useNormVocabulary();
  const [flash, dismissFlash] = useFlash();
  const [message, setMessage] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'withdraw' | 'decide' | null>(null);

  if (!amendment.isSuccess) {
    return recordPageFallback(amendment, {
      title: 'Amendment',
      breadcrumbs,
      loadingLabel: 'Loading amendment…',
    });
  }
  const a = amendment.data;
  return (
    <>
      <PageHeader
        title={a.title}
        breadcrumbs={breadcrumbs}
        meta={
          <>
            <Badge tone="neutral">{AMENDMENT_KIND_LABELS[a.kind]}</Badge>
            <AmendmentStatusBadge status={a.status} />
          </>
        }
        description={
          <>
            Proposed by {a.proposedBy.name} on <DateTime value={a.createdAt} mode="date" />, for{' '}
            <Link to={`/norms/${a.normId}`} className="mono">
              {a.normId}
            </Link>
            {a.baseVersion !== null ? ` (version ${a.baseVersion})` : ''}.
          </>
        }
        documentTitle={`Amendment: ${a.title}`}
        actions={
          a.can.decide || a.can.withdraw ? (
            <>
              {a.can.decide ? (
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => setDialog('decide')}
                >
                  Record decision
                </button>
              ) : null}
              {a.can.withdraw ? (
                <button
                  type="button"
                  className="btn btn-danger-outline"
                  onClick={() => setDialog('withdraw')}
                >
                  Withdraw
                </button>
              ) : null}
            </>
          ) : null
        }
      />
      <Confirmation message={flash} onDismiss={dismissFlash} />
      <Confirmation message={message} onDismiss={() => setMessage(null)} />
      <Outcome amendment={a} />

      <div className="two-col">
        <section className="card" aria-labelledby="change-heading">
          <h2 className="card-title" id="change-heading">
            {a.kind === 'new'
              ? 'The proposed norm'
              : a.kind === 'change'
                ? 'The proposed change'
                : 'The proposed retirement'}
          </h2>
          <AmendmentDiff amendment={a} vocabulary={vocabulary.data} />
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="rationale-heading">
            <h2 className="card-title" id="rationale-heading">
              Rationale
            </h2>
            <p className="norm-text">{a.rationale}</p>
          </section>
          <Endorsements
            amendment={a}
            onEndorsed={() => setMessage('Your participant now endorses this amendment.')}
          />
        </div>
      </div>

      <AmendmentThread amendment={a} />

      <WithdrawDialog
        amendment={a}
        open={dialog === 'withdraw'}
        onClose={(done) => {
          setDialog(null);
          if (done) setMessage('The amendment has been withdrawn.');
        }}
      />
      <DecisionDialog
        amendment={a}
        open={dialog === 'decide'}
        onClose={(decision) => {
          setDialog(null);
          if (decision) {
            setMessage(
              decision === 'adopted'
                ? 'The amendment has been adopted and the decision added to the ledger.'
                : 'The amendment has been rejected; the decision is in the ledger.',
            );
          }
        }}
      />
    </>
  );
}
