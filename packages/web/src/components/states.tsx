import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '@concord/api-client';
import { Icon } from './icons';
import type { IconName } from './icons';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({
  title,
  children,
  icon = 'inbox',
  action,
  headingLevel = 2,
}: {
  title: string;
  children?: ReactNode;
  icon?: IconName;
  action?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      <Icon name={icon} className="empty-state-icon" />
      <Heading>{title}</Heading>
      {children}
      {action ? <div>{action}</div> : null}
    </div>
  );
}

/** Human wording for an error from a query, with the request id support staff will ask for. */
export function describeError(error: unknown): { message: string; requestId: string | null } {
  if (isApiError(error)) {
    if (error.code === 'FORBIDDEN' || error.status === 403) {
      return {
        message: error.detail || 'You do not have permission to see this.',
        requestId: error.requestId,
      };
    }
    if (error.code === 'NOT_FOUND' || error.status === 404) {
      return { message: error.detail || 'This record does not exist.', requestId: error.requestId };
    }
    return {
      message: error.detail || error.title || 'Something went wrong.',
      requestId: error.requestId,
    };
  }
  return { message: 'Something went wrong. Try again in a moment.', requestId: null };
}

export function ErrorState({
  title = 'This could not be loaded',
  error,
  onRetry,
}: {
  title?: string;
  error: unknown;
  onRetry?: () => void;
}) {
  const { message, requestId } = describeError(error);
  return (
    <div className="notice notice--danger" role="alert">
      <Icon name="alert" />
      <div className="notice-body">
        <strong className="notice-title">{title}</strong>
        <p>{message}</p>
        {requestId ? <span className="request-id">Reference: {requestId}</span> : null}
        {onRetry ? (
          <p>
            <button type="button" className="btn btn-sm" onClick={onRetry}>
              Try again
            </button>
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** For `QueryView`'s `isEmpty`: a list response with no items. */
export const noItems = (data: { items: readonly unknown[] }): boolean => data.items.length === 0;

/**
 * A query's data once it has arrived: a spinner while it loads, the error (with "Try again"
 * unless `retry` is false) if it failed, `empty` when `isEmpty` says there is nothing to show,
 * and otherwise whatever `children` makes of the data.
 */
export function QueryView<T>({
  query,
  loadingLabel,
  isEmpty,
  empty,
  retry = true,
  children,
}: {
  query: UseQueryResult<T>;
  loadingLabel: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  retry?: boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) {
    return (
      <ErrorState error={query.error} onRetry={retry ? () => void query.refetch() : undefined} />
    );
  }
  return isEmpty?.(query.data) ? empty : children(query.data);
}
