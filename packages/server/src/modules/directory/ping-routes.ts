import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { ctxOf } from '../../http/context';
import { IdParams, pageOf, responses } from '../../http/schemas';
import { DEFAULT_PAGE_SIZE } from '../../lib/cursor';
import {
  LaunchRoundBody,
  MyTasksQuery,
  RoundDetailSchema,
  RoundQuery,
  RoundSchema,
  StatsQuery,
  StatsSchema,
  TaskSchema,
} from './ping-schema';
import {
  acknowledgePingTask,
  browseMyPingTasks,
  browseRounds,
  closeRound,
  getRound,
  launchRound,
} from './ping-service';
import { pingStats } from './ping-stats-service';

export function pingRoutes(app: App, deps: Deps, tags: string[]): void {
  app.post('/directory/ping-rounds', {
    config: { scope: 'write' },
    schema: {
      tags,
      summary: 'Launch a ping round (secretariat administrators and coordinators)',
      description: 'Every contact valid today gets a ping task to acknowledge before the due time.',
      body: LaunchRoundBody,
      response: responses({ 201: RoundSchema }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await launchRound(deps, ctxOf(req), req.body)),
  });
  app.get('/directory/ping-rounds', {
    schema: {
      tags,
      summary: 'Ping round history, newest first',
      querystring: RoundQuery,
      response: responses({ 200: pageOf(RoundSchema) }),
    },
    handler: (req) =>
      browseRounds(deps, ctxOf(req), { ...req.query, limit: req.query.limit ?? DEFAULT_PAGE_SIZE }),
  });
  app.get('/directory/ping-rounds/:id', {
    schema: {
      tags,
      summary: 'A ping round: per participant, tasks, response rate, median time, overdue',
      params: IdParams,
      response: responses({ 200: RoundDetailSchema }),
    },
    handler: (req) => getRound(deps, ctxOf(req), req.params.id),
  });
  app.post('/directory/ping-rounds/:id/close', {
    config: { scope: 'write' },
    schema: {
      tags,
      summary: 'Close a ping round: no more reminders or acknowledgements',
      params: IdParams,
      response: responses({ 200: RoundSchema }),
    },
    handler: (req) => closeRound(deps, ctxOf(req), req.params.id),
  });
  app.get('/directory/ping-tasks/mine', {
    schema: {
      tags,
      summary: 'Your participant’s ping tasks, newest first',
      querystring: MyTasksQuery,
      response: responses({ 200: pageOf(TaskSchema) }),
    },
    handler: (req) =>
      browseMyPingTasks(deps, ctxOf(req), {
        ...req.query,
        limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  });
  app.post('/directory/ping-tasks/:id/acknowledge', {
    config: { scope: 'write' },
    schema: {
      tags,
      summary: 'Acknowledge a ping task of your participant',
      params: IdParams,
      response: responses({ 200: TaskSchema }),
    },
    handler: (req) => acknowledgePingTask(deps, ctxOf(req), req.params.id),
  });
  app.get('/directory/ping-stats', {
    schema: {
      tags,
      summary: 'Ping-test dashboard: rates over time, per participant, overdue, stale contacts',
      querystring: StatsQuery,
      response: responses({ 200: StatsSchema }),
    },
    handler: (req) => pingStats(deps, ctxOf(req), req.query),
  });
}
