import type { ComponentProps } from 'react';
import { Link } from 'react-router';
import { COMMON_STIX_TYPES, TLP_LABELS, TLP_LEVELS, objectLabel } from '../../api/intel';
import type { IntelCollection, IntelObjectSummary } from '../../api/intel';
import { SelectField } from '../../components/field';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/time';
import { Badge } from '../../components/badge';
import { TlpBadge } from './tlp-badge';

type Summary = Pick<
  IntelObjectSummary,
  'id' | 'type' | 'name' | 'tlp' | 'dateAdded' | 'revoked'
> & {
  collectionId?: string;
};

/** The STIX type filter of an object list ("All types" and the common types). */
export function TypeSelect(props: Omit<ComponentProps<typeof SelectField>, 'label'>) {
  return (
    <SelectField {...props} label="Type">
      <option value="">All types</option>
      {COMMON_STIX_TYPES.map((type) => (
        <option key={type} value={type}>
          {type}
        </option>
      ))}
    </SelectField>
  );
}

/** The collection filter of a list: "All collections" and those the caller reads. */
export function CollectionSelect({
  collections,
  ...props
}: Omit<ComponentProps<typeof SelectField>, 'label'> & {
  collections: readonly Pick<IntelCollection, 'id' | 'title'>[] | undefined;
}) {
  return (
    <SelectField {...props} label="Collection">
      <option value="">All collections</option>
      {collections?.map((c) => (
        <option key={c.id} value={c.id}>
          {c.title}
        </option>
      ))}
    </SelectField>
  );
}

/** The TLP filter of a list: "Any marking" and the five TLP 2.0 levels. */
export function TlpSelect(props: Omit<ComponentProps<typeof SelectField>, 'label'>) {
  return (
    <SelectField {...props} label="TLP">
      <option value="">Any marking</option>
      {TLP_LEVELS.map((tlp) => (
        <option key={tlp} value={tlp}>
          {TLP_LABELS[tlp]}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * A table of STIX objects: name (linked to `hrefOf`), type, TLP, the collection when
 * `collectionOf` is given, and when it was added.
 */
export function ObjectTable<T extends Summary>({
  items,
  labelledBy,
  caption,
  hrefOf,
  collectionOf,
}: {
  items: readonly T[];
  labelledBy: string;
  caption: string;
  hrefOf: (o: T) => string;
  collectionOf?: (o: T) => string;
}) {
  return (
    <DataTable
      labelledBy={labelledBy}
      caption={caption}
      head={
        <>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">TLP</th>
          {collectionOf ? <th scope="col">Collection</th> : null}
          <th scope="col">Added</th>
        </>
      }
    >
      {items.map((o) => (
        <tr key={`${o.collectionId ?? ''}/${o.id}`}>
          <td>
            <Link to={hrefOf(o)} className="cell-primary">
              {objectLabel(o)}
            </Link>
            {o.revoked ? <Badge tone="danger">Revoked</Badge> : null}
          </td>
          <td>
            <code className="intel-type">{o.type}</code>
          </td>
          <td>
            <TlpBadge tlp={o.tlp} />
          </td>
          {collectionOf ? <td>{collectionOf(o)}</td> : null}
          <td>
            <DateTime value={o.dateAdded} mode="date" />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
