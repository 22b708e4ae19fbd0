/** Helpers for the intel module's HTTP tests: TAXII 2.1 requests and STIX objects. */
import { randomUUID } from 'node:crypto';
import { TLP2, type TlpLevel } from '@concord/stix';
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/http/types';
import { DEMO_PASSWORD, login } from './app';

export const TAXII = 'application/taxii+json;version=2.1';
export const ROOT = '/taxii2/concord';
export const TLP_LEVELS: readonly TlpLevel[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

export const basic = (user: string, password = DEMO_PASSWORD): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Headers of a TAXII GET as `email`. */
export const taxiiHeaders = (email: string, extra: Record<string, string> = {}) => ({
  authorization: basic(email),
  accept: TAXII,
  ...extra,
});

const T0 = '2026-01-01T00:00:00.000Z';

/** A valid STIX 2.1 indicator; `tlp` null leaves it unmarked. */
export function indicator(
  tlp: TlpLevel | null,
  over: Record<string, unknown> = {},
): Record<string, unknown> & { id: string; modified: string } {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: T0,
    modified: T0,
    name: `Test indicator ${tlp ?? 'unmarked'}`,
    pattern: "[ipv4-addr:value = '198.51.100.7']",
    pattern_type: 'stix',
    valid_from: T0,
    ...(tlp ? { object_marking_refs: [String(TLP2[tlp].id)] } : {}),
    ...over,
  };
}

/** A small valid STIX 2.1 identity (about 200 bytes). */
export function identity(
  name: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> & { id: string } {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: `identity--${randomUUID()}`,
    created: T0,
    modified: T0,
    name,
    ...over,
  };
}

export interface TaxiiStatus {
  id: string;
  status: 'pending' | 'complete';
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  successes?: { id: string; version?: string; message?: string }[];
  failures?: { id: string; version?: string; message?: string }[];
  pendings?: { id: string; version?: string }[];
}

export interface Envelope {
  more: boolean;
  next?: string;
  objects?: { id: string; [k: string]: unknown }[];
}

export interface ManifestPage {
  more: boolean;
  next?: string;
  objects?: { id: string; date_added: string; version: string; media_type: string }[];
}

/** POSTs an envelope of `objects` to a collection as `authorization`. */
export function postEnvelope(
  app: App,
  collectionId: string,
  authorization: string,
  objects: unknown[],
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `${ROOT}/collections/${collectionId}/objects/`,
    headers: { authorization, accept: TAXII, 'content-type': TAXII },
    payload: JSON.stringify({ objects }),
  });
}

/** The TAXII collections the caller sees, by alias. */
export async function collectionIds(app: App, email: string): Promise<Map<string, string>> {
  const res = await app.inject({
    method: 'GET',
    url: `${ROOT}/collections/`,
    headers: taxiiHeaders(email),
  });
  if (res.statusCode !== 200) throw new Error(`collections: ${res.statusCode} ${res.body}`);
  const list = res.json<{ collections?: { id: string; alias?: string }[] }>().collections ?? [];
  return new Map(list.map((c) => [c.alias ?? c.id, c.id]));
}

/** Creates an API token for `email` through the REST API; returns its secret. */
export async function createToken(
  app: App,
  email: string,
  scopes: ('read' | 'write')[],
): Promise<string> {
  const s = await login(app, email);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    headers: s.headers(),
    payload: { name: `taxii ${scopes.join('+')}`, scopes },
  });
  if (res.statusCode !== 201) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return res.json<{ secret: string }>().secret;
}
