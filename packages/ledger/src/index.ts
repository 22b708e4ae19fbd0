/**
 * @concord/ledger — the pure transparency-log library: RFC 6962/9162 Merkle trees and proofs,
 * C2SP signed notes, checkpoints and tiles, DSSE statement envelopes. No I/O; runs in Node
 * and in browsers. Node users may `import { useNodeCrypto } from '@concord/ledger/node'`.
 */
export { LEDGER_ERROR_CODES, LedgerError, isLedgerError } from './errors';
export type { LedgerErrorCode, LedgerErrorOptions } from './errors';
export {
  base64ToBytes,
  bytesEqual,
  bytesToBase64,
  bytesToHex,
  concatBytes,
  hexToBytes,
  utf8Encode,
} from './bytes';
export { MAX_TREE_SIZE } from './sizes';
export { HASH_SIZE, defaultSha256, emptyRoot, leafHash, nodeHash, setSha256, sha256 } from './hash';
export type { Sha256 } from './hash';
export { nodesForRange, rootFromLeafHashes } from './tree';
export type { NodeId } from './tree';
export { CompactRange } from './compact-range';
export type { NodeReader } from './node-reader';
export { proveConsistency, proveInclusion, treeRoot } from './proof';
export { MemoryTree } from './memory-tree';
export { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './verify';
export {
  SIGNATURE_TYPE_ED25519,
  formatVerifierKey,
  generateSignerKey,
  isValidKeyName,
  noteKeyId,
  parseSignerKey,
  parseVerifierKey,
} from './keys';
export type { GeneratedNoteKey, NoteSigner, NoteVerifier } from './keys';
export { MAX_NOTE_BYTES, MAX_NOTE_SIGNATURES, openNote, signNote } from './note';
export type { NoteSignature, OpenedNote } from './note';
export { formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint } from './checkpoint';
export type { Checkpoint, OpenedCheckpoint } from './checkpoint';
export {
  MAX_TILE_LEVEL,
  TILE_HEIGHT,
  TILE_WIDTH,
  entriesTilePath,
  formatTilePath,
  parseTilePath,
  tilePath,
} from './tile-path';
export type { TileRef } from './tile-path';
export { joinTileHashes, readTile, tileHashes, tileNodeIds, tilesForSize } from './tiles';
export { MAX_ENTRY_SIZE, decodeEntryBundle, encodeEntryBundle } from './entry-bundle';
export { verifyTiles } from './tile-verify';
export type { TileReader, VerifyTilesOptions } from './tile-verify';
export { assertJsonValue, canonicalJson, canonicalJsonBytes, parseCanonicalJson } from './json';
export type { JsonValue } from './json';
export { isMediaType } from './media-type';
export { ed25519StatementSigner, pae, statementKeyId } from './dsse';
export type { StatementSigner } from './dsse';
export {
  MAX_ENVELOPE_SIGNATURES,
  envelopeFromLeafData,
  envelopeLeafData,
  parseEnvelope,
  signStatement,
  verifyStatement,
} from './envelope';
export type { Envelope, EnvelopeSignature, VerifiedStatement } from './envelope';
export { SALT_SIZE, commitStatement, verifyCommitment } from './commitment';
export type { Commitment } from './commitment';
