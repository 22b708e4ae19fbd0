/**
 * Demo doctrines: Estonia (two versions), Kenya, Brazil and Singapore (community-only), each
 * signed with its participant's deterministic demo key, exactly as a client would sign them.
 */
import { sign } from 'node:crypto';
import { signStatement, statementKeyId, type StatementSigner } from '@concord/ledger';
import type { Deps } from '../../deps';
import { FakeClock } from '../../platform/clock';
import { demoKeyPair } from '../../demo/community';
import { demoActor, type DemoMembers } from '../../demo/regime';
import { DEMO_DOCTRINES } from './demo.data';
import { DOCTRINE_PAYLOAD_TYPE } from './document';
import { publishDoctrine } from './service';
import { normStatuses } from './store';

function demoSigner(slug: string): StatementSigner {
  const { privateKey, publicKeyRaw } = demoKeyPair(slug);
  return {
    keyid: statementKeyId(publicKeyRaw),
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
  };
}

const DAY = 86_400_000;

export async function loadDoctrineDemo(deps: Deps, members: DemoMembers): Promise<void> {
  // Publication dates spread over the past year, so the history reads like one.
  const end = deps.clock.now();
  const clock = new FakeClock(end);
  const demo: Deps = { ...deps, clock };
  // In publication order, oldest first, as the ledger would have seen them.
  const schedule = Object.entries(DEMO_DOCTRINES)
    .flatMap(([slug, versions]) => versions.map((v, i) => ({ slug, version: i + 1, ...v })))
    .sort((a, b) => b.daysAgo - a.daysAgo);
  for (const { slug, version, daysAgo, doctrine } of schedule) {
    const member = members.get(slug);
    if (!member) continue;
    // A node may run with a trimmed catalogue: commit only to norms it has adopted.
    const known = await normStatuses(
      deps.database.db,
      doctrine.commitments.map((c) => c.normId),
    );
    const payload = {
      ...doctrine,
      commitments: doctrine.commitments.filter((c) => known.get(c.normId) === 'adopted'),
      participantId: member.participantId,
      version,
      ...(version > 1 ? { previousVersion: version - 1 } : {}),
    };
    clock.set(new Date(end.getTime() - daysAgo * DAY));
    // Signed with the state's key and published by its diplomat, as through the web app.
    await publishDoctrine(
      demo,
      demoActor(member),
      signStatement(DOCTRINE_PAYLOAD_TYPE, payload, demoSigner(slug)),
    );
  }
  clock.set(end);
}
