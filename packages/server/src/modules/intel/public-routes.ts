/**
 * The public portal's view of the intelligence exchange: TLP:CLEAR objects ("disclosure is not
 * limited", FIRST TLP 2.0) from every collection, to anyone, signed in or not — and only those,
 * whoever asks. Graph edges and sightings are limited to CLEAR objects too.
 */
import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { pageOf, responses } from '../../http/schemas';
import { DEFAULT_PAGE_SIZE } from '../../lib/cursor';
import { browseObjects, objectDetail, publicScope } from './browse';
import {
  ObjectDetailSchema,
  ObjectSummarySchema,
  PublicObjectsQuery,
  StixIdParams,
} from './schema';
import { Type } from 'typebox';

// Which collection an object sits in is not public: the schemas leave the field out, so the
// serializer drops it.
const PublicSummary = Type.Omit(ObjectSummarySchema, ['collectionId']);
const PublicDetail = Type.Omit(ObjectDetailSchema, ['collectionId']);

/** OpenAPI: these operations need no credentials (overrides the document's default). */
const NO_AUTH: { [scheme: string]: string[] }[] = [];

export function publicIntelRoutes(app: App, deps: Deps, tags: string[]): void {
  app.get('/public/intel/objects', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'Public portal: search TLP:CLEAR objects (no sign-in)',
      security: NO_AUTH,
      querystring: PublicObjectsQuery,
      response: responses({ 200: pageOf(PublicSummary) }),
    },
    handler: async (req) =>
      browseObjects(deps, await publicScope(deps), {
        ...req.query,
        tlp: ['clear'],
        limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  });
  app.get('/public/intel/objects/:stixId', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'Public portal: a TLP:CLEAR object with its CLEAR relationships and sightings',
      security: NO_AUTH,
      params: StixIdParams,
      response: responses({ 200: PublicDetail }),
    },
    handler: async (req) => objectDetail(deps, await publicScope(deps), req.params.stixId),
  });
}
