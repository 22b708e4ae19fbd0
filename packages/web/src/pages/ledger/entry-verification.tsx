import type { LedgerEntry } from '../../api/ledger';
import { Icon } from '../../components/icons';
import type { IconName } from '../../components/icons';
import { Notice } from '../../components/notice';
import { base64ToHex } from '../../lib/ledger';
import type { EntryVerification, StepStatus } from '../../lib/ledger';

const STATUS: Record<StepStatus, { icon: IconName; text: string }> = {
  passed: { icon: 'checkCircle', text: 'Passed' },
  failed: { icon: 'alert', text: 'Failed' },
  skipped: { icon: 'info', text: 'Not checked' },
};

function Verdict({ entry, result }: { entry: LedgerEntry; result: EntryVerification }) {
  if (result.verified) {
    const signed = result.steps.find((s) => s.id === 'statement')?.status === 'passed';
    return (
      <Notice tone="success" title="Verified in your browser: this entry is in the log" live>
        <p>
          Its record hashes to its leaf, the proof leads from that leaf to the root of the tree of{' '}
          {entry.proof.treeSize.toLocaleString()} entries, and the node signed a checkpoint for
          exactly that tree.
          {signed ? ' The statement’s own signature verifies too.' : ''}
        </p>
      </Notice>
    );
  }
  const failed = result.steps.find((s) => s.status === 'failed');
  return (
    <Notice
      tone="danger"
      title={
        result.included
          ? 'The entry is in the log, but its statement’s signature does not verify'
          : 'Not verified: this browser could not confirm the entry is in the log'
      }
      live
    >
      {failed ? (
        <p>
          <strong>Failed: {failed.label}.</strong> {failed.detail}
        </p>
      ) : null}
    </Notice>
  );
}

/**
 * What this browser checked about one entry, step by step, with the raw proof for anyone who
 * wants to check it again elsewhere.
 */
export function EntryVerificationPanel({
  entry,
  result,
}: {
  entry: LedgerEntry;
  result: EntryVerification;
}) {
  return (
    <section className="card" aria-labelledby="verification-heading">
      <h2 className="card-title" id="verification-heading">
        Verification
      </h2>
      <Verdict entry={entry} result={result} />
      <ol className="verify-steps">
        {result.steps.map((step) => (
          <li key={step.id} className={`verify-step verify-step--${step.status}`}>
            <Icon name={STATUS[step.status].icon} />
            <div>
              <strong>
                <span className="visually-hidden">{STATUS[step.status].text}: </span>
                {step.label}
              </strong>
              <span className="verify-step-status" aria-hidden="true">
                {STATUS[step.status].text}
              </span>
              <p>{step.detail}</p>
            </div>
          </li>
        ))}
      </ol>
      <details className="disclosure">
        <summary>
          Inclusion proof ({entry.proof.hashes.length}{' '}
          {entry.proof.hashes.length === 1 ? 'hash' : 'hashes'})
        </summary>
        <dl className="details details--stacked">
          <dt>Leaf index</dt>
          <dd>{entry.index}</dd>
          <dt>Tree size</dt>
          <dd>{entry.proof.treeSize.toLocaleString()}</dd>
          <dt>Root hash</dt>
          <dd className="mono">{base64ToHex(entry.proof.root)}</dd>
          <dt>Proof hashes, from the leaf upwards</dt>
          <dd>
            {entry.proof.hashes.length === 0 ? (
              <span className="muted">None: the entry is the whole tree.</span>
            ) : (
              <ol className="hash-list">
                {entry.proof.hashes.map((hash, i) => (
                  <li key={i} className="mono">
                    {base64ToHex(hash)}
                  </li>
                ))}
              </ol>
            )}
          </dd>
        </dl>
      </details>
      <details className="disclosure">
        <summary>Signed checkpoint the proof is checked against</summary>
        <pre className="code-block note-text">{entry.checkpoint}</pre>
      </details>
    </section>
  );
}
