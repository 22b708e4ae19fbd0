import { Type } from 'typebox';
import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { ctxOf } from '../../http/context';
import { IdParams, pageOf, responses } from '../../http/schemas';
import { DEFAULT_PAGE_SIZE } from '../../lib/cursor';
import {
  browseKeys,
  registerKey,
  revokeParticipantKey,
  rotateParticipantKey,
} from '../keys/service';
import {
  CreateParticipantBody,
  KeyParams,
  KeySchema,
  ParticipantQuery,
  ParticipantSchema,
  RegisterKeyBody,
  RevokeKeyBody,
  RotateKeyBody,
  UpdateParticipantBody,
} from './schema';
import {
  browseParticipants,
  changeParticipant,
  createParticipant,
  getParticipant,
} from './service';

export function participantRoutes(app: App, deps: Deps): void {
  const tags = ['Participants'];
  app.get('/participants', {
    schema: {
      tags,
      summary: 'List participants',
      querystring: ParticipantQuery,
      response: responses({ 200: pageOf(ParticipantSchema) }),
    },
    handler: (req) =>
      browseParticipants(deps, ctxOf(req), {
        ...req.query,
        limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  });
  app.post('/participants', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Admit a participant (secretariat administrators)',
      body: CreateParticipantBody,
      response: responses({ 201: ParticipantSchema }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await createParticipant(deps, ctxOf(req), req.body)),
  });
  app.get('/participants/:id', {
    schema: {
      tags,
      summary: 'Get a participant',
      params: IdParams,
      response: responses({ 200: ParticipantSchema }),
    },
    handler: (req) => getParticipant(deps, ctxOf(req), req.params.id),
  });
  app.patch('/participants/:id', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Change a participant',
      params: IdParams,
      body: UpdateParticipantBody,
      response: responses({ 200: ParticipantSchema }),
    },
    handler: (req) => changeParticipant(deps, ctxOf(req), req.params.id, req.body),
  });

  const keyTags = ['Participant keys'];
  app.get('/participants/:id/keys', {
    schema: {
      tags: keyTags,
      summary: 'List a participant’s Ed25519 signing keys',
      params: IdParams,
      response: responses({ 200: Type.Object({ items: Type.Array(KeySchema) }) }),
    },
    handler: async (req) => ({ items: await browseKeys(deps, ctxOf(req), req.params.id) }),
  });
  app.post('/participants/:id/keys', {
    config: { scope: 'admin' },
    schema: {
      tags: keyTags,
      summary: 'Register an Ed25519 public key',
      params: IdParams,
      body: RegisterKeyBody,
      response: responses({ 201: KeySchema }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await registerKey(deps, ctxOf(req), req.params.id, req.body)),
  });
  app.post('/participants/:id/keys/:keyId/revoke', {
    config: { scope: 'admin' },
    schema: {
      tags: keyTags,
      summary: 'Revoke a key',
      params: KeyParams,
      body: RevokeKeyBody,
      response: responses({ 200: KeySchema }),
    },
    handler: (req) =>
      revokeParticipantKey(deps, ctxOf(req), req.params.id, req.params.keyId, req.body.reason),
  });
  app.post('/participants/:id/keys/:keyId/rotate', {
    config: { scope: 'admin' },
    schema: {
      tags: keyTags,
      summary: 'Replace a key with a new one (the old one is revoked), recorded in the ledger',
      params: KeyParams,
      body: RotateKeyBody,
      response: responses({ 200: Type.Object({ previous: KeySchema, current: KeySchema }) }),
    },
    handler: (req) =>
      rotateParticipantKey(deps, ctxOf(req), req.params.id, req.params.keyId, req.body),
  });
}
