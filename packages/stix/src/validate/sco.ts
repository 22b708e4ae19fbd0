/** STIX 2.1 §6 STIX Cyber-observable Objects: the property tables of §6.1.1–§6.18.1. */
import { isPlainObject } from '../guards';
import { pointer } from '../issues';
import { ACCOUNT_TYPE_OV, ENCRYPTION_ALGORITHM_ENUM } from '../vocab';
import type { Check, Constraint, ObjectSpec } from './engine';
import { has } from './engine';
import { atLeastOne, exclusive, nonEmptyOf, notBefore, requires } from './constraints';
import { language, url } from './common';
import {
  isCharsetName,
  isCpe23,
  isDomainName,
  isEmailAddress,
  isIpv4Cidr,
  isIpv6Cidr,
  isMac48,
} from './formats';
import { observableObject } from './top-level';
import { headerValue, mimePart, registryKey, registryValue, x509v3 } from './sco-types';
import {
  binary,
  boolean,
  dictionary,
  enumeration,
  formatted,
  hashes,
  hex,
  identifier,
  integer,
  list,
  openVocab,
  refTo,
  refToKinds,
  string,
  timestamp,
} from './values';

const ts = timestamp();
const sha = hashes(false);
const count = integer(0);
const ref = (...types: string[]): Check => identifier(refTo(...types));
const refs = (...types: string[]): Check => list(identifier(refTo(...types)));
const charset = formatted(isCharsetName, 'an IANA character set name (§3.9.1)');

const sco = observableObject;

/** §6.6.1: body only when is_multipart is false, body_multipart only when it is true. */
const multipartRules: Constraint = (issues, obj, path) => {
  const multipart = obj['is_multipart'];
  if (multipart === true && has(obj, 'body')) {
    issues.error(
      pointer(path, 'body'),
      'dependency',
      'must not be present when is_multipart is true (§6.6)',
    );
  }
  if (multipart === false && has(obj, 'body_multipart')) {
    issues.error(
      pointer(path, 'body_multipart'),
      'dependency',
      'must not be present when is_multipart is false (§6.6)',
    );
  }
};

/** §6.12.1: an ongoing flow (is_active true) has no end. */
const activeHasNoEnd: Constraint = (issues, obj, path) => {
  if (obj['is_active'] === true && has(obj, 'end')) {
    issues.error(
      pointer(path, 'end'),
      'dependency',
      'must not be present when is_active is true (§6.12)',
    );
  }
};

const PROCESS_PROPS: Record<string, Check> = {
  is_hidden: boolean,
  pid: integer(),
  created_time: ts,
  cwd: string,
  command_line: string,
  environment_variables: dictionary(string),
  opened_connection_refs: refs('network-traffic'),
  creator_user_ref: ref('user-account'),
  image_ref: ref('file'),
  parent_ref: ref('process'),
  child_refs: refs('process'),
};

const USER_ACCOUNT_PROPS: Record<string, Check> = {
  user_id: string,
  credential: string,
  account_login: string,
  account_type: openVocab(ACCOUNT_TYPE_OV, 'account-type-ov'),
  display_name: string,
  is_service_account: boolean,
  is_privileged: boolean,
  can_escalate_privs: boolean,
  is_disabled: boolean,
  account_created: ts,
  account_expires: ts,
  credential_last_changed: ts,
  account_first_login: ts,
  account_last_login: ts,
};

const REGISTRY_PROPS: Record<string, Check> = {
  key: registryKey,
  values: list(registryValue),
  modified_time: ts,
  creator_user_ref: ref('user-account'),
  number_of_subkeys: integer(),
};

const X509_PROPS: Record<string, Check> = {
  is_self_signed: boolean,
  hashes: sha,
  version: string,
  serial_number: string,
  signature_algorithm: string,
  issuer: string,
  validity_not_before: ts,
  validity_not_after: ts,
  subject: string,
  subject_public_key_algorithm: string,
  subject_public_key_modulus: string,
  subject_public_key_exponent: integer(),
  x509_v3_extensions: x509v3,
};

const ipRefs = {
  resolves_to_refs: refs('mac-addr'),
  belongs_to_refs: refs('autonomous-system'),
};

const endpoint = ref('ipv4-addr', 'ipv6-addr', 'mac-addr', 'domain-name');

/** A process is allowed its extensions as the one property it must have (§6.13). */
const processNonEmpty: Constraint = (issues, obj, path) => {
  const ext = obj['extensions'];
  if (isPlainObject(ext) && Object.keys(ext).length > 0) return;
  nonEmptyOf('a process', [...Object.keys(PROCESS_PROPS), 'extensions'])(issues, obj, path);
};

export const SCO_SPECS: readonly ObjectSpec[] = [
  // §6.1
  sco(
    'artifact',
    {
      mime_type: string,
      payload_bin: binary,
      url,
      hashes: sha,
      encryption_algorithm: enumeration(ENCRYPTION_ALGORITHM_ENUM, 'encryption-algorithm-enum'),
      decryption_key: string,
    },
    [],
    [
      atLeastOne('payload_bin', 'url'),
      exclusive('payload_bin', 'url'),
      requires('url', 'hashes'),
      requires('decryption_key', 'encryption_algorithm'),
    ],
  ),
  // §6.2
  sco('autonomous-system', { number: integer(), name: string, rir: string }, ['number']),
  // §6.3
  sco(
    'directory',
    {
      path: string,
      path_enc: charset,
      ctime: ts,
      mtime: ts,
      atime: ts,
      contains_refs: refs('file', 'directory'),
    },
    ['path'],
  ),
  // §6.4
  sco(
    'domain-name',
    {
      value: formatted(isDomainName, 'a domain name (RFC 1034, RFC 5890)'),
      resolves_to_refs: refs('ipv4-addr', 'ipv6-addr', 'domain-name'),
    },
    ['value'],
  ),
  // §6.5
  sco(
    'email-addr',
    {
      value: formatted(isEmailAddress, 'an e-mail address (RFC 5322 addr-spec)'),
      display_name: string,
      belongs_to_ref: ref('user-account'),
    },
    ['value'],
  ),
  // §6.6
  sco(
    'email-message',
    {
      is_multipart: boolean,
      date: ts,
      content_type: string,
      from_ref: ref('email-addr'),
      sender_ref: ref('email-addr'),
      to_refs: refs('email-addr'),
      cc_refs: refs('email-addr'),
      bcc_refs: refs('email-addr'),
      message_id: string,
      subject: string,
      received_lines: list(string),
      additional_header_fields: dictionary(headerValue),
      body: string,
      body_multipart: list(mimePart),
      raw_email_ref: ref('artifact'),
    },
    ['is_multipart'],
    [multipartRules],
  ),
  // §6.7
  sco(
    'file',
    {
      hashes: sha,
      size: count,
      name: string,
      name_enc: charset,
      magic_number_hex: hex,
      mime_type: string,
      ctime: ts,
      mtime: ts,
      atime: ts,
      parent_directory_ref: ref('directory'),
      contains_refs: list(identifier(refToKinds('a Cyber-observable Object', 'sco'))),
      content_ref: ref('artifact'),
    },
    [],
    [atLeastOne('hashes', 'name'), requires('name_enc', 'name')],
  ),
  // §6.8
  sco(
    'ipv4-addr',
    {
      value: formatted(isIpv4Cidr, 'an IPv4 address or CIDR block'),
      ...ipRefs,
    },
    ['value'],
  ),
  // §6.9
  sco(
    'ipv6-addr',
    {
      value: formatted(isIpv6Cidr, 'an IPv6 address or CIDR block'),
      ...ipRefs,
    },
    ['value'],
  ),
  // §6.10
  sco(
    'mac-addr',
    {
      value: formatted(
        isMac48,
        'a lowercase colon-delimited MAC-48 address, e.g. 00:00:ab:cd:ef:01',
      ),
    },
    ['value'],
  ),
  // §6.11
  sco('mutex', { name: string }, ['name']),
  // §6.12
  sco(
    'network-traffic',
    {
      start: ts,
      end: ts,
      is_active: boolean,
      src_ref: endpoint,
      dst_ref: endpoint,
      src_port: integer(0, 65535),
      dst_port: integer(0, 65535),
      protocols: list(string),
      src_byte_count: count,
      dst_byte_count: count,
      src_packets: count,
      dst_packets: count,
      ipfix: dictionary((issues, value, path) => {
        if (
          typeof value !== 'string' &&
          !(typeof value === 'number' && Number.isSafeInteger(value))
        ) {
          issues.error(path, 'type', 'IPFIX values must be integers or strings (§6.12)');
        }
      }),
      src_payload_ref: ref('artifact'),
      dst_payload_ref: ref('artifact'),
      encapsulates_refs: refs('network-traffic'),
      encapsulated_by_ref: ref('network-traffic'),
    },
    ['protocols'],
    [atLeastOne('src_ref', 'dst_ref'), activeHasNoEnd, notBefore('start', 'end')],
  ),
  // §6.13
  sco('process', PROCESS_PROPS, [], [processNonEmpty]),
  // §6.14
  sco(
    'software',
    {
      name: string,
      cpe: formatted(isCpe23, 'a CPE 2.3 formatted string "cpe:2.3:…" (§6.14)'),
      swid: string,
      languages: list(language),
      vendor: string,
      version: string,
    },
    ['name'],
  ),
  // §6.15
  sco('url', { value: url }, ['value']),
  // §6.16
  sco(
    'user-account',
    USER_ACCOUNT_PROPS,
    [],
    [
      (issues, obj, path) => {
        const ext = obj['extensions'];
        if (isPlainObject(ext) && Object.keys(ext).length > 0) return;
        nonEmptyOf('a user-account', Object.keys(USER_ACCOUNT_PROPS))(issues, obj, path);
      },
    ],
  ),
  // §6.17
  sco(
    'windows-registry-key',
    REGISTRY_PROPS,
    [],
    [nonEmptyOf('a windows-registry-key', Object.keys(REGISTRY_PROPS))],
  ),
  // §6.18
  sco(
    'x509-certificate',
    X509_PROPS,
    [],
    [nonEmptyOf('an x509-certificate', Object.keys(X509_PROPS))],
  ),
];
