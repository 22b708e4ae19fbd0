/**
 * STIX 2.1 §10 vocabularies. Open vocabularies (`-ov`, §2.14) suggest values: anything else is
 * allowed but earns a warning. Enumerations (`-enum`, §2.4) are closed: anything else is an error.
 * Values are those of STIX 2.1 Errata 01 (which added e.g. `rust`, `legal`, `private-sector`).
 */

export type Vocabulary = ReadonlySet<string>;

const set = (...values: string[]): Vocabulary => new Set(values);

/** §10.1 account-type-ov. */
export const ACCOUNT_TYPE_OV = set(
  'facebook',
  'ldap',
  'nis',
  'openid',
  'radius',
  'skype',
  'tacacs',
  'twitter',
  'unix',
  'windows-local',
  'windows-domain',
);

/** §10.2 attack-motivation-ov. */
export const ATTACK_MOTIVATION_OV = set(
  'accidental',
  'coercion',
  'dominance',
  'ideology',
  'notoriety',
  'organizational-gain',
  'personal-gain',
  'personal-satisfaction',
  'revenge',
  'unpredictable',
);

/** §10.3 attack-resource-level-ov. */
export const ATTACK_RESOURCE_LEVEL_OV = set(
  'individual',
  'club',
  'contest',
  'team',
  'organization',
  'government',
);

/** §10.4 encryption-algorithm-enum. */
export const ENCRYPTION_ALGORITHM_ENUM = set(
  'AES-256-GCM',
  'ChaCha20-Poly1305',
  'mime-type-indicated',
);

/** §10.5 extension-type-enum. */
export const EXTENSION_TYPE_ENUM = set(
  'new-sdo',
  'new-sco',
  'new-sro',
  'property-extension',
  'toplevel-property-extension',
);

/** §10.6 grouping-context-ov. */
export const GROUPING_CONTEXT_OV = set('suspicious-activity', 'malware-analysis', 'unspecified');

/** §10.7 hash-algorithm-ov. */
export const HASH_ALGORITHM_OV = set(
  'MD5',
  'SHA-1',
  'SHA-256',
  'SHA-512',
  'SHA3-256',
  'SHA3-512',
  'SSDEEP',
  'TLSH',
);

/** §10.8 identity-class-ov. */
export const IDENTITY_CLASS_OV = set(
  'individual',
  'group',
  'system',
  'organization',
  'class',
  'unknown',
);

/** §10.9 implementation-language-ov. */
export const IMPLEMENTATION_LANGUAGE_OV = set(
  'applescript',
  'bash',
  'c',
  'c++',
  'c#',
  'go',
  'java',
  'javascript',
  'lua',
  'objective-c',
  'perl',
  'php',
  'powershell',
  'python',
  'ruby',
  'rust',
  'scala',
  'swift',
  'typescript',
  'visual-basic',
  'x86-32',
  'x86-64',
);

/** §10.10 indicator-type-ov. */
export const INDICATOR_TYPE_OV = set(
  'anomalous-activity',
  'anonymization',
  'benign',
  'compromised',
  'malicious-activity',
  'attribution',
  'unknown',
);

/** §10.11 industry-sector-ov. */
export const INDUSTRY_SECTOR_OV = set(
  'agriculture',
  'aerospace',
  'automotive',
  'chemical',
  'commercial',
  'communications',
  'construction',
  'defense',
  'education',
  'energy',
  'entertainment',
  'financial-services',
  'government',
  'emergency-services',
  'government-local',
  'government-national',
  'government-public-services',
  'government-regional',
  'healthcare',
  'hospitality-leisure',
  'infrastructure',
  'dams',
  'nuclear',
  'water',
  'insurance',
  'legal',
  'manufacturing',
  'mining',
  'non-profit',
  'pharmaceuticals',
  'retail',
  'technology',
  'telecommunications',
  'transportation',
  'utilities',
);

/** §10.12 infrastructure-type-ov. */
export const INFRASTRUCTURE_TYPE_OV = set(
  'amplification',
  'anonymization',
  'botnet',
  'command-and-control',
  'control-system',
  'exfiltration',
  'firewall',
  'hosting-malware',
  'hosting-target-lists',
  'phishing',
  'reconnaissance',
  'routers-switches',
  'staging',
  'workstation',
  'unknown',
);

/** §10.13 malware-capabilities-ov. */
export const MALWARE_CAPABILITIES_OV = set(
  'accesses-remote-machines',
  'anti-debugging',
  'anti-disassembly',
  'anti-emulation',
  'anti-memory-forensics',
  'anti-sandbox',
  'anti-vm',
  'captures-input-peripherals',
  'captures-output-peripherals',
  'captures-system-state-data',
  'cleans-traces-of-infection',
  'commits-fraud',
  'communicates-with-c2',
  'compromises-data-availability',
  'compromises-data-integrity',
  'compromises-system-availability',
  'controls-local-machine',
  'degrades-security-software',
  'degrades-system-updates',
  'determines-c2-server',
  'emails-spam',
  'escalates-privileges',
  'evades-av',
  'exfiltrates-data',
  'fingerprints-host',
  'hides-artifacts',
  'hides-executing-code',
  'infects-files',
  'infects-remote-machines',
  'installs-other-components',
  'persists-after-system-reboot',
  'prevents-artifact-access',
  'prevents-artifact-deletion',
  'probes-network-environment',
  'self-modifies',
  'steals-authentication-credentials',
  'violates-system-operational-integrity',
);

/** §10.14 malware-result-ov. */
export const MALWARE_RESULT_OV = set('malicious', 'suspicious', 'benign', 'unknown');

/** §10.15 malware-type-ov. */
export const MALWARE_TYPE_OV = set(
  'adware',
  'backdoor',
  'bot',
  'bootkit',
  'ddos',
  'downloader',
  'dropper',
  'exploit-kit',
  'keylogger',
  'ransomware',
  'remote-access-trojan',
  'resource-exploitation',
  'rogue-security-software',
  'rootkit',
  'screen-capture',
  'spyware',
  'trojan',
  'unknown',
  'virus',
  'webshell',
  'wiper',
  'worm',
);

/** §10.16 network-socket-address-family-enum. */
export const NETWORK_SOCKET_ADDRESS_FAMILY_ENUM = set(
  'AF_UNSPEC',
  'AF_INET',
  'AF_IPX',
  'AF_APPLETALK',
  'AF_NETBIOS',
  'AF_INET6',
  'AF_IRDA',
  'AF_BTH',
);

/** §10.17 network-socket-type-enum. */
export const NETWORK_SOCKET_TYPE_ENUM = set(
  'SOCK_STREAM',
  'SOCK_DGRAM',
  'SOCK_RAW',
  'SOCK_RDM',
  'SOCK_SEQPACKET',
);

/** §10.18 opinion-enum. */
export const OPINION_ENUM = set(
  'strongly-disagree',
  'disagree',
  'neutral',
  'agree',
  'strongly-agree',
);

/** §10.19 pattern-type-ov. */
export const PATTERN_TYPE_OV = set('stix', 'pcre', 'sigma', 'snort', 'suricata', 'yara');

/** §10.20 processor-architecture-ov. */
export const PROCESSOR_ARCHITECTURE_OV = set(
  'alpha',
  'arm',
  'ia-64',
  'mips',
  'powerpc',
  'sparc',
  'x86',
  'x86-64',
);

/** §10.21 region-ov. */
export const REGION_OV = set(
  'africa',
  'eastern-africa',
  'middle-africa',
  'northern-africa',
  'southern-africa',
  'western-africa',
  'americas',
  'latin-america-caribbean',
  'south-america',
  'caribbean',
  'central-america',
  'northern-america',
  'asia',
  'central-asia',
  'eastern-asia',
  'southern-asia',
  'south-eastern-asia',
  'western-asia',
  'europe',
  'eastern-europe',
  'northern-europe',
  'southern-europe',
  'western-europe',
  'oceania',
  'antarctica',
  'australia-new-zealand',
  'melanesia',
  'micronesia',
  'polynesia',
);

/** §10.22 report-type-ov. */
export const REPORT_TYPE_OV = set(
  'attack-pattern',
  'campaign',
  'identity',
  'incident',
  'indicator',
  'intrusion-set',
  'malware',
  'observed-data',
  'threat-actor',
  'threat-report',
  'tool',
  'vulnerability',
);

/** §10.23 threat-actor-type-ov. */
export const THREAT_ACTOR_TYPE_OV = set(
  'activist',
  'competitor',
  'crime-syndicate',
  'criminal',
  'hacker',
  'insider-accidental',
  'insider-disgruntled',
  'nation-state',
  'private-sector',
  'sensationalist',
  'spy',
  'terrorist',
  'unknown',
);

/** §10.24 threat-actor-role-ov. */
export const THREAT_ACTOR_ROLE_OV = set(
  'agent',
  'director',
  'independent',
  'infrastructure-architect',
  'infrastructure-operator',
  'malware-author',
  'sponsor',
);

/** §10.25 threat-actor-sophistication-ov. */
export const THREAT_ACTOR_SOPHISTICATION_OV = set(
  'none',
  'minimal',
  'intermediate',
  'advanced',
  'expert',
  'innovator',
  'strategic',
);

/** §10.26 tool-type-ov. */
export const TOOL_TYPE_OV = set(
  'denial-of-service',
  'exploitation',
  'information-gathering',
  'network-capture',
  'credential-exploitation',
  'remote-access',
  'vulnerability-scanning',
  'unknown',
);

/** §10.27 windows-integrity-level-enum. */
export const WINDOWS_INTEGRITY_LEVEL_ENUM = set('low', 'medium', 'high', 'system');

/** §10.28 windows-pebinary-type-ov. */
export const WINDOWS_PEBINARY_TYPE_OV = set('dll', 'exe', 'sys');

/** §10.29 windows-registry-datatype-enum. */
export const WINDOWS_REGISTRY_DATATYPE_ENUM = set(
  'REG_NONE',
  'REG_SZ',
  'REG_EXPAND_SZ',
  'REG_BINARY',
  'REG_DWORD',
  'REG_DWORD_BIG_ENDIAN',
  'REG_DWORD_LITTLE_ENDIAN',
  'REG_LINK',
  'REG_MULTI_SZ',
  'REG_RESOURCE_LIST',
  'REG_FULL_RESOURCE_DESCRIPTION',
  'REG_RESOURCE_REQUIREMENTS_LIST',
  'REG_QWORD',
  'REG_INVALID_TYPE',
);

/** §10.30 windows-service-start-type-enum. */
export const WINDOWS_SERVICE_START_TYPE_ENUM = set(
  'SERVICE_AUTO_START',
  'SERVICE_BOOT_START',
  'SERVICE_DEMAND_START',
  'SERVICE_DISABLED',
  'SERVICE_SYSTEM_ALERT',
);

/** §10.31 windows-service-type-enum. */
export const WINDOWS_SERVICE_TYPE_ENUM = set(
  'SERVICE_KERNEL_DRIVER',
  'SERVICE_FILE_SYSTEM_DRIVER',
  'SERVICE_WIN32_OWN_PROCESS',
  'SERVICE_WIN32_SHARE_PROCESS',
);

/** §10.32 windows-service-status-enum. */
export const WINDOWS_SERVICE_STATUS_ENUM = set(
  'SERVICE_CONTINUE_PENDING',
  'SERVICE_PAUSE_PENDING',
  'SERVICE_PAUSED',
  'SERVICE_RUNNING',
  'SERVICE_START_PENDING',
  'SERVICE_STOP_PENDING',
  'SERVICE_STOPPED',
);
