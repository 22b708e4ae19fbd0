import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { ctxOf } from '../../http/context';
import { IdParams, NoContent, pageOf, responses } from '../../http/schemas';
import { DEFAULT_PAGE_SIZE } from '../../lib/cursor';
import { CreateUserBody, ResetPasswordBody, UpdateUserBody, UserQuery, UserSchema } from './schema';
import { browseUsers, changeUser, createUser, getUser, resetPassword } from './service';

export function userRoutes(app: App, deps: Deps): void {
  const tags = ['Users'];
  app.get('/users', {
    schema: {
      tags,
      summary: 'List users you may see',
      querystring: UserQuery,
      response: responses({ 200: pageOf(UserSchema) }),
    },
    handler: (req) =>
      browseUsers(deps, ctxOf(req), { ...req.query, limit: req.query.limit ?? DEFAULT_PAGE_SIZE }),
  });
  app.post('/users', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Create a user',
      body: CreateUserBody,
      response: responses({ 201: UserSchema }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await createUser(deps, ctxOf(req), req.body)),
  });
  app.get('/users/:id', {
    schema: {
      tags,
      summary: 'Get a user',
      params: IdParams,
      response: responses({ 200: UserSchema }),
    },
    handler: (req) => getUser(deps, ctxOf(req), req.params.id),
  });
  app.patch('/users/:id', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Change a user’s name, roles or status',
      params: IdParams,
      body: UpdateUserBody,
      response: responses({ 200: UserSchema }),
    },
    handler: (req) => changeUser(deps, ctxOf(req), req.params.id, req.body),
  });
  app.post('/users/:id/password', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Set a new password for a user (administrators)',
      params: IdParams,
      body: ResetPasswordBody,
      response: responses({ 204: NoContent }),
    },
    handler: async (req, reply) => {
      await resetPassword(deps, ctxOf(req), req.params.id, req.body.newPassword);
      return reply.code(204).send(null);
    },
  });
}
