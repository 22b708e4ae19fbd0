import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { ctxOf } from '../../http/context';
import { IdParams, pageOf, responses } from '../../http/schemas';
import { DEFAULT_PAGE_SIZE } from '../../lib/cursor';
import {
  MessageQuery,
  MessageSchema,
  ReplyBody,
  SendMessageBody,
  TemplatesSchema,
  ThreadParams,
  ThreadSchema,
} from './message-schema';
import {
  acknowledgeMessage,
  browseMessages,
  getMessage,
  getThread,
  replyToMessage,
  sendMessage,
} from './message-service';
import { TEMPLATES } from './templates';

export function messageRoutes(app: App, deps: Deps, tags: string[]): void {
  app.get('/directory/message-templates', {
    schema: {
      tags,
      summary: 'The message templates and their fields',
      response: responses({ 200: TemplatesSchema }),
    },
    handler: () => ({
      items: TEMPLATES.map((t) => ({
        ...t,
        fields: t.fields.map((f) => (f.type === 'choice' ? { ...f, options: [...f.options] } : f)),
      })),
    }),
  });
  app.get('/directory/messages', {
    schema: {
      tags,
      summary: 'Your participant’s inbox or sent messages, newest first',
      querystring: MessageQuery,
      response: responses({ 200: pageOf(MessageSchema) }),
    },
    handler: (req) =>
      browseMessages(deps, ctxOf(req), {
        ...req.query,
        limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  });
  app.post('/directory/messages', {
    config: { scope: 'write' },
    schema: {
      tags,
      summary: 'Send a structured message to another participant',
      body: SendMessageBody,
      response: responses({ 201: MessageSchema }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await sendMessage(deps, ctxOf(req), req.body)),
  });
  app.get('/directory/messages/:id', {
    schema: {
      tags,
      summary: 'Open a message (the receiver’s first opening is its read receipt)',
      params: IdParams,
      response: responses({ 200: MessageSchema }),
    },
    handler: (req) => getMessage(deps, ctxOf(req), req.params.id),
  });
  app.post('/directory/messages/:id/reply', {
    config: { scope: 'write' },
    schema: {
      tags,
      summary: 'Reply in the message’s thread',
      params: IdParams,
      body: ReplyBody,
      response: responses({ 201: MessageSchema }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await replyToMessage(deps, ctxOf(req), req.params.id, req.body)),
  });
  app.post('/directory/messages/:id/acknowledge', {
    config: { scope: 'write' },
    schema: {
      tags,
      summary: 'Acknowledge a message your participant received',
      params: IdParams,
      response: responses({ 200: MessageSchema }),
    },
    handler: (req) => acknowledgeMessage(deps, ctxOf(req), req.params.id),
  });
  app.get('/directory/threads/:threadId', {
    schema: {
      tags,
      summary: 'A conversation, oldest message first',
      params: ThreadParams,
      response: responses({ 200: ThreadSchema }),
    },
    handler: (req) => getThread(deps, ctxOf(req), req.params.threadId),
  });
}
