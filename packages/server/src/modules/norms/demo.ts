/**
 * Demo amendments: one adopted (so a norm has two versions), two open with comments and
 * endorsements, and one rejected — each by the participant a diplomat would expect.
 */
import type { Deps } from '../../deps';
import { systemContext } from '../../auth/actor';
import { demoActor, type DemoMembers } from '../../demo/regime';
import {
  commentOnAmendment,
  decideAmendment,
  endorseAmendment,
  proposeAmendment,
} from './amendments';

export async function loadNormsDemo(deps: Deps, members: DemoMembers): Promise<void> {
  const as = (slug: string) => {
    const m = members.get(slug);
    if (!m) throw new Error(`demo participant ${slug} is missing`);
    return demoActor(m);
  };
  const secretariat = systemContext('demo: the secretariat', 'system');

  const assistance = await proposeAmendment(deps, as('estonia'), {
    kind: 'change',
    normId: 'GGE-2015-13h',
    baseVersion: 1,
    text: 'A state responds to appropriate requests for assistance from another state whose critical infrastructure is the target of malicious ICT acts — acknowledging the request within 24 hours through its point of contact — and to appropriate requests to mitigate malicious ICT activity aimed at another state’s critical infrastructure that comes from its own territory, with due regard for sovereignty.',
    rationale:
      'A norm on assistance is only useful if requests are acknowledged quickly; 24 hours matches the ping-test deadline most points of contact already meet.',
  });
  await commentOnAmendment(
    deps,
    as('singapore'),
    assistance.id,
    'Supportive. Our national CERT already works to a 24-hour acknowledgement target.',
  );
  await endorseAmendment(deps, as('kenya'), assistance.id);
  await endorseAmendment(deps, as('brazil'), assistance.id);
  await decideAmendment(deps, secretariat, assistance.id, {
    decision: 'adopted',
    reason: 'Endorsed by two states, no objection raised during the 30-day comment period.',
  });

  const escalation = await proposeAmendment(deps, as('kenya'), {
    kind: 'change',
    normId: 'CONCORD-R7',
    baseVersion: 1,
    text: 'In ambiguous situations a participant does not escalate: it asks for consultation through the other participant’s point of contact within 24 hours and waits for the answer before taking any step that could be read as hostile. After an incident it works to de-escalate quickly.',
    rationale: 'Make the non-escalation commitment concrete and checkable.',
  });
  await commentOnAmendment(
    deps,
    as('estonia'),
    escalation.id,
    'We agree with the direction, but "waits for the answer" needs a time limit, or a silent counterpart could block any response.',
  );
  await commentOnAmendment(
    deps,
    as('kenya'),
    escalation.id,
    'Fair point — we would accept "waits up to 72 hours".',
  );
  await endorseAmendment(deps, as('brazil'), escalation.id);

  const core = await proposeAmendment(deps, as('brazil'), {
    kind: 'new',
    normId: 'CONCORD-R10',
    title: 'Protect the public core of the internet',
    text: 'Participants do not conduct or knowingly support activity that intentionally and substantially damages the general availability or integrity of the public core of the internet: routing, the domain name system, certificate infrastructure and undersea cables.',
    category: 'prohibition',
    pillar: 1,
    sectors: ['digital-infrastructure', 'telecoms'],
    termIds: ['critical-infrastructure'],
    rationale: 'Infrastructure every participant depends on deserves a norm of its own.',
  });
  await commentOnAmendment(
    deps,
    as('cert'),
    core.id,
    'From an operational view: please name BGP and DNS root servers explicitly in the text.',
  );
  await endorseAmendment(deps, as('singapore'), core.id);

  const retire = await proposeAmendment(deps, as('singapore'), {
    kind: 'retire',
    normId: 'GGE-2015-13d',
    baseVersion: 1,
    rationale: 'Cooperation against cybercrime is handled by the criminal-justice track.',
  });
  await decideAmendment(deps, secretariat, retire.id, {
    decision: 'rejected',
    reason:
      'The norm is part of the GGE consensus text the regime adopts as a whole; its scope is broader than criminal justice.',
  });
}
