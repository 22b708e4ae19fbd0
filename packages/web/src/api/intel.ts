import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { QueryParams, RequestBody, ResponseBody } from '@concord/api-client';
import { api } from './client';
import { queryKeys } from './query-keys';

export type IntelObjectPage = ResponseBody<'/api/v1/intel/objects', 'get'>;
export type IntelObjectSummary = IntelObjectPage['items'][number];
export type IntelObjectQuery = QueryParams<'/api/v1/intel/objects', 'get'>;
export type IntelObjectDetail = ResponseBody<'/api/v1/intel/objects/{stixId}', 'get'>;
export type IntelGraph = IntelObjectDetail['graph'];
export type IntelSightings = NonNullable<IntelObjectDetail['sightings']>;
export type Tlp = IntelObjectSummary['tlp'];
export type IntelCollection = ResponseBody<'/api/v1/intel/collections', 'get'>[number];
export type IntelCommunity = ResponseBody<'/api/v1/intel/communities', 'get'>[number];
export type CommunityKind = IntelCommunity['kind'];
export type CommunityCreate = RequestBody<'/api/v1/intel/communities', 'post'>;
export type CollectionCreate = RequestBody<'/api/v1/intel/collections', 'post'>;
export type ImportRequest = RequestBody<'/api/v1/intel/collections/{id}/import', 'post'>;
export type ImportResult = ResponseBody<'/api/v1/intel/collections/{id}/import', 'post'>;
export type SightingReport = RequestBody<'/api/v1/intel/sightings', 'post'>;
export type IncidentPage = ResponseBody<'/api/v1/intel/incidents', 'get'>;
export type IncidentSummary = IncidentPage['items'][number];
export type IncidentQuery = QueryParams<'/api/v1/intel/incidents', 'get'>;
export type IncidentReport = RequestBody<'/api/v1/intel/incidents', 'post'>;
export type LinkPage = ResponseBody<'/api/v1/intel/objects/{stixId}/links', 'get'>;
export type IntelLink = LinkPage['items'][number];
export type LinkQuery = QueryParams<'/api/v1/intel/objects/{stixId}/links', 'get'>;
export type LinkRequest = RequestBody<'/api/v1/intel/incidents/{stixId}/links', 'post'>;
export type CommunityMembers = RequestBody<'/api/v1/intel/communities/{id}/members', 'put'>;
export type CommunityMemberInput = CommunityMembers['members'][number];

export const DEFAULT_INTEL_PAGE_SIZE = 25;

/** TLP 2.0 levels, least to most restricted. */
export const TLP_LEVELS: readonly Tlp[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

/** FIRST TLP 2.0 labels, as they are written on a document. */
export const TLP_LABELS: Record<Tlp, string> = {
  clear: 'TLP:CLEAR',
  green: 'TLP:GREEN',
  amber: 'TLP:AMBER',
  'amber+strict': 'TLP:AMBER+STRICT',
  red: 'TLP:RED',
};

/** FIRST TLP 2.0: who may receive it, in a line. */
export const TLP_MEANINGS: Record<Tlp, string> = {
  clear: 'No limit on disclosure',
  green: 'The community, not public channels',
  amber: 'Recipients’ organisations and their clients, need to know',
  'amber+strict': 'Recipients’ organisations only',
  red: 'Named recipients only',
};

export const isTlp = (value: string): value is Tlp => (TLP_LEVELS as string[]).includes(value);

/** STIX 2.1 object types an analyst filters by most; anything else is still searchable. */
export const COMMON_STIX_TYPES = [
  'indicator',
  'malware',
  'campaign',
  'intrusion-set',
  'attack-pattern',
  'threat-actor',
  'tool',
  'vulnerability',
  'identity',
  'report',
  'incident',
  'course-of-action',
  'infrastructure',
  'sighting',
  'relationship',
] as const;

export const COMMUNITY_KIND_LABELS: Record<CommunityKind, string> = {
  'all-members': 'All members',
  group: 'Group',
  bilateral: 'Bilateral',
};

/** TAXII 2.1 §4.1 discovery and the node's one API root, relative to the node's origin. */
export const TAXII_DISCOVERY_PATH = '/taxii2/';
export const TAXII_API_ROOT_PATH = '/taxii2/concord/';

export function useIntelObjects(query: IntelObjectQuery, enabled = true) {
  return useQuery({
    queryKey: queryKeys.intel.objects(query),
    queryFn: () => unwrap(api.GET('/api/v1/intel/objects', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** STIX 2.1 §5.1: a relationship joins domain or cyber-observable objects, not SROs or meta objects. */
const UNLINKABLE = new Set([
  'relationship',
  'sighting',
  'marking-definition',
  'language-content',
  'extension-definition',
]);
export const isLinkable = (type: string): boolean => !UNLINKABLE.has(type);

/** A STIX identifier, "type--uuid", as pasted. */
export const STIX_ID_PATTERN = /^[a-z0-9][a-z0-9-]+--[0-9a-fA-F-]{36}$/;

export function useIntelObject(stixId: string) {
  return useQuery({
    queryKey: queryKeys.intel.object(stixId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/intel/objects/{stixId}', { params: { path: { stixId } } })),
  });
}

export function useIncidents(query: IncidentQuery) {
  return useQuery({
    queryKey: queryKeys.intel.incidents(query),
    queryFn: () => unwrap(api.GET('/api/v1/intel/incidents', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The objects linked to an object (an incident's links; `type: ['incident']`: its incidents). */
export function useObjectLinks(stixId: string, query: LinkQuery) {
  return useQuery({
    queryKey: queryKeys.intel.links(stixId, query),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/intel/objects/{stixId}/links', {
          params: { path: { stixId }, query },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export const reportIncident = (body: IncidentReport) =>
  unwrap(api.POST('/api/v1/intel/incidents', { body }));

export const linkToIncident = (stixId: string, body: LinkRequest) =>
  unwrap(
    api.POST('/api/v1/intel/incidents/{stixId}/links', { params: { path: { stixId } }, body }),
  );

export const unlinkFromIncident = (stixId: string, linkId: string) =>
  unwrap(
    api.DELETE('/api/v1/intel/incidents/{stixId}/links/{linkId}', {
      params: { path: { stixId, linkId } },
    }),
  );

/**
 * Relationship types offered when linking an object to an incident: STIX 2.1's common
 * `related-to`, `derived-from` and `duplicate-of`, and the SDO relationship verbs that read
 * naturally from an incident (any lowercase-hyphenated type is accepted by the API).
 */
export const INCIDENT_LINK_TYPES = [
  'related-to',
  'uses',
  'targets',
  'attributed-to',
  'indicates',
  'derived-from',
  'duplicate-of',
] as const;

export function useIntelCollections() {
  return useQuery({
    queryKey: queryKeys.intel.collections,
    queryFn: () => unwrap(api.GET('/api/v1/intel/collections')),
  });
}

export function useIntelCommunities() {
  return useQuery({
    queryKey: queryKeys.intel.communities,
    queryFn: () => unwrap(api.GET('/api/v1/intel/communities')),
  });
}

export const importIntoCollection = (id: string, body: ImportRequest) =>
  unwrap(api.POST('/api/v1/intel/collections/{id}/import', { params: { path: { id } }, body }));

export const reportSighting = (body: SightingReport) =>
  unwrap(api.POST('/api/v1/intel/sightings', { body }));

export const createCommunity = (body: CommunityCreate) =>
  unwrap(api.POST('/api/v1/intel/communities', { body }));

export const createCollection = (body: CollectionCreate) =>
  unwrap(api.POST('/api/v1/intel/collections', { body }));

/** The export download; the browser sends the session cookie with a plain link. */
export function exportHref(collectionId: string): string {
  return `/api/v1/intel/collections/${encodeURIComponent(collectionId)}/export`;
}

/** An incident with its visible links and linked objects as a STIX bundle (a download). */
export function incidentBundleHref(stixId: string): string {
  return `/api/v1/intel/incidents/${encodeURIComponent(stixId)}/bundle`;
}

/** A STIX object's display name: its `name`, else its type and the start of its id. */
export function objectLabel(o: { id: string; type: string; name: string | null }): string {
  return o.name ?? `${o.type} ${o.id.slice(o.type.length + 2, o.type.length + 10)}…`;
}

/** Replaces a community's members and their rights (the secretariat's administrators only). */
export const saveCommunityMembers = (id: string, body: CommunityMembers) =>
  unwrap(api.PUT('/api/v1/intel/communities/{id}/members', { params: { path: { id } }, body }));
