import { useState } from 'react';
import type { ReactNode } from 'react';
import { TLP_LABELS, TLP_LEVELS, exportHref } from '../../api/intel';
import type { IntelCollection, Tlp } from '../../api/intel';
import { ChoiceGroup, TextField } from '../../components/field';

/** What an export is narrowed to; empty lists and words mean "everything you can see". */
export interface ExportFilters {
  types: string[];
  tlp: Tlp[];
  q: string;
}

export const NO_EXPORT_FILTERS: ExportFilters = { types: [], tlp: [], q: '' };

/** The export address with the filters as the API's query (`type` and `tlp` repeat). */
export function exportUrl(collectionId: string, filters: ExportFilters): string {
  const params = new URLSearchParams();
  for (const type of filters.types) params.append('type', type);
  for (const tlp of filters.tlp) params.append('tlp', tlp);
  const q = filters.q.trim();
  if (q !== '') params.set('q', q);
  const query = params.toString();
  return query === '' ? exportHref(collectionId) : `${exportHref(collectionId)}?${query}`;
}

const isFiltered = (f: ExportFilters) =>
  f.types.length > 0 || f.tlp.length > 0 || f.q.trim() !== '';

/** The filters in a line, beside the link, so what the download holds is never a surprise. */
function describe(filters: ExportFilters): string {
  const parts: string[] = [];
  if (filters.types.length > 0) parts.push(filters.types.join(', '));
  if (filters.tlp.length > 0) parts.push(filters.tlp.map((t) => TLP_LABELS[t]).join(', '));
  if (filters.q.trim() !== '') parts.push(`matching “${filters.q.trim()}”`);
  return !isFiltered(filters)
    ? 'The export holds every object in this collection you can see.'
    : `The export holds only: ${parts.join('; ')}.`;
}

/**
 * A collection's STIX export, with optional filters (types, TLP levels, words) that the
 * download link carries as its query. `children` are the card's other actions.
 */
export function ExportPanel({
  collection: c,
  children,
}: {
  collection: IntelCollection;
  children?: ReactNode;
}) {
  const [filters, setFilters] = useState<ExportFilters>(NO_EXPORT_FILTERS);
  const idPrefix = `export-${c.id}`;
  const types = c.counts.map((count) => count.type).sort();
  const set = (patch: Partial<ExportFilters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <>
      <details className="disclosure">
        <summary>
          Filter the export<span className="visually-hidden"> of {c.title}</span>
        </summary>
        {types.length > 0 ? (
          <ChoiceGroup
            type="checkbox"
            idPrefix={idPrefix}
            name="type"
            legend="Types"
            hint="None ticked: every type"
            choices={types.map((t) => ({ value: t, label: t }))}
            value={filters.types}
            onChange={(value) => set({ types: value })}
            columns
          />
        ) : null}
        <ChoiceGroup
          type="checkbox"
          idPrefix={idPrefix}
          name="tlp"
          legend="TLP markings"
          hint="None ticked: every marking you may see"
          choices={TLP_LEVELS.map((t) => ({ value: t, label: TLP_LABELS[t] }))}
          value={filters.tlp}
          onChange={(value) => set({ tlp: value })}
          columns
        />
        <TextField
          idPrefix={idPrefix}
          name="q"
          label="Words"
          hint="Objects whose name, description or pattern holds all of them"
          type="search"
          maxLength={200}
          value={filters.q}
          onChange={(event) => set({ q: event.target.value })}
          optional
        />
        {isFiltered(filters) ? (
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            onClick={() => setFilters(NO_EXPORT_FILTERS)}
          >
            Clear the export filters
          </button>
        ) : null}
      </details>
      <p className="small muted" id={`${idPrefix}-summary`}>
        {describe(filters)}
      </p>
      <div className="button-row">
        <a
          className="btn btn-sm"
          href={exportUrl(c.id, filters)}
          download
          aria-describedby={`${idPrefix}-summary`}
        >
          Export as STIX bundle
          <span className="visually-hidden"> ({c.title})</span>
        </a>
        {children}
      </div>
    </>
  );
}
