/** A participant's directory settings: where ping tasks and messages are pushed (webhook). */
import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { forbidden, invalid } from '../../errors';
import { randomToken } from '../../platform/random';
import { recordAudit } from '../audit/service';
import type { WebhookTarget } from './delivery';
import { settingsPolicy } from './policy';
import { findSettings, listSettings, upsertSettings, type SettingsRow } from './settings-store';
import { SECRET_PREFIX, webhookUrlProblem } from './webhook';
import type { Db } from '../../db/client';

export interface SettingsView {
  participantId: string;
  webhookUrl: string | null;
  webhookSecretSet: boolean;
  /** Only in the answer that issued it. */
  webhookSecret?: string;
  updatedAt: string | null;
}

const present = (participantId: string, row: SettingsRow | null): SettingsView => ({
  participantId,
  webhookUrl: row?.webhookUrl ?? null,
  webhookSecretSet: Boolean(row?.webhookSecret),
  updatedAt: row?.updatedAt.toISOString() ?? null,
});

function ownParticipant(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'user') throw forbidden('Only a participant has directory settings');
  return ctx.actor.participantId;
}

export async function getMySettings(deps: Deps, ctx: RequestContext): Promise<SettingsView> {
  const participantId = ownParticipant(ctx);
  authorize(settingsPolicy, ctx.actor, 'read', { participantId });
  return present(participantId, await findSettings(deps.database.db, participantId));
}

/**
 * Sets or removes the webhook. A signing secret is issued with the first URL and on request;
 * it is shown in this answer only. Removing the webhook discards the secret.
 */
export async function updateMySettings(
  deps: Deps,
  ctx: RequestContext,
  input: { webhookUrl: string | null; rotateSecret?: boolean | undefined },
): Promise<SettingsView> {
  const participantId = ownParticipant(ctx);
  authorize(settingsPolicy, ctx.actor, 'update', { participantId });
  const url = input.webhookUrl?.trim() || null;
  if (url !== null) {
    const problem = webhookUrlProblem(url, { allowPrivate: deps.config.webhookAllowPrivate });
    if (problem) throw invalid('webhookUrl', problem);
  } else if (input.rotateSecret) {
    throw invalid('rotateSecret', 'there is no webhook to sign for');
  }
  return deps.database.transaction(async (tx) => {
    const existing = await findSettings(tx, participantId);
    const issue = url !== null && (!existing?.webhookSecret || input.rotateSecret === true);
    const secret = issue
      ? `${SECRET_PREFIX}${randomToken(deps.random, 32)}`
      : url === null
        ? null
        : (existing?.webhookSecret ?? null);
    const row: SettingsRow = {
      participantId,
      webhookUrl: url,
      webhookSecret: secret,
      updatedAt: deps.clock.now(),
    };
    await upsertSettings(tx, row);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'directory.settings.update',
      subjectType: 'participant',
      subjectId: participantId,
      subjectParticipantId: participantId,
      // The URL is recorded; the secret never is.
      details: {
        webhookUrl: { from: existing?.webhookUrl ?? null, to: url },
        secretIssued: issue,
      },
    });
    return {
      ...present(participantId, row),
      ...(issue && secret ? { webhookSecret: secret } : {}),
    };
  });
}

/** Where to push a participant's events, when it has a webhook. */
export async function webhookTargets(
  db: Db,
  participantIds: string[],
): Promise<Map<string, WebhookTarget>> {
  const rows = await listSettings(db, [...new Set(participantIds)]);
  return new Map(
    rows.flatMap((r) =>
      r.webhookUrl && r.webhookSecret
        ? [[r.participantId, { url: r.webhookUrl, secret: r.webhookSecret }] as const]
        : [],
    ),
  );
}
