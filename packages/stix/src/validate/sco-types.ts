/**
 * Types embedded in SCOs: §6.6.1 e-mail header values, §6.6.2 Email MIME Component, §6.17.1
 * registry keys, §6.17.2 Windows Registry Value and §6.18.2 X.509 v3 Extensions.
 */
import { WINDOWS_REGISTRY_DATATYPE_ENUM } from '../vocab';
import type { Check } from './engine';
import { embedded, objectSpec } from './engine';
import { atLeastOne, exclusive, nonEmptyOf } from './constraints';
import { enumeration, identifier, refTo, string, timestamp } from './values';

const ts = timestamp();

/**
 * §6.6.1 additional_header_fields: each value "MUST always be a list of type string"; a bare
 * string, which the OASIS schema and older producers use, is accepted with a warning.
 */
export const headerValue: Check = (issues, value, path) => {
  if (typeof value === 'string') {
    issues.warn(path, 'type', 'should be a list of strings (§6.6)');
  } else if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.some((v) => typeof v !== 'string')
  ) {
    issues.error(path, 'type', 'must be a non-empty list of strings (§6.6)');
  }
};

/** §6.6.2 Email MIME Component type: exactly one of body and body_raw_ref. */
export const mimePart = embedded(
  objectSpec('email-mime-part-type', {
    props: {
      body: string,
      body_raw_ref: identifier(refTo('artifact', 'file')),
      content_type: string,
      content_disposition: string,
    },
    constraints: [atLeastOne('body', 'body_raw_ref'), exclusive('body', 'body_raw_ref')],
  }),
);

/** §6.17.1: the hive must be fully expanded (HKEY_LOCAL_MACHINE, not HKLM). */
const ABBREVIATED_HIVE_RE = /^(?:HKLM|HKCC|HKCR|HKCU|HKU)(?:\\|$)/i;
export const registryKey: Check = (issues, value, path) => {
  if (typeof value !== 'string') issues.error(path, 'type', 'must be a string');
  else if (ABBREVIATED_HIVE_RE.test(value)) {
    issues.error(
      path,
      'format',
      'the hive must be fully expanded, e.g. HKEY_LOCAL_MACHINE (§6.17)',
    );
  }
};

/** §6.17.2 Windows Registry Value type: at least one property. */
export const registryValue = embedded(
  objectSpec('windows-registry-value-type', {
    props: {
      name: string,
      data: string,
      data_type: enumeration(WINDOWS_REGISTRY_DATATYPE_ENUM, 'windows-registry-datatype-enum'),
    },
    constraints: [nonEmptyOf('windows-registry-value-type', ['name', 'data', 'data_type'])],
  }),
);

const X509_V3_PROPS: Record<string, Check> = {
  basic_constraints: string,
  name_constraints: string,
  policy_constraints: string,
  key_usage: string,
  extended_key_usage: string,
  subject_key_identifier: string,
  authority_key_identifier: string,
  subject_alternative_name: string,
  issuer_alternative_name: string,
  subject_directory_attributes: string,
  crl_distribution_points: string,
  inhibit_any_policy: string,
  private_key_usage_period_not_before: ts,
  private_key_usage_period_not_after: ts,
  certificate_policies: string,
  policy_mappings: string,
};

/** §6.18.2 X.509 v3 Extensions type: at least one property. */
export const x509v3 = embedded(
  objectSpec('x509-v3-extensions-type', {
    props: X509_V3_PROPS,
    constraints: [nonEmptyOf('x509-v3-extensions-type', Object.keys(X509_V3_PROPS))],
  }),
);
