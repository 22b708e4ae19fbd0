import type { ReactElement } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { PageHeader } from './page-header';
import type { Crumb } from './page-header';
import { ErrorState, Loading } from './states';

/**
 * The page of one record (a user, a participant) until its query has succeeded: a generic
 * heading, say "User", with the breadcrumbs, then a spinner or the error with "Try again".
 *
 *     if (!user.isSuccess) return recordPageFallback(user, { title: 'User', … });
 *
 * A function, not a component, on purpose: the page returns this fragment itself, so when the
 * record arrives React keeps the page heading's element and only changes its text. After a
 * navigation AppShell has moved focus to that heading, and there it stays.
 */
export function recordPageFallback(
  query: UseQueryResult<unknown>,
  {
    title,
    breadcrumbs,
    loadingLabel,
  }: { title: string; breadcrumbs: Crumb[]; loadingLabel: string },
): ReactElement {
  return (
    <>
      <PageHeader title={title} breadcrumbs={breadcrumbs} />
      {query.isPending ? (
        <Loading label={loadingLabel} />
      ) : (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      )}
    </>
  );
}
