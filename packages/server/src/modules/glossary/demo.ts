/** Demo glossary: domestic definitions from the four states and the regional CERT. */
import type { Deps } from '../../deps';
import { systemContext } from '../../auth/actor';
import { demoActor, type DemoMembers } from '../../demo/regime';
import { speaksFor } from './policy';
import { DEMO_VARIANTS } from './demo.data';
import { saveVariant } from './service';
import { findTerm } from './store';

export async function loadGlossaryDemo(deps: Deps, members: DemoMembers): Promise<void> {
  for (const [slug, variants] of Object.entries(DEMO_VARIANTS)) {
    const member = members.get(slug);
    if (!member) continue;
    // Recorded by the participant's own user where it has one who speaks for it (the CERT's
    // only user is an analyst: the operator loading the demo records those on its behalf).
    const own = demoActor(member);
    const ctx = speaksFor(own.actor, member.participantId) ? own : systemContext('demo');
    for (const v of variants) {
      // A node may run with a trimmed catalogue: skip terms it does not have.
      if (!(await findTerm(deps.database.db, v.term))) continue;
      await saveVariant(deps, ctx, v.term, member.participantId, {
        definition: v.definition,
        source: v.source,
        sourceUrl: v.sourceUrl ?? null,
        aligned: v.aligned,
      });
    }
  }
}
