/**
 * STIX 2.1 predefined object extensions (§3.10): the five File extensions (§6.7.2–§6.7.6), the
 * four Network Traffic extensions (§6.12.2–§6.12.5), the two Process extensions
 * (§6.13.2–§6.13.3) and the UNIX Account extension (§6.16.2), with their embedded types.
 */
import { isStixInteger } from '../guards';
import {
  NETWORK_SOCKET_ADDRESS_FAMILY_ENUM,
  NETWORK_SOCKET_TYPE_ENUM,
  WINDOWS_INTEGRITY_LEVEL_ENUM,
  WINDOWS_PEBINARY_TYPE_OV,
  WINDOWS_SERVICE_START_TYPE_ENUM,
  WINDOWS_SERVICE_STATUS_ENUM,
  WINDOWS_SERVICE_TYPE_ENUM,
} from '../vocab';
import type { Check, ObjectSpec } from './engine';
import { embedded, objectSpec } from './engine';
import { customProperties } from './custom';
import { nonEmptyOf } from './constraints';
import {
  boolean,
  dictionary,
  enumeration,
  float,
  hashes,
  hex,
  identifier,
  integer,
  list,
  openVocab,
  refTo,
  string,
  timestamp,
} from './values';

const count = integer(0);
const sha = hashes(false);

/** An extension: its properties, with at least one of `atLeastOne` when given. */
function extension(
  name: string,
  props: Record<string, Check>,
  required: readonly string[] = [],
  atLeastOne?: readonly string[],
): ObjectSpec {
  return objectSpec(name, {
    props,
    required,
    constraints: atLeastOne === undefined ? [] : [nonEmptyOf(name, atLeastOne)],
    unknown: customProperties({ wantPrefix: true }),
  });
}

/** §6.7.3 Alternate Data Stream type. */
const alternateDataStream = embedded(
  objectSpec('alternate-data-stream-type', {
    props: { name: string, hashes: sha, size: count },
    required: ['name'],
  }),
);

const OPTIONAL_HEADER_PROPS: Record<string, Check> = {
  magic_hex: hex,
  major_linker_version: integer(),
  minor_linker_version: integer(),
  size_of_code: count,
  size_of_initialized_data: count,
  size_of_uninitialized_data: count,
  address_of_entry_point: integer(),
  base_of_code: integer(),
  base_of_data: integer(),
  image_base: integer(),
  section_alignment: integer(),
  file_alignment: integer(),
  major_os_version: integer(),
  minor_os_version: integer(),
  major_image_version: integer(),
  minor_image_version: integer(),
  major_subsystem_version: integer(),
  minor_subsystem_version: integer(),
  win32_version_value_hex: hex,
  size_of_image: count,
  size_of_headers: count,
  checksum_hex: hex,
  subsystem_hex: hex,
  dll_characteristics_hex: hex,
  size_of_stack_reserve: count,
  size_of_stack_commit: count,
  size_of_heap_reserve: count,
  size_of_heap_commit: count,
  loader_flags_hex: hex,
  number_of_rva_and_sizes: integer(),
  hashes: sha,
};

/** §6.7.6 Windows PE Optional Header type: at least one property. */
const optionalHeader = embedded(
  objectSpec('windows-pe-optional-header-type', {
    props: OPTIONAL_HEADER_PROPS,
    constraints: [
      nonEmptyOf('windows-pe-optional-header-type', Object.keys(OPTIONAL_HEADER_PROPS)),
    ],
  }),
);

/** §6.7.6 Windows PE Section type. */
const peSection = embedded(
  objectSpec('windows-pe-section-type', {
    props: { name: string, size: count, entropy: float(), hashes: sha },
    required: ['name'],
  }),
);

const PEBINARY_PROPS: Record<string, Check> = {
  pe_type: openVocab(WINDOWS_PEBINARY_TYPE_OV, 'windows-pebinary-type-ov'),
  imphash: string,
  machine_hex: hex,
  number_of_sections: count,
  time_date_stamp: timestamp({ wholeSeconds: true }),
  pointer_to_symbol_table_hex: hex,
  number_of_symbols: count,
  size_of_optional_header: count,
  characteristics_hex: hex,
  file_header_hashes: sha,
  optional_header: optionalHeader,
  sections: list(peSection),
};

const FILE_EXTENSIONS = new Map<string, ObjectSpec>([
  // §6.7.2
  [
    'archive-ext',
    extension(
      'archive-ext',
      {
        contains_refs: list(identifier(refTo('file', 'directory'))),
        comment: string,
      },
      ['contains_refs'],
    ),
  ],
  // §6.7.3
  [
    'ntfs-ext',
    extension(
      'ntfs-ext',
      { sid: string, alternate_data_streams: list(alternateDataStream) },
      [],
      ['sid', 'alternate_data_streams'],
    ),
  ],
  // §6.7.4
  [
    'pdf-ext',
    extension(
      'pdf-ext',
      {
        version: string,
        is_optimized: boolean,
        document_info_dict: dictionary(string),
        pdfid0: string,
        pdfid1: string,
      },
      [],
      ['version', 'is_optimized', 'document_info_dict', 'pdfid0', 'pdfid1'],
    ),
  ],
  // §6.7.5
  [
    'raster-image-ext',
    extension(
      'raster-image-ext',
      {
        image_height: integer(),
        image_width: integer(),
        bits_per_pixel: integer(),
        exif_tags: dictionary(intOrString('EXIF tag values')),
      },
      [],
      ['image_height', 'image_width', 'bits_per_pixel', 'exif_tags'],
    ),
  ],
  // §6.7.6: at least one property other than pe_type
  [
    'windows-pebinary-ext',
    extension(
      'windows-pebinary-ext',
      PEBINARY_PROPS,
      ['pe_type'],
      Object.keys(PEBINARY_PROPS).slice(1),
    ),
  ],
]);

function intOrString(what: string): Check {
  return (issues, value, path) => {
    if (typeof value !== 'string' && !isStixInteger(value)) {
      issues.error(path, 'type', `${what} must be integers or strings`);
    }
  };
}

/** §6.12.4: option names such as SO_ACCEPTCONN; values MUST be integers. */
const SOCKET_OPTION_RE = /^(?:SO|ICMP|ICMP6|IP|IPV6|MCAST|TCP|IRLMP)_[A-Z0-9_]+$/;
const socketOption: Check = (issues, value, path) => {
  if (!isStixInteger(value))
    issues.error(path, 'type', 'socket option values must be integers (§6.12.4)');
  const key = path.slice(path.lastIndexOf('/') + 1);
  if (!SOCKET_OPTION_RE.test(key)) {
    issues.warn(path, 'format', 'should be a socket option name such as SO_ACCEPTCONN (§6.12.4)');
  }
};

const NETWORK_TRAFFIC_EXTENSIONS = new Map<string, ObjectSpec>([
  // §6.12.2
  [
    'http-request-ext',
    extension(
      'http-request-ext',
      {
        request_method: string,
        request_value: string,
        request_version: string,
        request_header: dictionary(list(string)),
        message_body_length: integer(),
        message_body_data_ref: identifier(refTo('artifact')),
      },
      ['request_method', 'request_value'],
    ),
  ],
  // §6.12.3
  [
    'icmp-ext',
    extension('icmp-ext', { icmp_type_hex: hex, icmp_code_hex: hex }, [
      'icmp_type_hex',
      'icmp_code_hex',
    ]),
  ],
  // §6.12.4
  [
    'socket-ext',
    extension(
      'socket-ext',
      {
        address_family: enumeration(
          NETWORK_SOCKET_ADDRESS_FAMILY_ENUM,
          'network-socket-address-family-enum',
        ),
        is_blocking: boolean,
        is_listening: boolean,
        options: dictionary(socketOption),
        socket_type: enumeration(NETWORK_SOCKET_TYPE_ENUM, 'network-socket-type-enum'),
        socket_descriptor: count,
        socket_handle: integer(),
      },
      ['address_family'],
    ),
  ],
  // §6.12.5
  [
    'tcp-ext',
    extension(
      'tcp-ext',
      { src_flags_hex: hex, dst_flags_hex: hex },
      [],
      ['src_flags_hex', 'dst_flags_hex'],
    ),
  ],
]);

const PROCESS_EXTENSIONS = new Map<string, ObjectSpec>([
  // §6.13.2 (the OASIS Standard names the title property window_title)
  [
    'windows-process-ext',
    extension(
      'windows-process-ext',
      {
        aslr_enabled: boolean,
        dep_enabled: boolean,
        priority: string,
        owner_sid: string,
        window_title: string,
        startup_info: dictionary(),
        integrity_level: enumeration(WINDOWS_INTEGRITY_LEVEL_ENUM, 'windows-integrity-level-enum'),
      },
      [],
      [
        'aslr_enabled',
        'dep_enabled',
        'priority',
        'owner_sid',
        'window_title',
        'startup_info',
        'integrity_level',
      ],
    ),
  ],
  // §6.13.3
  [
    'windows-service-ext',
    extension(
      'windows-service-ext',
      {
        service_name: string,
        descriptions: list(string),
        display_name: string,
        group_name: string,
        start_type: enumeration(WINDOWS_SERVICE_START_TYPE_ENUM, 'windows-service-start-type-enum'),
        service_dll_refs: list(identifier(refTo('file'))),
        service_type: enumeration(WINDOWS_SERVICE_TYPE_ENUM, 'windows-service-type-enum'),
        service_status: enumeration(WINDOWS_SERVICE_STATUS_ENUM, 'windows-service-status-enum'),
      },
      [],
      [
        'service_name',
        'descriptions',
        'display_name',
        'group_name',
        'start_type',
        'service_dll_refs',
        'service_type',
        'service_status',
      ],
    ),
  ],
]);

const USER_ACCOUNT_EXTENSIONS = new Map<string, ObjectSpec>([
  // §6.16.2
  [
    'unix-account-ext',
    extension(
      'unix-account-ext',
      {
        gid: integer(),
        groups: list(string),
        home_dir: string,
        shell: string,
      },
      [],
      ['gid', 'groups', 'home_dir', 'shell'],
    ),
  ],
]);

/** Predefined extensions by the SCO type that defines them. */
export const PREDEFINED_EXTENSIONS: ReadonlyMap<string, ReadonlyMap<string, ObjectSpec>> = new Map([
  ['file', FILE_EXTENSIONS],
  ['network-traffic', NETWORK_TRAFFIC_EXTENSIONS],
  ['process', PROCESS_EXTENSIONS],
  ['user-account', USER_ACCOUNT_EXTENSIONS],
]);
