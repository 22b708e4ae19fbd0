/** payloadType values are media types: RFC 6838 §4.2 type "/" subtype, no parameters. */
import { LedgerError } from './errors';

const RESTRICTED_NAME = '[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}';
const MEDIA_TYPE = new RegExp(`^${RESTRICTED_NAME}/${RESTRICTED_NAME}$`);

export function isMediaType(value: unknown): value is string {
  return typeof value === 'string' && MEDIA_TYPE.test(value);
}

export function assertPayloadType(value: unknown): asserts value is string {
  if (!isMediaType(value)) {
    throw new LedgerError('INVALID_PAYLOAD_TYPE', 'payloadType: must be a media type like a/b');
  }
}
