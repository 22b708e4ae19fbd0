import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { ctxOf } from '../../http/context';
import { IdParams, pageOf, responses } from '../../http/schemas';
import { DEFAULT_PAGE_SIZE } from '../../lib/cursor';
import {
  ContactQuery,
  ContactSchema,
  CreateContactBody,
  RetireContactBody,
  SettingsSchema,
  UpdateContactBody,
  UpdateSettingsBody,
} from './contact-schema';
import {
  browseContacts,
  changeContact,
  createContact,
  getContact,
  retireContact,
} from './contact-service';
import { getMySettings, updateMySettings } from './settings-service';

export function contactRoutes(app: App, deps: Deps, tags: string[]): void {
  app.get('/directory/contacts', {
    schema: {
      tags,
      summary: 'List points of contact',
      description:
        'Every signed-in member sees the whole directory. Ordered by participant, kind, primary first.',
      querystring: ContactQuery,
      response: responses({ 200: pageOf(ContactSchema) }),
    },
    handler: (req) =>
      browseContacts(deps, ctxOf(req), {
        ...req.query,
        limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  });
  app.get('/directory/contacts/:id', {
    schema: {
      tags,
      summary: 'Get a point of contact',
      params: IdParams,
      response: responses({ 200: ContactSchema }),
    },
    handler: (req) => getContact(deps, ctxOf(req), req.params.id),
  });
  app.post('/directory/contacts', {
    config: { scope: 'write' },
    schema: {
      tags,
      summary: 'Add a point of contact to your participant',
      description:
        'One primary contact per kind at any time: an overlapping primary is refused with CONTACT_VALIDITY_OVERLAP.',
      body: CreateContactBody,
      response: responses({ 201: ContactSchema }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await createContact(deps, ctxOf(req), req.body)),
  });
  app.patch('/directory/contacts/:id', {
    config: { scope: 'write' },
    schema: {
      tags,
      summary: 'Change a point of contact',
      params: IdParams,
      body: UpdateContactBody,
      response: responses({ 200: ContactSchema }),
    },
    handler: (req) => changeContact(deps, ctxOf(req), req.params.id, req.body),
  });
  app.post('/directory/contacts/:id/retire', {
    config: { scope: 'write' },
    schema: {
      tags,
      summary: 'End a contact’s validity (the record is kept)',
      params: IdParams,
      body: RetireContactBody,
      response: responses({ 200: ContactSchema }),
    },
    handler: (req) => retireContact(deps, ctxOf(req), req.params.id, req.body),
  });

  app.get('/directory/settings/mine', {
    schema: {
      tags,
      summary: 'Your participant’s directory settings',
      response: responses({ 200: SettingsSchema }),
    },
    handler: (req) => getMySettings(deps, ctxOf(req)),
  });
  app.put('/directory/settings/mine', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Set or remove your participant’s webhook (administrators)',
      description:
        'Ping tasks and messages are POSTed to the webhook as JSON, signed: Concord-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>. The secret is in this answer only, when first issued or rotated.',
      body: UpdateSettingsBody,
      response: responses({ 200: SettingsSchema }),
    },
    handler: (req) => updateMySettings(deps, ctxOf(req), req.body),
  });
}
