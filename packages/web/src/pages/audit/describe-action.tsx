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
