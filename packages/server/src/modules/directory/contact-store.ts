import { and, arrayContains, asc, eq, ilike, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contacts, participants } from '../../db/schema';

export type ContactRow = typeof contacts.$inferSelect;
export type ContactWithParticipant = ContactRow & { participantName: string };

const columns = { c: contacts, participantName: participants.name };

const withName = (r: { c: ContactRow; participantName: string }): ContactWithParticipant => ({
  ...r.c,
  participantName: r.participantName,
});

export async function insertContact(db: Db, row: typeof contacts.$inferInsert): Promise<void> {
  await db.insert(contacts).values(row);
}

export async function updateContact(
  db: Db,
  id: string,
  patch: Partial<typeof contacts.$inferInsert>,
): Promise<void> {
  await db.update(contacts).set(patch).where(eq(contacts.id, id));
}

export async function findContact(db: Db, id: string): Promise<ContactWithParticipant | null> {
  const [row] = await db
    .select(columns)
    .from(contacts)
    .innerJoin(participants, eq(participants.id, contacts.participantId))
    .where(eq(contacts.id, id))
    .limit(1);
  return row ? withName(row) : null;
}

/**
 * Serialises changes to one participant's contacts, so two concurrent writes cannot both pass
 * the one-primary check. FOR NO KEY UPDATE does not block inserts that reference the row.
 */
export async function lockParticipantContacts(db: Db, participantId: string): Promise<boolean> {
  const rows = await db
    .select({ id: participants.id })
    .from(participants)
    .where(eq(participants.id, participantId))
    .for('no key update');
  return rows.length > 0;
}

export async function listParticipantContacts(
  db: Db,
  participantId: string,
): Promise<ContactRow[]> {
  return db.select().from(contacts).where(eq(contacts.participantId, participantId));
}

/** Contacts valid on `day` (ISO date) of active participants: the ones a ping round tests. */
export async function listContactsValidOn(db: Db, day: string): Promise<ContactWithParticipant[]> {
  const rows = await db
    .select(columns)
    .from(contacts)
    .innerJoin(participants, eq(participants.id, contacts.participantId))
    .where(and(validOn(day), eq(participants.status, 'active')))
    .orderBy(asc(participants.name), asc(contacts.kind), asc(contacts.id));
  return rows.map(withName);
}

export async function listAllContacts(db: Db): Promise<ContactWithParticipant[]> {
  const rows = await db
    .select(columns)
    .from(contacts)
    .innerJoin(participants, eq(participants.id, contacts.participantId));
  return rows.map(withName);
}

const validOn = (day: string): SQL =>
  and(
    lte(contacts.validFrom, day),
    or(isNull(contacts.validUntil), sql`${contacts.validUntil} >= ${day}`),
  ) as SQL;

export interface ContactFilter {
  participantId?: string;
  kind?: string;
  designation?: string;
  /** Valid on this day. */
  validOn?: string;
  /** A canonical BCP 47 tag. */
  language?: string;
  q?: string;
  /** Keyset: lower(participant name), kind, 0 primary / 1 alternate, id. */
  after?: { participantName: string; kind: string; alternate: number; id: string };
}

/** Ordered the way a directory reads: by participant, then diplomatic before technical, primary first. */
export async function listContacts(
  db: Db,
  filter: ContactFilter,
  limit: number,
): Promise<ContactWithParticipant[]> {
  const where: SQL[] = [];
  if (filter.participantId) where.push(eq(contacts.participantId, filter.participantId));
  if (filter.kind) where.push(eq(contacts.kind, filter.kind));
  if (filter.designation) where.push(eq(contacts.designation, filter.designation));
  if (filter.validOn) where.push(validOn(filter.validOn));
  if (filter.language) where.push(arrayContains(contacts.languages, [filter.language]));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    const m = or(
      ilike(contacts.name, pattern),
      ilike(contacts.role, pattern),
      ilike(contacts.organisation, pattern),
      ilike(contacts.email, pattern),
      ilike(participants.name, pattern),
    );
    if (m) where.push(m);
  }
  const pname = sql`lower(${participants.name})`;
  const alternate = sql`(case when ${contacts.designation} = 'alternate' then 1 else 0 end)`;
  if (filter.after) {
    const a = filter.after;
    where.push(
      sql`(${pname}, ${contacts.kind}, ${alternate}, ${contacts.id}) > (${a.participantName}, ${a.kind}, ${a.alternate}::int, ${a.id}::uuid)`,
    );
  }
  const rows = await db
    .select(columns)
    .from(contacts)
    .innerJoin(participants, eq(participants.id, contacts.participantId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(pname), asc(contacts.kind), asc(alternate), asc(contacts.id))
    .limit(limit);
  return rows.map(withName);
}
