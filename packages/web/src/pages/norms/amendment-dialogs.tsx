import type { FormEvent } from 'react';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import type { Amendment } from '../../api/norms';
import { Dialog } from '../../components/dialog';
import { ChoiceGroup, TextAreaField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { SubmitButton } from '../../components/form-actions';
import { useForm } from '../../hooks/use-form';
import { useAmendmentAction } from './use-amendment-action';

const WITHDRAW = 'withdraw';

/** The proposer takes the amendment back; the reason stays on record. */
export function WithdrawDialog({
  amendment,
  open,
  onClose,
}: {
  amendment: Amendment;
  open: boolean;
  onClose: (done: boolean) => void;
}) {
  const form = useForm({
    idPrefix: WITHDRAW,
    initial: { reason: '' },
    labels: { reason: 'Reason' },
  });
  const close = (done: boolean) => {
    form.reset();
    onClose(done);
  };
  const withdraw = useAmendmentAction(
    amendment.id,
    (reason: string) =>
      unwrap(
        api.POST('/api/v1/norms/amendments/{id}/withdraw', {
          params: { path: { id: amendment.id } },
          body: { reason },
        }),
      ),
    { onSuccess: () => close(true), onError: (error) => form.showServerErrors(error) },
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = form.values.reason.trim();
    if (form.check([['reason', reason.length < 3, 'Say why you withdraw the proposal']])) {
      withdraw.mutate(reason);
    }
  };
  return (
    <Dialog
      open={open}
      onClose={() => close(false)}
      title="Withdraw this amendment?"
      description="It will be closed for comments and endorsements. It stays on record with your reason."
    >
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={form.errors} idPrefix={WITHDRAW} />
        <TextAreaField {...form.field('reason')} label="Reason" rows={3} data-autofocus="" />
        <div className="button-row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn btn-ghost" onClick={() => close(false)}>
            Keep it open
          </button>
          <SubmitButton
            className="btn btn-danger"
            pending={withdraw.isPending}
            label="Withdraw amendment"
            pendingLabel="Withdrawing…"
          />
        </div>
      </form>
    </Dialog>
  );
}

const DECIDE = 'decide';
type Decision = 'adopted' | 'rejected' | '';

/** The secretariat's decision, with the reason that goes into the ledger with it. */
export function DecisionDialog({
  amendment,
  open,
  onClose,
}: {
  amendment: Amendment;
  open: boolean;
  onClose: (decision: 'adopted' | 'rejected' | null) => void;
}) {
  const form = useForm<{ decision: Decision; reason: string }>({
    idPrefix: DECIDE,
    initial: { decision: '', reason: '' },
    labels: { decision: 'Decision', reason: 'Reason' },
  });
  const close = (decision: 'adopted' | 'rejected' | null) => {
    form.reset();
    onClose(decision);
  };
  const decide = useAmendmentAction(
    amendment.id,
    (body: { decision: 'adopted' | 'rejected'; reason: string }) =>
      unwrap(
        api.POST('/api/v1/norms/amendments/{id}/decision', {
          params: { path: { id: amendment.id } },
          body,
        }),
      ),
    {
      onSuccess: (a) => close(a.status === 'adopted' ? 'adopted' : 'rejected'),
      onError: (error) => form.showServerErrors(error, { AMENDMENT_STALE: 'decision' }),
    },
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { decision } = form.values;
    const reason = form.values.reason.trim();
    const valid = form.check([
      ['decision', decision === '', 'Choose whether the amendment is adopted or rejected'],
      ['reason', reason.length < 3, 'Give the reason for the decision'],
    ]);
    if (valid && decision !== '') decide.mutate({ decision, reason });
  };
  const effect =
    amendment.kind === 'new'
      ? 'Adopting adds the norm to the catalogue as version 1.'
      : amendment.kind === 'change'
        ? `Adopting makes this version ${(amendment.baseVersion ?? 0) + 1} of ${amendment.normId}.`
        : `Adopting retires ${amendment.normId}.`;
  return (
    <Dialog
      open={open}
      onClose={() => close(null)}
      title="Record the decision"
      description={`${effect} The decision and its reason are signed by this node and added to the ledger; they cannot be changed afterwards.`}
    >
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={form.errors} idPrefix={DECIDE} />
        <ChoiceGroup
          {...form.radios('decision')}
          value={form.values.decision === '' ? [] : [form.values.decision]}
          legend="Decision"
          choices={[
            { value: 'adopted', label: 'Adopt' },
            { value: 'rejected', label: 'Reject' },
          ]}
        />
        <TextAreaField
          {...form.field('reason')}
          label="Reason"
          hint="Published with the decision, e.g. the meeting and the consensus reached."
          rows={4}
        />
        <div className="button-row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn btn-ghost" onClick={() => close(null)}>
            Cancel
          </button>
          <SubmitButton
            pending={decide.isPending}
            label="Record decision"
            pendingLabel="Recording…"
          />
        </div>
      </form>
    </Dialog>
  );
}
