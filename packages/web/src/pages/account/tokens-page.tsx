import { useState } from 'react';
import type { Token, TokenCreated } from '@concord/api-client';
import { scopeLabel, useMeta } from '../../api/meta';
import { tokenStatus, useTokens } from '../../api/tokens';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/badge';
import { Notice } from '../../components/notice';
import { EmptyState, QueryView, noItems } from '../../components/states';
import { ActionsHeader, DataTable } from '../../components/data-table';
import { DateTime } from '../../components/time';
import { Icon } from '../../components/icons';
import { CreateTokenForm } from './create-token-form';
import { TokenSecret } from './token-secret';
import { RevokeTokenDialog } from './revoke-token-dialog';

const newestFirst = (tokens: readonly Token[]): Token[] =>
  [...tokens].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

export function TokensPage() {
  const meta = useMeta();
  const tokens = useTokens();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const [revoked, setRevoked] = useState<Token | null>(null);

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let the Concord CLI and your own scripts call the API as you. Give each one only the scopes it needs and an expiry date."
        actions={
          creating ? null : (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                setCreated(null);
                setRevoked(null);
                setCreating(true);
              }}
            >
              <Icon name="plus" />
              New token
            </button>
          )
        }
      />
      {created ? <TokenSecret created={created} onDone={() => setCreated(null)} /> : null}
      {revoked ? (
        <Notice tone="success" live onDismiss={() => setRevoked(null)}>
          Token “{revoked.name}” has been revoked. Anything still using it will now be refused.
        </Notice>
      ) : null}
      {creating ? (
        <section
          className="card"
          aria-labelledby="new-token-heading"
          style={{ marginBottom: 'var(--space-8)' }}
        >
          <h2 id="new-token-heading" className="card-title">
            New token
          </h2>
          <CreateTokenForm
            onCreated={(result) => {
              setCreating(false);
              setCreated(result);
            }}
            onCancel={() => setCreating(false)}
          />
        </section>
      ) : null}

      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your tokens</h2>
        <QueryView
          query={tokens}
          loadingLabel="Loading tokens…"
          isEmpty={noItems}
          empty={
            <EmptyState
              icon="key"
              headingLevel={3}
              title="You have no API tokens"
              action={
                creating ? null : (
                  <button type="button" className="btn" onClick={() => setCreating(true)}>
                    Create your first token
                  </button>
                )
              }
            >
              <p>
                Create one when you want the CLI or a script to work with Concord on your behalf.
              </p>
            </EmptyState>
          }
        >
          {(data) => (
            <DataTable
              labelledBy="tokens-heading"
              head={
                <>
                  <th scope="col">Name</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <ActionsHeader />
                </>
              }
            >
              {newestFirst(data.items).map((token) => {
                const status = tokenStatus(token);
                return (
                  <tr key={token.id}>
                    <td>
                      <span className="cell-primary">{token.name}</span>
                      <span className="cell-sub mono">{token.prefix}…</span>
                    </td>
                    <td>{token.scopes.map((scope) => scopeLabel(meta.data, scope)).join(', ')}</td>
                    <td>
                      <StatusBadge status={status} />
                    </td>
                    <td className="nowrap">
                      <DateTime value={token.createdAt} mode="date" />
                    </td>
                    <td className="nowrap">
                      <DateTime value={token.expiresAt} mode="date" empty="Never" />
                    </td>
                    <td className="nowrap">
                      <DateTime value={token.lastUsedAt} mode="relative" empty="Never" />
                    </td>
                    <td className="actions">
                      {status === 'active' ? (
                        <button
                          type="button"
                          className="btn btn-sm btn-danger-outline"
                          onClick={() => {
                            setRevoked(null);
                            setRevoking(token);
                          }}
                        >
                          Revoke<span className="visually-hidden"> token {token.name}</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )}
        </QueryView>
      </section>
      <RevokeTokenDialog
        target={revoking}
        onClose={(token) => {
          setRevoking(null);
          if (token) {
            setRevoked(token);
            if (created?.token.id === token.id) setCreated(null);
          }
        }}
      />
    </>
  );
}
