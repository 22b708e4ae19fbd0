/** Decoding log entries and describing them in plain language. */
import { KEY_EVENT_TYPE, isRecord, tryBase64, utf8 } from './format';

export type DecodedLeaf =
  | {
      kind: 'statement';
      payloadType: string;
      /** The DSSE envelope, as logged. */
      envelope: unknown;
      keyIds: string[];
      /** The statement itself; undefined when the payload is not JSON. */
      payload: unknown;
    }
  | { kind: 'commitment'; payloadType: string; commitment: string };

function decodePayload(base64: unknown): unknown {
  if (typeof base64 !== 'string') return undefined;
  const bytes = tryBase64(base64);
  if (!bytes) return undefined;
  try {
    return JSON.parse(utf8.decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads a leaf's bytes: a signed statement `{concord: 1, kind: 'statement', envelope}` or a
 * salted commitment `{concord: 1, kind: 'commitment', payloadType, commitment}`. Null for
 * anything else.
 */
export function decodeLeaf(data: Uint8Array): DecodedLeaf | null {
  let record: unknown;
  try {
    record = JSON.parse(utf8.decode(data)) as unknown;
  } catch {
    return null;
  }
  if (!isRecord(record) || record.concord !== 1) return null;
  if (record.kind === 'commitment') {
    const { payloadType, commitment } = record;
    if (typeof payloadType !== 'string' || typeof commitment !== 'string') return null;
    return { kind: 'commitment', payloadType, commitment };
  }
  if (record.kind !== 'statement' || !isRecord(record.envelope)) return null;
  const { envelope } = record;
  if (typeof envelope.payloadType !== 'string') return null;
  const signatures = Array.isArray(envelope.signatures) ? (envelope.signatures as unknown[]) : [];
  return {
    kind: 'statement',
    payloadType: envelope.payloadType,
    envelope,
    keyIds: signatures.flatMap((s) =>
      isRecord(s) && typeof s.keyid === 'string' ? [s.keyid] : [],
    ),
    payload: decodePayload(envelope.payload),
  };
}

export interface KeyEventKey {
  id: string;
  label: string;
  fingerprint: string;
  publicKey: string;
  algorithm: string;
}

/** Key transparency: the node logs every registration, rotation and revocation of a key. */
export interface KeyEvent {
  event: 'register' | 'revoke' | 'rotate';
  participant: { id: string; name: string; kind: string; countryCode: string | null };
  key: KeyEventKey;
  previousKey?: KeyEventKey;
  reason?: string;
  at: string;
}

const isKey = (value: unknown): value is KeyEventKey =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  typeof value.label === 'string' &&
  typeof value.fingerprint === 'string' &&
  typeof value.publicKey === 'string' &&
  typeof value.algorithm === 'string';

/** The payload as a key event, if it is one (and well formed); otherwise null. */
export function asKeyEvent(payloadType: string, payload: unknown): KeyEvent | null {
  if (payloadType !== KEY_EVENT_TYPE || !isRecord(payload)) return null;
  const { event, participant, key, previousKey, reason, at } = payload;
  if (event !== 'register' && event !== 'revoke' && event !== 'rotate') return null;
  if (
    !isRecord(participant) ||
    typeof participant.id !== 'string' ||
    typeof participant.name !== 'string' ||
    typeof participant.kind !== 'string'
  ) {
    return null;
  }
  if (!isKey(key) || typeof at !== 'string') return null;
  if (previousKey !== undefined && !isKey(previousKey)) return null;
  if (reason !== undefined && typeof reason !== 'string') return null;
  return {
    event,
    participant: {
      id: participant.id,
      name: participant.name,
      kind: participant.kind,
      countryCode: typeof participant.countryCode === 'string' ? participant.countryCode : null,
    },
    key,
    ...(previousKey ? { previousKey } : {}),
    ...(reason !== undefined ? { reason } : {}),
    at,
  };
}

const KEY_EVENT_VERBS: Record<KeyEvent['event'], string> = {
  register: 'Key registered',
  revoke: 'Key revoked',
  rotate: 'Key rotated',
};

/** One line, e.g. "Key registered: Kenya signing key (demo)". */
export function describeKeyEvent(event: KeyEvent): string {
  const what = `${KEY_EVENT_VERBS[event.event]}: ${event.key.label}`;
  return event.event === 'rotate' && event.previousKey
    ? `${what} (replaces ${event.previousKey.label})`
    : what;
}

/** What a log entry is, in words where the record says enough, else its payload type. */
export function describeEntry(
  entry: { kind: 'statement' | 'commitment'; payloadType: string },
  leaf: DecodedLeaf | null,
): string {
  if (leaf?.kind === 'statement') {
    const event = asKeyEvent(leaf.payloadType, leaf.payload);
    if (event) return describeKeyEvent(event);
  }
  return entry.kind === 'commitment'
    ? `Sealed record (commitment): ${entry.payloadType}`
    : entry.payloadType;
}

// ---------------------------------------------------------------------------------------------
// Verifying one entry
// ---------------------------------------------------------------------------------------------
