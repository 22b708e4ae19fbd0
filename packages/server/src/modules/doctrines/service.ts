/** Publishing a doctrine version: verify the signature, check the document, record it. */
import { bytesToBase64 } from '@concord/ledger';
import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import type { Db } from '../../db/client';
import { forbidden, notFound, type FieldError } from '../../errors';
import { isUniqueViolation } from '../../db/errors';
import { recordAudit } from '../audit/service';
import { recordCommitment, recordParticipantStatement } from '../ledger';
import {
  checkDoctrineDocument,
  conditionsOf,
  DOCTRINE_PAYLOAD_TYPE,
  type DoctrineDocument,
} from './document';
import { doctrinePolicy } from './policy';
import { presentVersion, type DoctrineVersionView } from './present';
import { DoctrineError } from './problems';
import { verifyParticipantEnvelope } from '../ledger/service';
import {
  commitmentsOf,
  findParticipantRef,
  insertVersion,
  latestVersionNumber,
  normStatuses,
  type VersionRow,
} from './store';

const invalidDoctrine = (errors: FieldError[]): DoctrineError =>
  new DoctrineError(
    'INVALID_DOCTRINE',
    errors.map((e) => `${e.field}: ${e.message}`).join('; ') || 'The signed doctrine is not valid',
    { fieldErrors: errors },
  );

/** `latest` is null when a concurrent publication took the number first. */
const versionConflict = (latest: number | null, given?: number): DoctrineError =>
  new DoctrineError(
    'DOCTRINE_VERSION_CONFLICT',
    latest === null
      ? 'version: another version was published at the same time; sign the next one'
      : `version: the latest version is ${latest}, so this one must be ${latest + 1} (not ${given})`,
    {
      fieldErrors: [{ field: 'version', message: 'must be the latest version + 1' }],
      ...(latest === null ? {} : { extra: { latestVersion: latest } }),
    },
  );

/** Each commitment names a norm in the catalogue that is not retired. */
async function checkNorms(tx: Db, doc: DoctrineDocument): Promise<void> {
  const statuses = await normStatuses(
    tx,
    doc.commitments.map((c) => c.normId),
  );
  const errors: FieldError[] = [];
  doc.commitments.forEach((c, i) => {
    const status = statuses.get(c.normId);
    if (status === undefined) {
      errors.push({
        field: `commitments.${i}.normId`,
        message: `no norm ${c.normId} in the catalogue`,
      });
    } else if (status === 'retired') {
      errors.push({ field: `commitments.${i}.normId`, message: `norm ${c.normId} is retired` });
    }
  });
  if (errors.length > 0) throw invalidDoctrine(errors);
}

/**
 * Publishes a new version of the caller's participant's doctrine from the DSSE envelope its
 * user signed (payloadType `application/vnd.concord.doctrine+json`). Versions are immutable
 * and numbered 1, 2, 3…; the version, its commitments, its ledger entry and its audit event
 * commit together. Public versions are logged in full; community ones as a salted commitment,
 * so the public log proves their existence and time without revealing them.
 */
export async function publishDoctrine(
  deps: Deps,
  ctx: RequestContext,
  rawEnvelope: unknown,
): Promise<DoctrineVersionView> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw forbidden('Only a participant’s users publish its doctrine');
  const participantId = actor.participantId;
  const participant = await findParticipantRef(deps.database.db, participantId);
  if (!participant) throw notFound('Participant');
  authorize(doctrinePolicy, actor, 'publish', participant);
  const id = deps.random.uuid();
  let row: VersionRow;
  try {
    row = await deps.database.transaction(async (tx) => {
      const signed = await verifyParticipantEnvelope(tx, participantId, rawEnvelope);
      if (signed.payloadType !== DOCTRINE_PAYLOAD_TYPE) {
        throw invalidDoctrine([
          { field: 'envelope.payloadType', message: `must be ${DOCTRINE_PAYLOAD_TYPE}` },
        ]);
      }
      const checked = checkDoctrineDocument(signed.payload);
      if (!checked.ok) throw invalidDoctrine(checked.errors);
      const doc = checked.document;
      if (doc.participantId !== participantId) {
        throw invalidDoctrine([
          { field: 'participantId', message: 'must be the id of your own participant' },
        ]);
      }
      const latest = await latestVersionNumber(tx, participantId);
      if (doc.version !== latest + 1) throw versionConflict(latest, doc.version);
      await checkNorms(tx, doc);
      const on = { subjectType: 'doctrine_version', subjectId: id };
      let queueId: number;
      let salt: string | null = null;
      if (doc.visibility === 'public') {
        ({ queueId } = await recordParticipantStatement(
          tx,
          deps,
          participantId,
          signed.envelope,
          on,
        ));
      } else {
        const c = await recordCommitment(tx, deps, DOCTRINE_PAYLOAD_TYPE, signed.envelope, {
          participantId,
          ...on,
        });
        queueId = c.queueId;
        salt = bytesToBase64(c.salt);
      }
      const version: VersionRow = {
        id,
        participantId,
        version: doc.version,
        // Stored as signed: the envelope is the authority, these columns are its index.
        title: doc.title,
        summary: doc.summary,
        redLines: doc.redLines,
        thresholds: doc.thresholds,
        permissibleDefence: doc.permissibleDefence,
        visibility: doc.visibility,
        envelope: signed.envelope,
        keyId: signed.keyId,
        ledgerQueueId: queueId,
        ledgerSalt: salt,
        publishedByUser: actor.userId,
        publishedAt: deps.clock.now(),
      };
      await insertVersion(
        tx,
        version,
        doc.commitments.map((c, ordinal) => ({
          doctrineVersionId: id,
          ordinal,
          normId: c.normId,
          statement: c.statement,
          conditions: conditionsOf(c),
        })),
      );
      await recordAudit(tx, deps.clock, ctx, {
        action: 'doctrine.publish',
        subjectType: 'doctrine_version',
        subjectId: id,
        subjectParticipantId: participantId,
        details: {
          version: doc.version,
          visibility: doc.visibility,
          keyId: signed.keyId,
          commitments: doc.commitments.length,
        },
      });
      return version;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw versionConflict(null);
  }
  const db = deps.database.db;
  const ledgerIndex = deps.ledger ? await deps.ledger.indexOf(row.ledgerQueueId) : null;
  return presentVersion({ ...row, participant, ledgerIndex }, await commitmentsOf(db, [id]));
}
