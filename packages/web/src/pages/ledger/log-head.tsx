import { useMemo } from 'react';
import type { LedgerHead } from '../../api/ledger';
import { CopyButton } from '../../components/copy-button';
import { DateTime } from '../../components/time';
import { Notice } from '../../components/notice';
import { base64ToHex, checkHead, parseSignatureLine } from '../../lib/ledger';
import type { CheckpointCheck } from '../../lib/ledger';
import { CheckpointBadge } from './checkpoint-badge';
import { GrowthCheck } from './growth-check';

/** Checks the head's signature once per checkpoint, not on every render. */
export function useHeadCheck(head: LedgerHead | undefined): CheckpointCheck | null {
  return useMemo(() => (head ? checkHead(head) : null), [head]);
}

/** The log's current size and root, and the key to check its checkpoints with. */
export function LogFacts({ head }: { head: LedgerHead }) {
  return (
    <section className="card" aria-labelledby="log-facts-heading">
      <h2 className="card-title" id="log-facts-heading">
        The log now
      </h2>
      <dl className="details">
        <dt>Log</dt>
        <dd className="mono">{head.origin}</dd>
        <dt>Entries</dt>
        <dd>{head.size.toLocaleString()}</dd>
        <dt>Root hash</dt>
        <dd>
          <span className="mono hash">{base64ToHex(head.root)}</span>
          <span className="cell-sub">SHA-256 Merkle tree head over every entry (RFC 9162)</span>
        </dd>
        <dt>Last checkpoint</dt>
        <dd>
          <DateTime value={head.updatedAt} />
        </dd>
        <dt>Verifier key</dt>
        <dd>
          <div className="key-line">
            <span className="mono" id="verifier-key">
              {head.verifierKey}
            </span>
            <CopyButton text={head.verifierKey} label="Copy key" />
          </div>
          <span className="cell-sub">
            The node’s public key. Compare it with the key the secretariat publishes elsewhere: a
            checkpoint is only as trustworthy as the key that signed it.
          </span>
        </dd>
      </dl>
    </section>
  );
}

/** The signed checkpoint as published, what this browser made of it, and its witnesses. */
export function LatestCheckpoint({ head, check }: { head: LedgerHead; check: CheckpointCheck }) {
  const witnesses = head.cosignatures.map(parseSignatureLine);
  return (
    <section className="card" aria-labelledby="checkpoint-heading">
      <div className="card-heading">
        <h2 id="checkpoint-heading">Latest signed checkpoint</h2>
        <CheckpointBadge check={check} />
      </div>
      {check.ok ? (
        <p className="small muted">
          Your browser checked the node’s Ed25519 signature on this checkpoint against the verifier
          key, so the size and root hash above are the ones the node signed.
        </p>
      ) : (
        <Notice tone="danger" title="This checkpoint could not be verified">
          <p>
            The node’s signature was not accepted because {check.reason}. Do not rely on the figures
            above, and tell the secretariat.
          </p>
        </Notice>
      )}
      <pre className="code-block note-text">{head.checkpoint}</pre>

      <h3 className="subheading">
        Witness cosignatures{' '}
        <span className="muted" style={{ fontWeight: 400 }}>
          ({witnesses.length})
        </span>
      </h3>
      {witnesses.length === 0 ? (
        <p className="small muted">
          No witnesses configured. Other nodes can cosign this log’s checkpoints to confirm they saw
          the same history.
        </p>
      ) : (
        <>
          <p className="small muted">
            Other nodes that saw this checkpoint and vouch that the log only grew. Their keys are
            not known to this browser, so their signatures are listed, not checked.
          </p>
          <ul className="plain-list">
            {witnesses.map((witness) => (
              <li key={`${witness.name} ${witness.signature}`}>
                <strong className="mono">{witness.name}</strong>
                <span className="cell-sub mono">{witness.signature}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {check.ok ? <GrowthCheck key={head.verifierKey} head={head} /> : null}
    </section>
  );
}
