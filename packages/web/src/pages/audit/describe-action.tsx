import type { ReactNode } from 'react';

/** Past-tense wording for the audit actions the server records; unknown ones show their code. */
const ACTION_TEXT: Record<string, string> = {
  'auth.login': 'signed in',
  'auth.login_failed': 'failed to sign in',
  'auth.login_refused': 'was refused sign-in',
  'auth.account_locked': 'was locked out after failed sign-ins',
  'auth.logout': 'signed out',
  'auth.password_change': 'changed their password',
  'participant.create': 'admitted a participant',
  'participant.update': 'changed a participant',
  'key.register': 'registered a signing key',
  'key.revoke': 'revoked a signing key',
  'user.create': 'created a user',
  'user.update': 'changed a user',
  'user.disable': 'disabled a user',
  'user.enable': 're-enabled a user',
  'user.password_reset': 'set a new password for a user',
  'user.promote_first_admin': 'became the first administrator',
  'token.create': 'created an API token',
  'token.revoke': 'revoked an API token',
  'key.rotate': 'rotated a signing key',
  'ledger.statement': 'appended a signed statement to the ledger',
  'contact.create': 'added a point of contact',
  'contact.update': 'changed a point of contact',
  'contact.retire': 'retired a point of contact',
  'directory.settings.update': 'changed the directory settings',
  'ping_round.launch': 'launched a ping round',
  'ping_round.close': 'closed a ping round',
  'ping_task.acknowledge': 'acknowledged a ping',
  'message.send': 'sent a message',
  'message.reply': 'replied to a message',
  'message.read': 'read a message',
  'message.acknowledge': 'acknowledged a message',
  'doctrine.publish': 'published a doctrine version',
  'glossary.term.create': 'added a glossary term',
  'glossary.term.update': 'changed a glossary term',
  'glossary.variant.create': 'recorded their own definition of a term',
  'glossary.variant.update': 'changed their own definition of a term',
  'glossary.variant.delete': 'removed their own definition of a term',
  'norm.amendment.propose': 'proposed an amendment',
  'norm.amendment.comment': 'commented on an amendment',
  'norm.amendment.endorse': 'endorsed an amendment',
  'norm.amendment.withdraw': 'withdrew an amendment',
  'norm.amendment.adopt': 'adopted an amendment',
  'norm.amendment.reject': 'rejected an amendment',
  'intel.community.create': 'created a sharing community',
  'intel.community.members': 'changed a sharing community’s members',
  'intel.collection.create': 'created a collection',
  'intel.objects.add': 'added objects over TAXII',
  'intel.objects.delete': 'deleted object versions over TAXII',
  'intel.import': 'imported a STIX bundle',
  'intel.sighting.report': 'reported a sighting',
  'intel.incident.report': 'reported an incident',
  'intel.incident.link': 'linked an object to an incident',
  'intel.incident.unlink': 'removed an object’s link to an incident',
};

export function describeAction(action: string): ReactNode {
  const text = ACTION_TEXT[action];
  if (text) return text;
  return (
    <>
      performed <code>{action}</code>
    </>
  );
}
