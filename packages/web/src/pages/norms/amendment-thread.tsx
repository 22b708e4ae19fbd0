import type { FormEvent } from 'react';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import type { Amendment } from '../../api/norms';
import { TextAreaField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { SubmitButton } from '../../components/form-actions';
import { EmptyState } from '../../components/states';
import { DateTime } from '../../components/time';
import { useForm } from '../../hooks/use-form';
import { useAmendmentAction } from './use-amendment-action';

const FORM = 'comment';

function CommentForm({ amendmentId }: { amendmentId: string }) {
  const form = useForm({ idPrefix: FORM, initial: { body: '' }, labels: { body: 'Comment' } });
  const comment = useAmendmentAction(
    amendmentId,
    (body: string) =>
      unwrap(
        api.POST('/api/v1/norms/amendments/{id}/comments', {
          params: { path: { id: amendmentId } },
          body: { body },
        }),
      ),
    { onSuccess: () => form.reset(), onError: (error) => form.showServerErrors(error) },
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = form.values.body.trim();
    if (form.check([['body', body === '', 'Write your comment first']])) comment.mutate(body);
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="comment-form-heading">
      <h3 id="comment-form-heading" className="subheading">
        Add a comment
      </h3>
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <TextAreaField
        {...form.field('body')}
        label="Comment"
        hint="Visible to everyone in the community, with your participant’s name."
        rows={4}
      />
      <SubmitButton pending={comment.isPending} label="Post comment" pendingLabel="Posting…" />
    </form>
  );
}

/** The discussion of an amendment, oldest first, and the form to join it while it is open. */
export function AmendmentThread({ amendment }: { amendment: Amendment }) {
  return (
    <section className="section" aria-labelledby="thread-heading">
      <h2 id="thread-heading">
        Comments <span className="muted">({amendment.thread.length})</span>
      </h2>
      {amendment.thread.length === 0 ? (
        <EmptyState icon="inbox" title="No comments yet" headingLevel={3}>
          <p>
            {amendment.can.comment
              ? 'Be the first to say what you think of this proposal.'
              : 'Nobody commented on this proposal.'}
          </p>
        </EmptyState>
      ) : (
        <ol className="thread">
          {amendment.thread.map((c) => (
            <li key={c.id} className="thread-item">
              <article aria-label={`Comment by ${c.participantName}`}>
                <header className="thread-meta">
                  <strong>{c.participantName}</strong> <DateTime value={c.createdAt} />
                </header>
                <p className="thread-body">{c.body}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
      {amendment.can.comment ? <CommentForm amendmentId={amendment.id} /> : null}
    </section>
  );
}
