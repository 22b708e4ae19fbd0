import { useEffect, useRef, useState } from 'react';
import { COMMUNITY_KIND_LABELS, useIntelCommunities } from '../../api/intel';
import type { IntelCommunity } from '../../api/intel';
import { useMe } from '../../auth/session';
import { canManageIntelCommunities } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryView } from '../../components/states';
import { DataTable } from '../../components/data-table';
import { Badge } from '../../components/badge';
import { Confirmation } from '../../components/notice';
import { IntelTabs } from './intel-tabs';
import { CommunityForm } from './community-form';
import { CollectionForm } from './collection-form';
import { MembersEditor } from './members-editor';

/** Sharing communities: who is in each, with what rights, and the collections they share. */
export function CommunitiesPage() {
  const me = useMe();
  const communities = useIntelCommunities();
  const admin = canManageIntelCommunities(me);
  return (
    <>
      <PageHeader
        title="Sharing communities"
        description={
          admin
            ? 'Every sharing community on this node. Members read and, where allowed, write to the community’s collections.'
            : 'The sharing communities your organisation belongs to, their members and their collections.'
        }
      />
      <IntelTabs />
      <QueryView
        query={communities}
        loadingLabel="Loading communities…"
        isEmpty={(data) => data.length === 0}
        empty={
          <EmptyState icon="users" title="No communities yet">
            <p>
              {admin
                ? 'Create the first community below.'
                : 'Your organisation is not a member of any sharing community yet.'}
            </p>
          </EmptyState>
        }
      >
        {(data) => (
          <div className="intel-communities">
            {data.map((c) => (
              <CommunityCard key={c.id} community={c} canEdit={admin && c.kind !== 'all-members'} />
            ))}
          </div>
        )}
      </QueryView>
      {admin ? (
        <div className="intel-admin">
          <CommunityForm />
          {communities.data && communities.data.length > 0 ? (
            <CollectionForm communities={communities.data} />
          ) : null}
        </div>
      ) : null}
    </>
  );
}

/**
 * One community with its members; `canEdit` (the secretariat's administrators, for group and
 * bilateral communities: the server's communityPolicy) adds the members editor.
 */
function CommunityCard({ community: c, canEdit }: { community: IntelCommunity; canEdit: boolean }) {
  const titleId = `community-${c.id}`;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Closing the editor (saved or cancelled) puts the focus back on the button that opened it.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  return (
    <section className="card intel-community" aria-labelledby={titleId}>
      <h2 id={titleId}>{c.name}</h2>
      <div className="badge-list">
        <Badge tone="info">{COMMUNITY_KIND_LABELS[c.kind]}</Badge>
        <Badge>
          {c.collections.length} {c.collections.length === 1 ? 'collection' : 'collections'}
        </Badge>
      </div>
      {c.description ? <p className="small">{c.description}</p> : null}
      {c.collections.length > 0 ? (
        <p className="small">Collections: {c.collections.map((col) => col.title).join(', ')}</p>
      ) : null}
      <Confirmation message={saved} onDismiss={() => setSaved(null)} />
      {editing ? (
        <MembersEditor
          community={c}
          onSaved={(message) => {
            setEditing(false);
            setSaved(message);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : c.kind === 'all-members' && c.members.length === 0 ? (
        <p className="small muted">Every participant of the regime reads and writes.</p>
      ) : (
        <DataTable
          labelledBy={`${titleId}-members`}
          caption={`Members of ${c.name}`}
          head={
            <>
              <th scope="col">Member</th>
              <th scope="col">Read</th>
              <th scope="col">Write</th>
            </>
          }
        >
          {c.members.map((m) => (
            <tr key={m.participantId}>
              <td>{m.name}</td>
              <td>{m.canRead ? 'Yes' : 'No'}</td>
              <td>{m.canWrite ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {canEdit && !editing ? (
        <div className="button-row">
          <button
            type="button"
            className="btn btn-sm"
            ref={editButton}
            onClick={() => {
              setSaved(null);
              setEditing(true);
            }}
          >
            Edit the members<span className="visually-hidden"> of {c.name}</span>
          </button>
        </div>
      ) : null}
    </section>
  );
}
