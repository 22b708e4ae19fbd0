import { isApiError } from '@concord/api-client';
import { useLedgerHead } from '../../api/ledger';
import { PageHeader } from '../../components/page-header';
import { Notice } from '../../components/notice';
import { ErrorState, Loading } from '../../components/states';
import { LedgerEntries } from './ledger-entries';
import { LatestCheckpoint, LogFacts, useHeadCheck } from './log-head';

/** What the ledger is, for someone who will never read RFC 9162. */
export const LEDGER_ABOUT =
  'The ledger is the community’s permanent public record: every signed statement, from a key registration to a commitment or a finding, is added to it and can never be quietly changed or withdrawn. Your browser checks the node’s signatures and proofs itself, so you need not take this server’s word for any of it.';

/** The transparency log: its signed head, the checks this browser made, and recent entries. */
export function LedgerPage() {
  const head = useLedgerHead();
  const check = useHeadCheck(head.data);
  // A node that has not signed its first checkpoint yet answers 404.
  const noCheckpoint = head.isError && isApiError(head.error) && head.error.status === 404;

  return (
    <>
      <PageHeader title="Ledger" description={LEDGER_ABOUT} />
      {head.isPending ? (
        <Loading label="Loading the log’s latest checkpoint…" />
      ) : noCheckpoint ? (
        <Notice tone="info" title="No checkpoint yet">
          <p>
            The node signs its first checkpoint as soon as the first statement is logged. Until then
            there is nothing to verify.
          </p>
        </Notice>
      ) : head.isError ? (
        <ErrorState error={head.error} onRetry={() => void head.refetch()} />
      ) : (
        <div className="stack">
          <LogFacts head={head.data} />
          {check ? <LatestCheckpoint head={head.data} check={check} /> : null}
        </div>
      )}
      <LedgerEntries size={head.data?.size} />
    </>
  );
}
