import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import type { Deps } from '../deps';
import { systemContext } from '../auth/actor';
import { joinTransaction } from '../db/client';
import { countParticipants } from '../modules/participants/store';
import { createParticipant } from '../modules/participants/service';
import { createUser } from '../modules/users/service';
import { registerKey } from '../modules/keys/service';
import { DEMO_COMMUNITY, DEMO_PASSWORD } from './community.data';
import { REGIME_DEMO, type DemoMembers, type DemoUser } from './regime';

/** RFC 8410 §7: PKCS#8 prefix of an Ed25519 private key, followed by the 32-byte seed. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A deterministic demo key pair per participant, so the demo looks the same on every machine. */
export function demoKeyPair(slug: string) {
  const seed = createHash('sha256').update(`concord-demo-key:${slug}`).digest();
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return { privateKey, publicKeyRaw: Buffer.from(spki.subarray(spki.length - 32)) };
}

export interface DemoLogin {
  participant: string;
  kind: string;
  email: string;
  displayName: string;
  roles: string[];
}

export type DemoResult =
  { loaded: false; reason: string } | { loaded: true; logins: DemoLogin[]; password: string };

/** Loads the demo community into an empty database; refuses when participants exist. */
export async function loadDemoCommunity(deps: Deps): Promise<DemoResult> {
  if ((await countParticipants(deps.database.db)) > 0) {
    return { loaded: false, reason: 'the database already has participants' };
  }
  const ctx = systemContext('demo', 'system');
  // One transaction for the whole community: a failure leaves the database empty.
  return deps.database.transaction(async (tx) => {
    const inTx: Deps = { ...deps, database: joinTransaction(deps.database, tx) };
    return loadInto(inTx, ctx);
  });
}

async function loadInto(deps: Deps, ctx: ReturnType<typeof systemContext>): Promise<DemoResult> {
  const logins: DemoLogin[] = [];
  const members: DemoMembers = new Map();
  for (const p of DEMO_COMMUNITY) {
    const participant = await createParticipant(deps, ctx, {
      name: p.name,
      shortName: p.shortName,
      kind: p.kind,
      countryCode: p.countryCode,
      description: p.description,
      website: p.website,
    });
    const userIds: string[] = [];
    const users: DemoUser[] = [];
    members.set(p.slug, { participantId: participant.id, kind: p.kind, userIds, users });
    for (const u of p.users) {
      const user = await createUser(deps, ctx, {
        participantId: participant.id,
        email: u.email,
        displayName: u.displayName,
        roles: u.roles,
        password: DEMO_PASSWORD,
      });
      userIds.push(user.id);
      users.push({ id: user.id, email: u.email, displayName: u.displayName, roles: u.roles });
      logins.push({
        participant: p.name,
        kind: p.kind,
        email: u.email,
        displayName: u.displayName,
        roles: u.roles,
      });
    }
    if (p.key) {
      await registerKey(deps, ctx, participant.id, {
        label: `${p.shortName ?? p.name} signing key (demo)`,
        publicKey: demoKeyPair(p.slug).publicKeyRaw.toString('base64'),
      });
    }
  }
  for (const load of REGIME_DEMO) await load(deps, members);
  return { loaded: true, logins, password: DEMO_PASSWORD };
}

export function formatDemoLogins(logins: DemoLogin[], password: string): string {
  const width = Math.max(...logins.map((l) => l.email.length));
  const lines = logins.map(
    (l) => `  ${l.email.padEnd(width)}  ${l.roles.join(', ').padEnd(20)} ${l.participant}`,
  );
  return [`Demo logins (password for all: ${password}):`, ...lines].join('\n');
}
