import { useMemo } from 'react';
import { useAllParticipants } from '../../api/participants';

/**
 * Participant names for the ids the ledger lists. Without the directory (signed out, or no
 * permission) the name is null and the page shows the id instead.
 */
export function useParticipantNames(): (id: string | null) => string | null {
  const participants = useAllParticipants();
  const names = useMemo(
    () => new Map(participants.data?.map((p) => [p.id, p.name]) ?? []),
    [participants.data],
  );
  return (id) => (id ? (names.get(id) ?? null) : null);
}

/** A UUID shortened for a table cell; the full id goes in the title. */
export const shortId = (id: string): string => (id.length > 9 ? `${id.slice(0, 8)}…` : id);
