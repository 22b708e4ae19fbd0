/** Points of contact: each participant's diplomatic and technical contacts (CBM 8). */
import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import type { Db } from '../../db/client';
import { DomainError, invalid, notFound } from '../../errors';
import { decodeCursor, toPage, type Page } from '../../lib/cursor';
import { recordAudit } from '../audit/service';
import { canonicalLanguage } from './contact-fields';
import {
  checkContact,
  conflictingPrimary,
  type Availability,
  type ContactFields,
  type ContactInput,
  type ContactKind,
  type Designation,
} from './contact-rules';
import {
  findContact,
  insertContact,
  listContacts,
  listParticipantContacts,
  lockParticipantContacts,
  updateContact,
  type ContactWithParticipant,
} from './contact-store';
import { contactPolicy } from './policy';
import { isValidOn, utcDate } from './validity';
import type { DirectoryErrorCode } from './problems';

export interface ContactView {
  id: string;
  participant: { id: string; name: string };
  kind: ContactKind;
  designation: Designation;
  name: string;
  role: string;
  organisation: string;
  languages: string[];
  channels: { email: string | null; phone: string | null; secureHandle: string | null };
  availability: Availability;
  hours: string | null;
  timeZone: string | null;
  validFrom: string;
  validUntil: string | null;
  current: boolean;
  createdAt: string;
  updatedAt: string;
}

export const presentContact = (c: ContactWithParticipant, today: string): ContactView => ({
  id: c.id,
  participant: { id: c.participantId, name: c.participantName },
  kind: c.kind as ContactKind,
  designation: c.designation as Designation,
  name: c.name,
  role: c.role,
  organisation: c.organisation,
  languages: c.languages,
  channels: { email: c.email, phone: c.phone, secureHandle: c.secureHandle },
  availability: c.availability as Availability,
  hours: c.hours,
  timeZone: c.timeZone,
  validFrom: c.validFrom,
  validUntil: c.validUntil,
  current: isValidOn(c, today),
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

const today = (deps: Deps): string => utcDate(deps.clock.now());

function checked(input: ContactInput): ContactFields {
  const r = checkContact(input);
  if (r.ok) return r.value;
  throw new DomainError(
    'VALIDATION_FAILED',
    r.errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    { fieldErrors: r.errors },
  );
}

/** Locks the participant's contacts, then refuses a second primary of a kind on any day. */
async function checkOnePrimary(
  tx: Db,
  participantId: string,
  candidate: ContactFields & { id: string },
): Promise<void> {
  if (!(await lockParticipantContacts(tx, participantId))) throw notFound('Participant');
  const conflict = conflictingPrimary(candidate, await listParticipantContacts(tx, participantId));
  if (!conflict) return;
  const period = `${conflict.validFrom} – ${conflict.validUntil ?? 'open-ended'}`;
  const message = `overlaps the primary ${candidate.kind} contact valid ${period}`;
  throw new DomainError<DirectoryErrorCode>(
    'CONTACT_VALIDITY_OVERLAP',
    `A participant has one primary ${candidate.kind} contact at a time: ${message}`,
    {
      fieldErrors: [
        { field: 'validFrom', message },
        { field: 'validUntil', message },
      ],
      extra: { conflictingContactId: conflict.id },
    },
  );
}

export type CreateContactInput = Omit<ContactInput, 'validFrom' | 'organisation'> & {
  participantId?: string | undefined;
  organisation?: string | undefined;
  validFrom?: string | undefined;
};

export async function createContact(
  deps: Deps,
  ctx: RequestContext,
  input: CreateContactInput,
): Promise<ContactView> {
  const participantId =
    input.participantId ?? (ctx.actor.kind === 'user' ? ctx.actor.participantId : undefined);
  if (!participantId) throw invalid('participantId', 'is required');
  authorize(contactPolicy, ctx.actor, 'edit', { participantId });
  const fields = checked({ ...input, validFrom: input.validFrom ?? today(deps) });
  const now = deps.clock.now();
  const id = deps.random.uuid();
  await deps.database.transaction(async (tx) => {
    await checkOnePrimary(tx, participantId, { ...fields, id });
    await insertContact(tx, { id, participantId, ...fields, createdAt: now, updatedAt: now });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'contact.create',
      subjectType: 'contact',
      subjectId: id,
      subjectParticipantId: participantId,
      details: {
        kind: fields.kind,
        designation: fields.designation,
        name: fields.name,
        validFrom: fields.validFrom,
        validUntil: fields.validUntil,
      },
    });
  });
  return getContact(deps, ctx, id);
}

export async function getContact(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<ContactView> {
  const c = await findContact(deps.database.db, id);
  if (!c) throw notFound('Contact');
  authorize(contactPolicy, ctx.actor, 'read', c);
  return presentContact(c, today(deps));
}

export interface ContactQuery {
  participant?: string | undefined;
  kind?: ContactKind | undefined;
  designation?: Designation | undefined;
  current?: boolean | undefined;
  language?: string | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function browseContacts(
  deps: Deps,
  ctx: RequestContext,
  query: ContactQuery,
): Promise<Page<ContactView>> {
  authorize(contactPolicy, ctx.actor, 'read', null);
  let language: string | undefined;
  if (query.language) {
    language = canonicalLanguage(query.language) ?? undefined;
    if (!language) throw invalid('language', `'${query.language}' is not a BCP 47 language tag`);
  }
  const cursor = decodeCursor(query.cursor, ['string', 'string', 'number', 'string']);
  const day = today(deps);
  const rows = await listContacts(
    deps.database.db,
    {
      ...(query.participant ? { participantId: query.participant } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.designation ? { designation: query.designation } : {}),
      ...(query.current ? { validOn: day } : {}),
      ...(language ? { language } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(cursor
        ? {
            after: {
              participantName: String(cursor[0]),
              kind: String(cursor[1]),
              alternate: Number(cursor[2]),
              id: String(cursor[3]),
            },
          }
        : {}),
    },
    query.limit + 1,
  );
  return toPage(
    rows,
    query.limit,
    (r) => [r.participantName.toLowerCase(), r.kind, r.designation === 'alternate' ? 1 : 0, r.id],
    (r) => presentContact(r, day),
  );
}

export type UpdateContactInput = Partial<Omit<ContactInput, 'channels'>> & {
  channels?: ContactInput['channels'] | undefined;
};

export async function changeContact(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: UpdateContactInput,
): Promise<ContactView> {
  await deps.database.transaction(async (tx) => {
    const c = await findContact(tx, id);
    if (!c) throw notFound('Contact');
    authorize(contactPolicy, ctx.actor, 'edit', c);
    const merged: ContactInput = {
      kind: input.kind ?? (c.kind as ContactKind),
      designation: input.designation ?? (c.designation as Designation),
      name: input.name ?? c.name,
      role: input.role ?? c.role,
      organisation: input.organisation ?? c.organisation,
      languages: input.languages ?? c.languages,
      channels: input.channels ?? { email: c.email, phone: c.phone, secureHandle: c.secureHandle },
      availability: input.availability ?? (c.availability as Availability),
      hours: input.hours !== undefined ? input.hours : c.hours,
      timeZone: input.timeZone !== undefined ? input.timeZone : c.timeZone,
      validFrom: input.validFrom ?? c.validFrom,
      validUntil: input.validUntil !== undefined ? input.validUntil : c.validUntil,
    };
    // Switching to round-the-clock clears the office hours unless the caller set them.
    if (input.availability === '24/7' && input.hours === undefined) merged.hours = null;
    if (input.availability === '24/7' && input.timeZone === undefined) merged.timeZone = null;
    const fields = checked(merged);
    const changed = (Object.keys(fields) as (keyof ContactFields)[]).filter(
      (k) => JSON.stringify(fields[k]) !== JSON.stringify(c[k]),
    );
    if (changed.length === 0) return;
    await checkOnePrimary(tx, c.participantId, { ...fields, id });
    await updateContact(tx, id, { ...fields, updatedAt: deps.clock.now() });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'contact.update',
      subjectType: 'contact',
      subjectId: id,
      subjectParticipantId: c.participantId,
      details: {
        changes: Object.fromEntries(changed.map((k) => [k, { from: c[k], to: fields[k] }])),
      },
    });
  });
  return getContact(deps, ctx, id);
}

/** Ends a contact's validity on a day (default today); the record stays in the directory. */
export async function retireContact(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: { validUntil?: string | undefined },
): Promise<ContactView> {
  await deps.database.transaction(async (tx) => {
    const c = await findContact(tx, id);
    if (!c) throw notFound('Contact');
    authorize(contactPolicy, ctx.actor, 'edit', c);
    const until = input.validUntil ?? today(deps);
    const r = checkContact({ ...toInput(c), validUntil: until });
    if (!r.ok) {
      const e = r.errors.find((x) => x.field === 'validUntil');
      if (e) throw invalid('validUntil', e.message);
    }
    if (c.validUntil !== null && c.validUntil <= until) {
      throw new DomainError<DirectoryErrorCode>(
        'CONTACT_ENDED',
        `This contact's validity already ends on ${c.validUntil}`,
        { fieldErrors: [{ field: 'validUntil', message: `already ends on ${c.validUntil}` }] },
      );
    }
    await updateContact(tx, id, { validUntil: until, updatedAt: deps.clock.now() });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'contact.retire',
      subjectType: 'contact',
      subjectId: id,
      subjectParticipantId: c.participantId,
      details: { name: c.name, kind: c.kind, validUntil: { from: c.validUntil, to: until } },
    });
  });
  return getContact(deps, ctx, id);
}

const toInput = (c: ContactWithParticipant): ContactInput => ({
  kind: c.kind as ContactKind,
  designation: c.designation as Designation,
  name: c.name,
  role: c.role,
  organisation: c.organisation,
  languages: c.languages,
  channels: { email: c.email, phone: c.phone, secureHandle: c.secureHandle },
  availability: c.availability as Availability,
  hours: c.hours,
  timeZone: c.timeZone,
  validFrom: c.validFrom,
  validUntil: c.validUntil,
});
