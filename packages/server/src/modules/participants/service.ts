import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import type { ParticipantKind } from '../../auth/roles';
import { authorize } from '../../auth/policy';
import { DomainError, invalid, notFound } from '../../errors';
import { isUniqueViolation, constraintName } from '../../db/errors';
import { countryName, isAlpha3 } from '../../lib/countries';
import { decodeCursor, toPage, type Page } from '../../lib/cursor';
import { recordAudit } from '../audit/service';
import { participantPolicy } from './policy';
import {
  findParticipant,
  insertParticipant,
  listParticipants,
  updateParticipant,
  type ParticipantWithCount,
} from './store';

export interface ParticipantView {
  id: string;
  name: string;
  shortName: string | null;
  kind: ParticipantKind;
  countryCode: string | null;
  countryName: string | null;
  description: string;
  website: string | null;
  status: 'active' | 'suspended';
  userCount: number;
  createdAt: string;
  updatedAt: string;
}

export const presentParticipant = (p: ParticipantWithCount): ParticipantView => ({
  id: p.id,
  name: p.name,
  shortName: p.shortName,
  kind: p.kind as ParticipantKind,
  countryCode: p.countryCode,
  countryName: countryName(p.countryCode),
  description: p.description,
  website: p.website,
  status: p.status as ParticipantView['status'],
  userCount: p.userCount,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export interface CreateParticipantInput {
  name: string;
  shortName?: string | undefined;
  kind: ParticipantKind;
  countryCode?: string | undefined;
  description?: string | undefined;
  website?: string | undefined;
}

function checkCountry(kind: string, countryCode: string | null | undefined): string | null {
  if (kind === 'state') {
    if (!countryCode) throw invalid('countryCode', 'is required for a state (ISO 3166-1 alpha-3)');
    const code = countryCode.toUpperCase();
    if (!isAlpha3(code))
      throw invalid('countryCode', `'${countryCode}' is not an ISO 3166-1 alpha-3 code`);
    return code;
  }
  if (countryCode) throw invalid('countryCode', 'only states carry a country code');
  return null;
}

function uniqueError(err: unknown): DomainError | null {
  if (!isUniqueViolation(err)) return null;
  return constraintName(err) === 'participants_country_code_key'
    ? new DomainError('COUNTRY_TAKEN', 'countryCode: this state is already a participant', {
        fieldErrors: [{ field: 'countryCode', message: 'this state is already a participant' }],
      })
    : new DomainError('NAME_TAKEN', 'name: a participant with this name exists', {
        fieldErrors: [{ field: 'name', message: 'a participant with this name exists' }],
      });
}

export async function createParticipant(
  deps: Deps,
  ctx: RequestContext,
  input: CreateParticipantInput,
): Promise<ParticipantView> {
  authorize(participantPolicy, ctx.actor, 'create', null);
  const countryCode = checkCountry(input.kind, input.countryCode);
  const now = deps.clock.now();
  const row = {
    id: deps.random.uuid(),
    name: input.name.trim(),
    shortName: input.shortName?.trim() || null,
    kind: input.kind,
    countryCode,
    description: input.description?.trim() ?? '',
    website: input.website?.trim() || null,
    status: 'active',
    createdAt: now,
    updatedAt: now,
  };
  try {
    await deps.database.transaction(async (tx) => {
      await insertParticipant(tx, row);
      await recordAudit(tx, deps.clock, ctx, {
        action: 'participant.create',
        subjectType: 'participant',
        subjectId: row.id,
        subjectParticipantId: row.id,
        details: { name: row.name, kind: row.kind, countryCode },
      });
    });
  } catch (err) {
    throw uniqueError(err) ?? err;
  }
  return presentParticipant({ ...row, userCount: 0 });
}

export async function getParticipant(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<ParticipantView> {
  const p = await findParticipant(deps.database.db, id);
  if (!p) throw notFound('Participant');
  authorize(participantPolicy, ctx.actor, 'read', p);
  return presentParticipant(p);
}

export interface ParticipantQuery {
  q?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function browseParticipants(
  deps: Deps,
  ctx: RequestContext,
  query: ParticipantQuery,
): Promise<Page<ParticipantView>> {
  authorize(participantPolicy, ctx.actor, 'read', null);
  const cursor = decodeCursor(query.cursor, ['string', 'string']);
  const rows = await listParticipants(
    deps.database.db,
    {
      ...(query.q ? { q: query.q } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(cursor ? { after: { name: String(cursor[0]), id: String(cursor[1]) } } : {}),
    },
    query.limit + 1,
  );
  return toPage(rows, query.limit, (r) => [r.name.toLowerCase(), r.id], presentParticipant);
}

export interface UpdateParticipantInput {
  name?: string | undefined;
  shortName?: string | null | undefined;
  description?: string | undefined;
  website?: string | null | undefined;
  status?: 'active' | 'suspended' | undefined;
}

export async function changeParticipant(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: UpdateParticipantInput,
): Promise<ParticipantView> {
  try {
    return await deps.database.transaction(async (tx) => {
      const p = await findParticipant(tx, id);
      if (!p) throw notFound('Participant');
      authorize(participantPolicy, ctx.actor, 'update', p);
      if (input.status !== undefined && input.status !== p.status) {
        authorize(participantPolicy, ctx.actor, 'change_status', p);
      }
      const patch: Record<string, unknown> = {};
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const set = (
        key: keyof UpdateParticipantInput & keyof ParticipantWithCount,
        value: unknown,
      ) => {
        if (value === undefined || value === p[key]) return;
        patch[key] = value;
        changes[key] = { from: p[key], to: value };
      };
      set('name', input.name?.trim());
      set('shortName', input.shortName === undefined ? undefined : input.shortName?.trim() || null);
      set('description', input.description?.trim());
      set('website', input.website === undefined ? undefined : input.website?.trim() || null);
      set('status', input.status);
      if (Object.keys(patch).length === 0) return presentParticipant(p);
      const now = deps.clock.now();
      await updateParticipant(tx, id, { ...patch, updatedAt: now });
      await recordAudit(tx, deps.clock, ctx, {
        action:
          input.status && changes.status
            ? `participant.${input.status === 'suspended' ? 'suspend' : 'reactivate'}`
            : 'participant.update',
        subjectType: 'participant',
        subjectId: id,
        subjectParticipantId: id,
        details: { changes },
      });
      return presentParticipant({ ...p, ...patch, updatedAt: now });
    });
  } catch (err) {
    throw uniqueError(err) ?? err;
  }
}
