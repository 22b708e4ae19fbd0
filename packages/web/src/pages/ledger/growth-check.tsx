import { useEffect, useState } from 'react';
import type { LedgerHead } from '../../api/ledger';
import { useLedgerConsistency } from '../../api/ledger';
import { Notice } from '../../components/notice';
import { describeError } from '../../components/states';
import { DateTime } from '../../components/time';
import { checkGrowth, compareWithRemembered, parseRemembered } from '../../lib/ledger';
import type { RememberedCheckpoint } from '../../lib/ledger';

/** Per node key, so two nodes' logs are never compared with each other. */
const storageKey = (verifierKey: string): string => `concord.ledger.seen:${verifierKey}`;

function recall(key: string): RememberedCheckpoint | null {
  try {
    return parseRemembered(window.localStorage.getItem(key));
  } catch {
    return null; // storage switched off: every visit is a first visit
  }
}

function remember(key: string, value: RememberedCheckpoint): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the check simply starts afresh next time.
  }
}

const now = (): string => new Date().toISOString();

const entries = (n: number): string => `${n.toLocaleString()} ${n === 1 ? 'entry' : 'entries'}`;

/**
 * The append-only check a log's readers make: this browser remembers the last checkpoint it
 * verified and, next time, verifies a consistency proof from that tree to the current one.
 * A log that shrank or rewrote its history fails loudly.
 */
export function GrowthCheck({ head }: { head: LedgerHead }) {
  const key = storageKey(head.verifierKey);
  const [previous, setPrevious] = useState(() => recall(key));
  // On a first visit, a checkpoint that arrives while the page is open is checked against the
  // one the page opened with.
  const [openedWith] = useState(() => ({ size: head.size, root: head.root, seenAt: now() }));
  const current = { size: head.size, root: head.root };
  const firstVisit =
    previous === null && current.size === openedWith.size && current.root === openedWith.root;
  const comparison = firstVisit
    ? compareWithRemembered(null, current)
    : compareWithRemembered(previous ?? openedWith, current);
  const consistency = useLedgerConsistency(
    comparison.status === 'needs-proof'
      ? { from: comparison.previous.size, to: current.size }
      : null,
  );
  const growth =
    comparison.status === 'needs-proof' && consistency.data
      ? checkGrowth(comparison.previous, current, consistency.data.hashes)
      : null;
  const good =
    comparison.status === 'first' || comparison.status === 'unchanged' || growth?.ok === true;

  useEffect(() => {
    if (good) remember(key, { size: head.size, root: head.root, seenAt: now() });
  }, [good, key, head.size, head.root]);

  const startOver = (
    <p>
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => {
          const trusted = { size: head.size, root: head.root, seenAt: now() };
          remember(key, trusted);
          setPrevious(trusted);
        }}
      >
        Trust the current checkpoint from now on
      </button>
    </p>
  );

  let body;
  switch (comparison.status) {
    case 'first':
      body = (
        <p className="small muted">
          This browser now remembers this checkpoint. On your next visit it will check that the log
          has only grown since, and that nothing already logged was changed.
        </p>
      );
      break;
    case 'unchanged':
      body = (
        <Notice tone="success">
          <p>
            Unchanged since this browser last checked it,{' '}
            <DateTime value={comparison.previous.seenAt} mode="relative" />.
          </p>
        </Notice>
      );
      break;
    case 'shrunk':
      body = (
        <Notice tone="danger" title="The log has shrunk" live>
          <p>
            When this browser last checked it (<DateTime value={comparison.previous.seenAt} />) the
            log held {entries(comparison.previous.size)}; the node now signs a log of{' '}
            {entries(current.size)}. A transparency log may only grow: tell the secretariat.
          </p>
          {startOver}
        </Notice>
      );
      break;
    case 'forked':
      body = (
        <Notice tone="danger" title="The log’s history was rewritten" live>
          <p>
            For the same {entries(current.size)} the node signed a different root hash when this
            browser last checked it (<DateTime value={comparison.previous.seenAt} />
            ). Tell the secretariat.
          </p>
          {startOver}
        </Notice>
      );
      break;
    case 'needs-proof':
      if (consistency.isPending) {
        body = (
          <p className="small muted">Checking that the log only grew since your last visit…</p>
        );
      } else if (consistency.isError) {
        body = (
          <Notice tone="warning" title="The append-only check could not be made">
            <p>{describeError(consistency.error).message}</p>
            <p>
              <button
                type="button"
                className="btn btn-sm"
                onClick={() => void consistency.refetch()}
              >
                Try again
              </button>
            </p>
          </Notice>
        );
      } else if (growth?.ok) {
        body = (
          <Notice tone="success" title="Only appended to" live>
            <p>
              Since this browser last checked it (
              <DateTime value={comparison.previous.seenAt} />, at{' '}
              {entries(comparison.previous.size)}),{' '}
              {entries(current.size - comparison.previous.size)}{' '}
              {current.size - comparison.previous.size === 1 ? 'was' : 'were'} added and nothing
              earlier was changed: your browser verified the consistency proof.
            </p>
          </Notice>
        );
      } else {
        body = (
          <Notice tone="danger" title="The log does not extend the one seen before" live>
            <p>
              The consistency proof from the {entries(comparison.previous.size)} this browser saw (
              <DateTime value={comparison.previous.seenAt} />) fails because{' '}
              {growth?.reason ?? 'it is missing'}. Tell the secretariat.
            </p>
            {startOver}
          </Notice>
        );
      }
      break;
  }

  return (
    <>
      <h3 className="subheading">Append-only check</h3>
      {body}
    </>
  );
}
