import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  INCIDENT_LINK_TYPES,
  STIX_ID_PATTERN,
  TLP_LABELS,
  TLP_LEVELS,
  isLinkable,
  isTlp,
  linkToIncident,
  objectLabel,
  useIntelObjects,
} from '../../api/intel';
import type { IntelCollection, IntelObjectSummary, LinkRequest } from '../../api/intel';
import { queryKeys } from '../../api/query-keys';
import { SelectField, TextField } from '../../components/field';
import { ErrorState } from '../../components/states';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { TlpBadge } from './tlp-badge';

const FORM = 'link-object';
const RESULTS = 8;

/**
 * Link another object to an incident: find it by name, pattern or value (or paste its STIX
 * id), choose how it relates and, if need be, the link's own TLP and collection.
 */
export function LinkObjectForm({
  incidentId,
  collections,
  onLinked,
}: {
  incidentId: string;
  /** The collections the caller may write to, the incident's first. */
  collections: readonly IntelCollection[];
  onLinked: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [relationshipType, setRelationshipType] = useState<string>(INCIDENT_LINK_TYPES[0]);
  const [tlp, setTlp] = useState('');
  const [collectionId, setCollectionId] = useState(collections[0]?.id ?? '');
  const q = useDebouncedValue(text.trim());
  const pastedId = STIX_ID_PATTERN.test(q) ? q : null;
  const searching = q.length >= 2 && pastedId === null;
  const found = useIntelObjects({ q, limit: RESULTS * 2 }, searching);
  const results = (found.data?.items ?? [])
    .filter((o) => isLinkable(o.type) && o.id !== incidentId)
    .filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i)
    .slice(0, RESULTS);

  const link = useMutation({
    mutationFn: (target: { id: string; label: string }) => {
      const body: LinkRequest = { objectId: target.id, relationshipType };
      if (isTlp(tlp)) body.tlp = tlp;
      if (collectionId) body.collectionId = collectionId;
      return linkToIncident(incidentId, body);
    },
    onSuccess: async (result, target) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.intel.object(incidentId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.intel.object(target.id) });
      await queryClient.invalidateQueries({ queryKey: ['intel', 'incidents'] });
      onLinked(
        result.created
          ? `“${target.label}” is now linked to this incident.`
          : `“${target.label}” was already linked this way.`,
      );
      setText('');
    },
  });

  if (collections.length === 0) {
    return (
      <p className="muted">
        You cannot link objects: none of your communities lets your organisation write to a
        collection.
      </p>
    );
  }

  const pick = (o: Pick<IntelObjectSummary, 'id' | 'type' | 'name'>) =>
    link.mutate({ id: o.id, label: objectLabel(o) });

  return (
    <div className="intel-form" role="group" aria-labelledby="link-object-title">
      <h3 id="link-object-title">Link an object</h3>
      {link.isError ? (
        <ErrorState title="The object could not be linked" error={link.error} />
      ) : null}
      <div className="intel-form-grid">
        <TextField
          idPrefix={FORM}
          name="q"
          label="Find an object"
          hint="A name, pattern or value, or a STIX id such as indicator--…"
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          idPrefix={FORM}
          name="relationshipType"
          label="How it relates"
          value={relationshipType}
          onChange={(event) => setRelationshipType(event.target.value)}
        >
          {INCIDENT_LINK_TYPES.map((t) => (
            <option key={t} value={t}>
              incident {t} object
            </option>
          ))}
        </SelectField>
        <SelectField
          idPrefix={FORM}
          name="tlp"
          label="TLP of the link"
          value={tlp}
          onChange={(event) => setTlp(event.target.value)}
        >
          <option value="">The stricter of the two objects’ (default)</option>
          {TLP_LEVELS.map((level) => (
            <option key={level} value={level}>
              {TLP_LABELS[level]}
            </option>
          ))}
        </SelectField>
        {collections.length > 1 ? (
          <SelectField
            idPrefix={FORM}
            name="collectionId"
            label="Collection to store the link in"
            value={collectionId}
            onChange={(event) => setCollectionId(event.target.value)}
          >
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <div aria-live="polite">
        {pastedId ? (
          <ul className="intel-picker-results" aria-label="Object to link">
            <li>
              <span className="intel-picker-name">
                <code className="intel-id">{pastedId}</code>
              </span>
              <button
                type="button"
                className="btn btn-sm"
                disabled={link.isPending}
                onClick={() => link.mutate({ id: pastedId, label: pastedId })}
              >
                Link
              </button>
            </li>
          </ul>
        ) : searching && found.isSuccess ? (
          results.length === 0 ? (
            <p className="small muted">No object you may see matches “{q}”.</p>
          ) : (
            <ul className="intel-picker-results" aria-label="Objects found">
              {results.map((o) => (
                <li key={`${o.collectionId}/${o.id}`}>
                  <span className="intel-picker-name">
                    <span>{objectLabel(o)}</span>
                    <code className="intel-type">{o.type}</code>
                    <TlpBadge tlp={o.tlp} />
                  </span>
                  <button
                    type="button"
                    className="btn btn-sm"
                    disabled={link.isPending}
                    onClick={() => pick(o)}
                    aria-label={`Link ${objectLabel(o)}`}
                  >
                    Link
                  </button>
                </li>
              ))}
            </ul>
          )
        ) : searching ? (
          <p className="small muted">Searching…</p>
        ) : null}
      </div>
    </div>
  );
}
