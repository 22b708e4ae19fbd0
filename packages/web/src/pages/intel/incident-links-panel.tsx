import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  DEFAULT_INTEL_PAGE_SIZE,
  incidentBundleHref,
  objectLabel,
  unlinkFromIncident,
  useIntelCollections,
  useObjectLinks,
} from '../../api/intel';
import type { IntelLink, LinkQuery } from '../../api/intel';
import { queryKeys } from '../../api/query-keys';
import { ActionsHeader, DataTable } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { Confirmation } from '../../components/notice';
import { PagedList } from '../../components/pagination';
import { EmptyState, ErrorState } from '../../components/states';
import { DateTime } from '../../components/time';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { LinkObjectForm } from './link-object-form';
import { TlpBadge } from './tlp-badge';

/**
 * An incident's linked objects: how many of each type (buttons that filter the table), the
 * links a page at a time, removing the caller's own, and the form to link another object.
 */
export function IncidentLinksPanel({
  incidentId,
  collectionId,
}: {
  incidentId: string;
  /** The incident's collection, offered first for new links. */
  collectionId: string;
}) {
  const [type, setType] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [removing, setRemoving] = useState<IntelLink | null>(null);
  const pages = useCursorPagination(type);
  const query: LinkQuery = { limit: DEFAULT_INTEL_PAGE_SIZE };
  if (type) query.type = [type];
  if (pages.cursor) query.cursor = pages.cursor;
  const links = useObjectLinks(incidentId, query);
  // The counts of every type, whatever the filter: the buttons stay put while filtering.
  const all = useObjectLinks(incidentId, { limit: 1 });
  const collections = useIntelCollections();
  const writable = (collections.data ?? [])
    .filter((c) => c.canWrite)
    .sort((a, b) => Number(b.id === collectionId) - Number(a.id === collectionId));

  return (
    <section aria-labelledby="incident-links" className="intel-section">
      <h2 id="incident-links">Linked objects</h2>
      <p className="small muted">
        A link shows here when you may see both the link and the object.{' '}
        <a href={incidentBundleHref(incidentId)} download>
          Download the incident with these links and objects as a STIX bundle
        </a>
      </p>
      <Confirmation message={done} onDismiss={() => setDone(null)} />
      {all.data && all.data.total > 0 ? (
        <div className="intel-type-filters" role="group" aria-label="Show linked objects of a type">
          <ul className="tag-list">
            <li>
              <button
                type="button"
                className="tag tag-button"
                aria-pressed={type === ''}
                onClick={() => setType('')}
              >
                all · {all.data.total}
              </button>
            </li>
            {all.data.counts.map((c) => (
              <li key={c.type}>
                <button
                  type="button"
                  className="tag tag-button"
                  aria-pressed={type === c.type}
                  onClick={() => setType(c.type)}
                >
                  {c.type} · {c.count}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <PagedList
        query={links}
        pages={pages}
        noun={['link', 'links']}
        loadingLabel="Loading the linked objects…"
        empty={
          <EmptyState icon="search" title="No linked objects">
            <p>
              No object you may see is linked to this incident yet. Link the indicators, malware,
              techniques or affected assets below.
            </p>
          </EmptyState>
        }
      >
        {(items) => <LinkTable items={items} onRemove={setRemoving} />}
      </PagedList>
      {collections.isSuccess ? (
        <LinkObjectForm
          incidentId={incidentId}
          collections={writable}
          onLinked={(message) => setDone(message)}
        />
      ) : null}
      <RemoveLinkDialog
        incidentId={incidentId}
        target={removing}
        onClose={(removed) => {
          setRemoving(null);
          if (removed) setDone(`“${objectLabel(removed.object)}” is no longer linked.`);
        }}
      />
    </section>
  );
}

function LinkTable({
  items,
  onRemove,
}: {
  items: readonly IntelLink[];
  onRemove: (link: IntelLink) => void;
}) {
  return (
    <DataTable
      labelledBy="incident-links-caption"
      caption="Objects linked to this incident"
      head={
        <>
          <th scope="col">Object</th>
          <th scope="col">Type</th>
          <th scope="col">Link</th>
          <th scope="col">Object TLP</th>
          <th scope="col">Link TLP</th>
          <th scope="col">Linked</th>
          <ActionsHeader />
        </>
      }
    >
      {items.map((l) => (
        <tr key={l.linkId}>
          <td>
            <Link to={`/intel/objects/${l.object.id}`} className="cell-primary">
              {objectLabel(l.object)}
            </Link>
            {l.description ? <p className="small muted">{l.description}</p> : null}
          </td>
          <td>
            <code className="intel-type nowrap">{l.object.type}</code>
          </td>
          <td>
            <code className="nowrap">{l.relationshipType}</code>
            {l.direction === 'incoming' ? (
              <span className="small muted"> (from the object)</span>
            ) : null}
          </td>
          <td>
            <TlpBadge tlp={l.object.tlp} />
          </td>
          <td>
            <TlpBadge tlp={l.linkTlp} />
          </td>
          <td>
            <DateTime value={l.linkedAt} mode="date" />
          </td>
          <td>
            {l.mine ? (
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                onClick={() => onRemove(l)}
                aria-label={`Remove the link to ${objectLabel(l.object)}`}
              >
                Remove
              </button>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function RemoveLinkDialog({
  incidentId,
  target,
  onClose,
}: {
  incidentId: string;
  target: IntelLink | null;
  onClose: (removed: IntelLink | null) => void;
}) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (link: IntelLink) => unlinkFromIncident(incidentId, link.linkId),
    onSuccess: async (_, link) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.intel.all });
      remove.reset();
      onClose(link);
    },
  });
  const close = () => {
    remove.reset();
    onClose(null);
  };
  return (
    <Dialog
      open={target !== null}
      onClose={close}
      title={`Remove the link to “${target ? objectLabel(target.object) : ''}”?`}
      description="The link’s relationship is revoked in a new version, which every TAXII reader of the collection receives. The object itself stays."
      footer={
        <>
          <button type="button" className="btn btn-ghost" onClick={close} data-autofocus="">
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={remove.isPending}
            onClick={() => target && remove.mutate(target)}
          >
            {remove.isPending ? 'Removing…' : 'Remove the link'}
          </button>
        </>
      }
    >
      {remove.isError ? (
        <ErrorState title="The link could not be removed" error={remove.error} />
      ) : null}
    </Dialog>
  );
}
