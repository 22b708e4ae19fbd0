/**
 * Concord's own corpus of invalid STIX 2.1 objects. Each is a valid object of valid.ts with one
 * rule broken, and names the path and code of the error it must produce. `stricter` marks the
 * rules the OASIS JSON schemas cannot express (see SCHEMA_EXCEPTIONS in
 * schema-agreement.test.ts): there the schema accepts what the specification forbids.
 */
import { TLP2, TLP2_EXTENSION_ID } from '../tlp';
import type { StixIssueCode } from '../issues';
import { id } from './ids';
import { VALID } from './valid';

export type SchemaException =
  | 'ordering'
  | 'calendar'
  | 'spec-version'
  | 'reference-type'
  | 'language-tag'
  | 'granular-marking'
  | 'not-applicable'
  | 'encoding'
  | 'domain-name'
  | 'self-marking'
  | 'tlp2'
  | 'extension-definition'
  | 'custom-extension'
  | 'hex-case';

export interface InvalidCase {
  name: string;
  object: Record<string, unknown>;
  path: string;
  code: StixIssueCode;
  stricter?: SchemaException;
}

type Json = Record<string, unknown>;

function from(base: string, change: (o: Json) => void): Json {
  const source = VALID[base];
  if (source === undefined) throw new Error(`no valid object ${base}`);
  const o = structuredClone(source);
  change(o);
  return o;
}

const at = (o: Json, key: string): Json => o[key] as Json;
const ext = (o: Json, name: string): Json => at(at(o, 'extensions'), name);

const c = (
  name: string,
  base: string,
  change: (o: Json) => void,
  path: string,
  code: StixIssueCode,
  stricter?: SchemaException,
): InvalidCase => ({
  name,
  object: from(base, change),
  path,
  code,
  ...(stricter ? { stricter } : {}),
});

export const INVALID: readonly InvalidCase[] = [
  // §3.2 common properties, §2.9 identifiers, §2.16 timestamps
  c('missing id', 'indicator', (o) => delete o['id'], '/id', 'required'),
  c('id of another type', 'indicator', (o) => (o['id'] = id('malware')), '/id', 'format'),
  c('id without a UUID', 'indicator', (o) => (o['id'] = 'indicator--1234'), '/id', 'format'),
  c(
    'id with a version-0 UUID',
    'indicator',
    (o) => (o['id'] = 'indicator--6b616fc1-1505-08e3-8b2c-0d19337bff38'),
    '/id',
    'format',
  ),
  c('uppercase type', 'indicator', (o) => (o['type'] = 'Indicator'), '/type', 'format'),
  c(
    'missing spec_version',
    'indicator',
    (o) => delete o['spec_version'],
    '/spec_version',
    'required',
  ),
  c(
    'spec_version 2.0',
    'indicator',
    (o) => (o['spec_version'] = '2.0'),
    '/spec_version',
    'enum',
    'spec-version',
  ),
  c(
    'created without milliseconds',
    'indicator',
    (o) => (o['created'] = '2024-03-01T10:00:00Z'),
    '/created',
    'timestamp',
  ),
  c(
    'created with an offset',
    'indicator',
    (o) => (o['created'] = '2024-03-01T10:00:00.000+01:00'),
    '/created',
    'timestamp',
  ),
  c(
    'created on 30 February',
    'indicator',
    (o) => (o['created'] = '2024-02-30T10:00:00.000Z'),
    '/created',
    'timestamp',
    'calendar',
  ),
  c(
    'modified before created',
    'indicator',
    (o) => (o['modified'] = '2024-02-01T10:00:00.000Z'),
    '/modified',
    'timestamp',
    'ordering',
  ),
  c('missing modified', 'campaign', (o) => delete o['modified'], '/modified', 'required'),
  c(
    'created_by_ref to a malware',
    'indicator',
    (o) => (o['created_by_ref'] = id('malware')),
    '/created_by_ref',
    'reference-type',
    'reference-type',
  ),
  c(
    'object_marking_refs to an identity',
    'indicator',
    (o) => (o['object_marking_refs'] = [id('identity')]),
    '/object_marking_refs/0',
    'reference-type',
    'reference-type',
  ),
  c(
    'empty object_marking_refs',
    'indicator',
    (o) => (o['object_marking_refs'] = []),
    '/object_marking_refs',
    'empty',
  ),
  c('confidence 101', 'campaign', (o) => (o['confidence'] = 101), '/confidence', 'range'),
  c('confidence as text', 'campaign', (o) => (o['confidence'] = 'high'), '/confidence', 'type'),
  c('revoked as text', 'campaign', (o) => (o['revoked'] = 'yes'), '/revoked', 'type'),
  c('a label that is a number', 'indicator', (o) => (o['labels'] = [1]), '/labels/0', 'type'),
  c(
    'lang that is no language tag',
    'campaign',
    (o) => (o['lang'] = 'not a language!'),
    '/lang',
    'format',
    'language-tag',
  ),
  c(
    'defanged on an SDO',
    'campaign',
    (o) => (o['defanged'] = true),
    '/defanged',
    'not-applicable',
    'not-applicable',
  ),
  // §2.5 external references
  c(
    'external reference with only source_name',
    'indicator',
    (o) => (o['external_references'] = [{ source_name: 'x' }]),
    '/external_references/0/description',
    'required',
  ),
  c(
    'external reference without source_name',
    'indicator',
    (o) => (o['external_references'] = [{ url: 'https://example.org' }]),
    '/external_references/0/source_name',
    'required',
  ),
  c(
    'external reference with a short SHA-256',
    'indicator',
    (o) =>
      (o['external_references'] = [
        { source_name: 'x', url: 'https://example.org', hashes: { 'SHA-256': 'abc' } },
      ]),
    '/external_references/0/hashes/SHA-256',
    'format',
  ),
  c(
    'external reference with an unlisted hash algorithm',
    'indicator',
    (o) =>
      (o['external_references'] = [
        { source_name: 'x', url: 'https://example.org', hashes: { sha256: 'abc' } },
      ]),
    '/external_references/0/hashes/sha256',
    'enum',
  ),
  c(
    'malformed CAPEC id',
    'attack-pattern',
    (o) => (o['external_references'] = [{ source_name: 'capec', external_id: 'CAPEC-abc' }]),
    '/external_references/0/external_id',
    'format',
  ),
  c(
    'malformed CVE id',
    'vulnerability',
    (o) => (o['external_references'] = [{ source_name: 'cve', external_id: 'CVE-12' }]),
    '/external_references/0/external_id',
    'format',
  ),
  c(
    'external reference url without a scheme',
    'indicator',
    (o) => (o['external_references'] = [{ source_name: 'x', url: 'not a url' }]),
    '/external_references/0/url',
    'format',
  ),
  // §7.2.3 granular markings
  c(
    'granular marking with lang and marking_ref',
    'indicator',
    (o) =>
      (o['granular_markings'] = [
        { selectors: ['name'], lang: 'en', marking_ref: id('marking-definition') },
      ]),
    '/granular_markings/0/marking_ref',
    'exclusive',
    'granular-marking',
  ),
  c(
    'granular marking with neither lang nor marking_ref',
    'indicator',
    (o) => (o['granular_markings'] = [{ selectors: ['name'] }]),
    '/granular_markings/0/marking_ref',
    'required',
  ),
  c(
    'selector of an absent property',
    'indicator',
    (o) =>
      (o['granular_markings'] = [
        { selectors: ['confidence'], marking_ref: id('marking-definition') },
      ]),
    '/granular_markings/0/selectors/0',
    'format',
    'granular-marking',
  ),
  c(
    'selector with bad syntax',
    'indicator',
    (o) =>
      (o['granular_markings'] = [
        { selectors: ['name..x'], marking_ref: id('marking-definition') },
      ]),
    '/granular_markings/0/selectors/0',
    'format',
  ),
  c(
    'granular marking_ref to an identity',
    'indicator',
    (o) => (o['granular_markings'] = [{ selectors: ['name'], marking_ref: id('identity') }]),
    '/granular_markings/0/marking_ref',
    'reference-type',
  ),
  // §3.8 reserved names, §11.1 custom properties
  c(
    'reserved property severity',
    'indicator',
    (o) => (o['severity'] = 'high'),
    '/severity',
    'reserved',
  ),
  c(
    'reserved property action on a course of action',
    'course-of-action',
    (o) => (o['action'] = 'block'),
    '/action',
    'reserved',
  ),
  c(
    'custom property with uppercase',
    'indicator',
    (o) => (o['X_Foo'] = 1),
    '/X_Foo',
    'custom-property',
  ),
  c('custom property too short', 'indicator', (o) => (o['xy'] = 1), '/xy', 'custom-property'),
  c('custom property null', 'indicator', (o) => (o['x_foo'] = null), '/x_foo', 'type'),
  c('custom property empty list', 'indicator', (o) => (o['x_foo'] = []), '/x_foo', 'empty'),
  c(
    'custom *_hex property not hex',
    'indicator',
    (o) => (o['x_foo_hex'] = 'zz'),
    '/x_foo_hex',
    'format',
  ),
  // §3.2 extensions, §7.3
  c(
    'extension with an unusable key',
    'indicator',
    (o) => (o['extensions'] = { foo: { a: 1 } }),
    '/extensions/foo',
    'extension',
  ),
  c(
    'extension-definition entry without extension_type',
    'indicator',
    (o) => (o['extensions'] = { [id('extension-definition')]: { rank: 1 } }),
    `/extensions/${id('extension-definition')}/extension_type`,
    'required',
  ),
  c(
    'extension_type outside the enumeration',
    'indicator',
    (o) => (o['extensions'] = { [id('extension-definition')]: { extension_type: 'bogus' } }),
    `/extensions/${id('extension-definition')}/extension_type`,
    'enum',
  ),
  c('empty extensions', 'indicator', (o) => (o['extensions'] = {}), '/extensions', 'empty'),
  c(
    'custom -ext extension on an SDO',
    'indicator',
    (o) => (o['extensions'] = { 'x-acme-ext': { level: 1 } }),
    '/extensions/x-acme-ext',
    'extension',
    'custom-extension',
  ),
  // §4 SDOs
  c('indicator without pattern', 'indicator', (o) => delete o['pattern'], '/pattern', 'required'),
  c(
    'indicator without pattern_type',
    'indicator',
    (o) => delete o['pattern_type'],
    '/pattern_type',
    'required',
  ),
  c(
    'indicator pattern that is not a string',
    'indicator',
    (o) => (o['pattern'] = 42),
    '/pattern',
    'type',
  ),
  c(
    'indicator valid_until equal to valid_from',
    'indicator',
    (o) => (o['valid_until'] = o['valid_from']),
    '/valid_until',
    'timestamp',
    'ordering',
  ),
  c('malware without is_family', 'malware', (o) => delete o['is_family'], '/is_family', 'required'),
  c('malware family without a name', 'malware', (o) => delete o['name'], '/name', 'required'),
  c('malware is_family as text', 'malware', (o) => (o['is_family'] = 'true'), '/is_family', 'type'),
  c(
    'malware last_seen before first_seen',
    'malware',
    (o) =>
      Object.assign(o, { first_seen: '2024-01-02T00:00:00Z', last_seen: '2024-01-01T00:00:00Z' }),
    '/last_seen',
    'timestamp',
    'ordering',
  ),
  c(
    'malware operating system that is a file',
    'malware',
    (o) => (o['operating_system_refs'] = [id('file')]),
    '/operating_system_refs/0',
    'reference-type',
  ),
  c(
    'malware analysis with neither result nor analysis_sco_refs',
    'malware-analysis',
    (o) => {
      delete o['result'];
      delete o['analysis_sco_refs'];
    },
    '/result',
    'required',
  ),
  c(
    'malware analysis host VM that is a file',
    'malware-analysis',
    (o) => (o['host_vm_ref'] = id('file')),
    '/host_vm_ref',
    'reference-type',
  ),
  c(
    'location with a name only',
    'location',
    (o) => {
      delete o['latitude'];
      delete o['longitude'];
      delete o['precision'];
      delete o['country'];
      delete o['region'];
    },
    '/region',
    'required',
  ),
  c(
    'location latitude without longitude',
    'location',
    (o) => delete o['longitude'],
    '/latitude',
    'dependency',
  ),
  c('location latitude 91', 'location', (o) => (o['latitude'] = 91), '/latitude', 'range'),
  c(
    'location precision without coordinates',
    'location',
    (o) => {
      delete o['latitude'];
      delete o['longitude'];
    },
    '/precision',
    'dependency',
  ),
  c(
    'observed data with objects and object_refs',
    'observed-data',
    (o) =>
      (o['objects'] = { '0': { type: 'ipv4-addr', id: id('ipv4-addr'), value: '198.51.100.1' } }),
    '/object_refs',
    'exclusive',
  ),
  c(
    'observed data with neither objects nor object_refs',
    'observed-data',
    (o) => delete o['object_refs'],
    '/object_refs',
    'required',
  ),
  c(
    'observed data number_observed 0',
    'observed-data',
    (o) => (o['number_observed'] = 0),
    '/number_observed',
    'range',
  ),
  c(
    'observed data number_observed 1e9',
    'observed-data',
    (o) => (o['number_observed'] = 1_000_000_000),
    '/number_observed',
    'range',
  ),
  c(
    'observed data last_observed first',
    'observed-data',
    (o) => (o['last_observed'] = '2024-02-27T00:00:00Z'),
    '/last_observed',
    'timestamp',
    'ordering',
  ),
  c(
    'observed data referencing an SDO',
    'observed-data',
    (o) => (o['object_refs'] = [id('indicator')]),
    '/object_refs/0',
    'reference-type',
  ),
  c('report without published', 'report', (o) => delete o['published'], '/published', 'required'),
  c(
    'report with empty object_refs',
    'report',
    (o) => (o['object_refs'] = []),
    '/object_refs',
    'empty',
  ),
  c(
    'opinion outside the enumeration',
    'opinion',
    (o) => (o['opinion'] = 'maybe'),
    '/opinion',
    'enum',
  ),
  c('note without content', 'note', (o) => delete o['content'], '/content', 'required'),
  c('grouping without context', 'grouping', (o) => delete o['context'], '/context', 'required'),
  c('incident without name', 'incident', (o) => delete o['name'], '/name', 'required'),
  c(
    'attack pattern with empty aliases',
    'attack-pattern',
    (o) => (o['aliases'] = []),
    '/aliases',
    'empty',
  ),
  c(
    'kill chain phase without phase_name',
    'attack-pattern',
    (o) => (o['kill_chain_phases'] = [{ kill_chain_name: 'x' }]),
    '/kill_chain_phases/0/phase_name',
    'required',
  ),
  c(
    'campaign alias that is a number',
    'campaign',
    (o) => (o['aliases'] = ['x', 2]),
    '/aliases/1',
    'type',
  ),
  c(
    'identity sectors as a string',
    'identity',
    (o) => (o['sectors'] = 'government'),
    '/sectors',
    'type',
  ),
  c(
    'intrusion set goals as a string',
    'intrusion-set',
    (o) => (o['goals'] = 'money'),
    '/goals',
    'type',
  ),
  c('tool with empty tool_types', 'tool', (o) => (o['tool_types'] = []), '/tool_types', 'empty'),
  c(
    'threat actor with empty personal_motivations',
    'threat-actor',
    (o) => (o['personal_motivations'] = []),
    '/personal_motivations',
    'empty',
  ),
  c(
    'infrastructure last_seen first',
    'infrastructure',
    (o) => (o['last_seen'] = '2022-12-31T00:00:00Z'),
    '/last_seen',
    'timestamp',
    'ordering',
  ),
  // §5 SROs
  c(
    'relationship from a marking definition',
    'relationship',
    (o) => (o['source_ref'] = id('marking-definition')),
    '/source_ref',
    'reference-type',
  ),
  c(
    'relationship type with uppercase',
    'relationship',
    (o) => (o['relationship_type'] = 'Uses'),
    '/relationship_type',
    'format',
  ),
  c(
    'relationship without target_ref',
    'relationship',
    (o) => delete o['target_ref'],
    '/target_ref',
    'required',
  ),
  c(
    'relationship source_ref that is no identifier',
    'relationship',
    (o) => (o['source_ref'] = 'not-an-id'),
    '/source_ref',
    'format',
  ),
  c(
    'relationship stop_time before start_time',
    'relationship',
    (o) => (o['stop_time'] = '2023-12-01T00:00:00Z'),
    '/stop_time',
    'timestamp',
    'ordering',
  ),
  c(
    'sighting count of a billion',
    'sighting',
    (o) => (o['count'] = 1_000_000_000),
    '/count',
    'range',
  ),
  c('sighting count -1', 'sighting', (o) => (o['count'] = -1), '/count', 'range'),
  c(
    'sighting of a relationship',
    'sighting',
    (o) => (o['sighting_of_ref'] = id('relationship')),
    '/sighting_of_ref',
    'reference-type',
  ),
  c(
    'sighting where a malware saw it',
    'sighting',
    (o) => (o['where_sighted_refs'] = [id('malware')]),
    '/where_sighted_refs/0',
    'reference-type',
  ),
  c(
    'sighting observed data that is an indicator',
    'sighting',
    (o) => (o['observed_data_refs'] = [id('indicator')]),
    '/observed_data_refs/0',
    'reference-type',
  ),
  // §6 SCOs and their extensions
  c(
    'SCO with spec_version 2.0',
    'mutex',
    (o) => (o['spec_version'] = '2.0'),
    '/spec_version',
    'enum',
    'spec-version',
  ),
  c(
    'file with neither hashes nor name',
    'file',
    (o) => {
      delete o['hashes'];
      delete o['name'];
      delete o['extensions'];
    },
    '/hashes',
    'required',
  ),
  c(
    'file with a short MD5',
    'file',
    (o) => (at(o, 'hashes')['MD5'] = 'a92e5b'),
    '/hashes/MD5',
    'format',
  ),
  c('file size -1', 'file', (o) => (o['size'] = -1), '/size', 'range'),
  c(
    'file name_enc without name',
    'file',
    (o) => {
      delete o['name'];
      o['name_enc'] = 'windows-1252';
    },
    '/name_enc',
    'dependency',
    'encoding',
  ),
  c(
    'file parent directory that is a file',
    'file',
    (o) => (o['parent_directory_ref'] = id('file', 9)),
    '/parent_directory_ref',
    'reference-type',
    'reference-type',
  ),
  c(
    'file magic number in uppercase hex',
    'file',
    (o) => (o['magic_number_hex'] = '4D5A'),
    '/magic_number_hex',
    'format',
    'hex-case',
  ),
  c(
    'empty ntfs-ext',
    'file',
    (o) => (at(o, 'extensions')['ntfs-ext'] = {}),
    '/extensions/ntfs-ext',
    'empty',
  ),
  c(
    'archive-ext without contains_refs',
    'file-archive',
    (o) => delete ext(o, 'archive-ext')['contains_refs'],
    '/extensions/archive-ext/contains_refs',
    'required',
  ),
  c(
    'windows-pebinary-ext with pe_type only',
    'file',
    (o) => (at(o, 'extensions')['windows-pebinary-ext'] = { pe_type: 'exe' }),
    '/extensions/windows-pebinary-ext',
    'required',
  ),
  c(
    'PE time_date_stamp with a fraction',
    'file',
    (o) => (ext(o, 'windows-pebinary-ext')['time_date_stamp'] = '2016-01-22T12:31:12.5Z'),
    '/extensions/windows-pebinary-ext/time_date_stamp',
    'timestamp',
  ),
  c(
    'raster-image-ext EXIF value that is a list',
    'file-archive',
    (o) => (ext(o, 'raster-image-ext')['exif_tags'] = { Make: ['Nikon'] }),
    '/extensions/raster-image-ext/exif_tags/Make',
    'type',
  ),
  c('IPv4 octet 999', 'ipv4-addr', (o) => (o['value'] = '999.1.1.1'), '/value', 'format'),
  c(
    'IPv4 resolving to a domain name',
    'ipv4-addr',
    (o) => (o['resolves_to_refs'] = [id('domain-name')]),
    '/resolves_to_refs/0',
    'reference-type',
    'reference-type',
  ),
  c(
    'IPv6 that is not an address',
    'ipv6-addr',
    (o) => (o['value'] = 'fe80::1::2'),
    '/value',
    'format',
  ),
  c(
    'MAC address in uppercase',
    'mac-addr',
    (o) => (o['value'] = 'D2:FB:49:24:37:18'),
    '/value',
    'format',
  ),
  c(
    'domain name with a space',
    'domain-name',
    (o) => (o['value'] = 'exa mple.com'),
    '/value',
    'format',
    'domain-name',
  ),
  c('URL without a scheme', 'url', (o) => (o['value'] = 'not a url'), '/value', 'format'),
  c('e-mail address without @', 'email-addr', (o) => (o['value'] = 'john'), '/value', 'format'),
  c(
    'e-mail not multipart but with parts',
    'email-message',
    (o) => (o['is_multipart'] = false),
    '/body_multipart',
    'dependency',
  ),
  c(
    'e-mail multipart with a body',
    'email-message',
    (o) => (o['body'] = 'hello'),
    '/body',
    'dependency',
  ),
  c(
    'e-mail without is_multipart',
    'email-message',
    (o) => delete o['is_multipart'],
    '/is_multipart',
    'required',
  ),
  c(
    'e-mail from an IP address',
    'email-message',
    (o) => (o['from_ref'] = id('ipv4-addr')),
    '/from_ref',
    'reference-type',
    'reference-type',
  ),
  c(
    'MIME part with neither body nor body_raw_ref',
    'email-message',
    (o) => (o['body_multipart'] = [{ content_type: 'text/plain' }]),
    '/body_multipart/0/body',
    'required',
  ),
  c(
    'network traffic with neither src_ref nor dst_ref',
    'network-traffic',
    (o) => {
      delete o['src_ref'];
      delete o['dst_ref'];
    },
    '/src_ref',
    'required',
  ),
  c(
    'network traffic without protocols',
    'network-traffic',
    (o) => delete o['protocols'],
    '/protocols',
    'required',
  ),
  c(
    'network traffic port 70000',
    'network-traffic',
    (o) => (o['src_port'] = 70000),
    '/src_port',
    'range',
  ),
  c(
    'active network traffic with an end',
    'network-traffic',
    (o) => (o['is_active'] = true),
    '/end',
    'dependency',
  ),
  c(
    'network traffic ending before it starts',
    'network-traffic',
    (o) => (o['end'] = '2023-02-28T00:00:00Z'),
    '/end',
    'timestamp',
    'ordering',
  ),
  c(
    'socket-ext address family outside the enumeration',
    'network-traffic',
    (o) => (ext(o, 'socket-ext')['address_family'] = 'AF_FOO'),
    '/extensions/socket-ext/address_family',
    'enum',
  ),
  c(
    'http-request-ext without request_value',
    'network-traffic',
    (o) => delete ext(o, 'http-request-ext')['request_value'],
    '/extensions/http-request-ext/request_value',
    'required',
  ),
  c(
    'tcp-ext with only an unknown property',
    'network-traffic',
    (o) => (at(o, 'extensions')['tcp-ext'] = { x_note: 'a' }),
    '/extensions/tcp-ext',
    'required',
  ),
  c(
    'icmp-ext type with a 0x prefix',
    'network-traffic',
    (o) => (ext(o, 'icmp-ext')['icmp_type_hex'] = '0x08'),
    '/extensions/icmp-ext/icmp_type_hex',
    'format',
  ),
  c(
    'IPFIX key with a space',
    'network-traffic',
    (o) => (o['ipfix'] = { 'bad key': 1 }),
    '/ipfix/bad key',
    'format',
  ),
  c(
    'process with no property',
    'process',
    (o) => {
      for (const k of Object.keys(o)) if (!['type', 'id', 'spec_version'].includes(k)) delete o[k];
    },
    '',
    'required',
  ),
  c(
    'windows-process-ext integrity level root',
    'process',
    (o) => (ext(o, 'windows-process-ext')['integrity_level'] = 'root'),
    '/extensions/windows-process-ext/integrity_level',
    'enum',
  ),
  c(
    'windows-service-ext start type AUTO',
    'process',
    (o) => (ext(o, 'windows-service-ext')['start_type'] = 'AUTO'),
    '/extensions/windows-service-ext/start_type',
    'enum',
  ),
  c(
    'process image that is a directory',
    'process',
    (o) => (o['image_ref'] = id('directory')),
    '/image_ref',
    'reference-type',
    'reference-type',
  ),
  c(
    'artifact with payload_bin and url',
    'artifact-url',
    (o) => (o['payload_bin'] = 'UEsDBA=='),
    '/url',
    'exclusive',
  ),
  c('artifact url without hashes', 'artifact-url', (o) => delete o['hashes'], '/url', 'dependency'),
  c(
    'artifact encryption algorithm rot13',
    'artifact',
    (o) => (o['encryption_algorithm'] = 'rot13'),
    '/encryption_algorithm',
    'enum',
  ),
  c(
    'artifact decryption key without algorithm',
    'artifact',
    (o) => delete o['encryption_algorithm'],
    '/decryption_key',
    'dependency',
  ),
  c(
    'artifact payload that is not base64',
    'artifact',
    (o) => (o['payload_bin'] = '@@@'),
    '/payload_bin',
    'format',
  ),
  c(
    'autonomous system number as text',
    'autonomous-system',
    (o) => (o['number'] = '15139'),
    '/number',
    'type',
  ),
  c(
    'directory without path',
    'directory',
    (o) => {
      delete o['path'];
      delete o['path_enc'];
    },
    '/path',
    'required',
  ),
  c(
    'software CPE 2.2 URI',
    'software',
    (o) => (o['cpe'] = 'cpe:/a:microsoft:word:2000'),
    '/cpe',
    'format',
  ),
  c(
    'user account with no property',
    'user-account',
    (o) => {
      for (const k of Object.keys(o)) if (!['type', 'id', 'spec_version'].includes(k)) delete o[k];
    },
    '',
    'required',
  ),
  c(
    'empty unix-account-ext',
    'user-account',
    (o) => (at(o, 'extensions')['unix-account-ext'] = {}),
    '/extensions/unix-account-ext',
    'empty',
  ),
  c(
    'registry key with an abbreviated hive',
    'windows-registry-key',
    (o) => (o['key'] = 'HKLM\\Software\\Foo'),
    '/key',
    'format',
  ),
  c(
    'registry value type REG_FOO',
    'windows-registry-key',
    (o) => (o['values'] = [{ name: 'a', data_type: 'REG_FOO' }]),
    '/values/0/data_type',
    'enum',
  ),
  c(
    'registry subkey count 1.5',
    'windows-registry-key',
    (o) => (o['number_of_subkeys'] = 1.5),
    '/number_of_subkeys',
    'type',
  ),
  c(
    'x509 certificate with no property',
    'x509-certificate',
    (o) => {
      for (const k of Object.keys(o)) if (!['type', 'id', 'spec_version'].includes(k)) delete o[k];
    },
    '',
    'required',
  ),
  c(
    'x509 certificate with a short SHA-1',
    'x509-certificate',
    (o) => (o['hashes'] = { 'SHA-1': '5374' }),
    '/hashes/SHA-1',
    'format',
  ),
  // §7 meta objects
  c(
    'statement marking without statement',
    'marking-definition',
    (o) => (o['definition'] = { text: 'x' }),
    '/definition/statement',
    'required',
  ),
  c(
    'marking without definition or extensions',
    'marking-definition',
    (o) => {
      delete o['definition'];
      delete o['definition_type'];
    },
    '/definition',
    'required',
  ),
  c(
    'TLP marking that is not a predefined one',
    'marking-definition',
    (o) =>
      Object.assign(o, {
        definition_type: 'tlp',
        definition: { tlp: 'white' },
        name: 'TLP:WHITE',
        created: '2017-01-20T00:00:00.000Z',
      }),
    '/id',
    'enum',
  ),
  c(
    'marking that marks itself',
    'marking-definition',
    (o) => (o['object_marking_refs'] = [o['id']]),
    '/object_marking_refs/0',
    'reference-type',
    'self-marking',
  ),
  c(
    'TLP 2.0 marking with level purple',
    'marking-definition',
    (o) => {
      for (const k of Object.keys(o)) delete o[k];
      Object.assign(o, structuredClone(TLP2.red), {
        extensions: {
          [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: 'purple' },
        },
      });
    },
    `/extensions/${TLP2_EXTENSION_ID}/tlp_2_0`,
    'enum',
    'tlp2',
  ),
  c(
    'language content key that is no language',
    'language-content',
    (o) => (o['contents'] = { en_US: { name: 'x' } }),
    '/contents/en_US',
    'format',
    'language-tag',
  ),
  c(
    'language content without object_ref',
    'language-content',
    (o) => delete o['object_ref'],
    '/object_ref',
    'required',
  ),
  c(
    'language content for a bundle',
    'language-content',
    (o) => (o['object_ref'] = id('bundle')),
    '/object_ref',
    'reference-type',
  ),
  c(
    'extension definition without created_by_ref',
    'extension-definition',
    (o) => delete o['created_by_ref'],
    '/created_by_ref',
    'required',
    'extension-definition',
  ),
  c(
    'extension type new-thing',
    'extension-definition',
    (o) => (o['extension_types'] = ['new-thing']),
    '/extension_types/0',
    'enum',
  ),
  c(
    'extension properties without a top-level extension',
    'extension-definition',
    (o) => (o['extension_types'] = ['property-extension']),
    '/extension_properties',
    'dependency',
  ),
];
