import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { addCheckpoint } from './witness';

const MAX_BODY = 64 * 1024;

export function witnessRoutes(app: App, deps: Deps): void {
  void app.register((scope, _opts, done) => {
    // tlog-witness bodies are plain text; accept any content type as a string.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: MAX_BODY },
      (_req, body, next) => next(null, body),
    );
    scope.post('/ledger/witness/add-checkpoint', {
      config: { auth: 'public' },
      schema: {
        tags: ['Ledger (witness)'],
        summary: 'C2SP tlog-witness: cosign a checkpoint consistent with the last one',
        consumes: ['text/plain'],
        produces: ['text/plain'],
      },
      handler: async (request, reply) => {
        const result = await addCheckpoint(
          deps,
          typeof request.body === 'string' ? request.body : '',
        );
        return reply.code(result.status).type(result.contentType).send(result.body);
      },
    });
    scope.get('/ledger/witness/vkey', {
      config: { auth: 'public' },
      schema: {
        tags: ['Ledger (witness)'],
        summary: "This node's witness (cosigner) verifier key",
        produces: ['text/plain'],
      },
      handler: (_request, reply) =>
        reply.type('text/plain; charset=utf-8').send(deps.log.cosigner.verifierKey + '\n'),
    });
    done();
  });
}
