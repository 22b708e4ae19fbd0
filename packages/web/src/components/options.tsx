import type { Participant } from '@concord/api-client';

/**
 * An `<option>` per reference entry from /meta (participant kinds, roles), showing its label;
 * nothing until they have loaded.
 */
export function MetaOptions({
  entries,
}: {
  entries: readonly { id: string; label: string }[] | undefined;
}) {
  return entries?.map((entry) => (
    <option key={entry.id} value={entry.id}>
      {entry.label}
    </option>
  ));
}

/** An `<option>` per participant, by name; nothing until they have loaded. */
export function ParticipantOptions({
  participants,
}: {
  participants: readonly Participant[] | undefined;
}) {
  return participants?.map((participant) => (
    <option key={participant.id} value={participant.id}>
      {participant.name}
    </option>
  ));
}
