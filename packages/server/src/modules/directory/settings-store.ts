import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { directorySettings } from '../../db/schema';

export type SettingsRow = typeof directorySettings.$inferSelect;

export async function findSettings(db: Db, participantId: string): Promise<SettingsRow | null> {
  const [row] = await db
    .select()
    .from(directorySettings)
    .where(eq(directorySettings.participantId, participantId))
    .limit(1);
  return row ?? null;
}

export async function listSettings(db: Db, participantIds: string[]): Promise<SettingsRow[]> {
  if (participantIds.length === 0) return [];
  return db
    .select()
    .from(directorySettings)
    .where(inArray(directorySettings.participantId, participantIds));
}

export async function upsertSettings(db: Db, row: SettingsRow): Promise<void> {
  await db
    .insert(directorySettings)
    .values(row)
    .onConflictDoUpdate({
      target: directorySettings.participantId,
      set: {
        webhookUrl: row.webhookUrl,
        webhookSecret: row.webhookSecret,
        updatedAt: row.updatedAt,
      },
    });
}
