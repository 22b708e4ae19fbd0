import type { Contact } from '../../api/directory';
import { DESIGNATION_LABELS, KIND_LABELS } from '../../api/directory';
import { Badge } from '../../components/badge';

/** How to reach a contact: each channel on its own line, as links where they can be. */
export function Channels({ channels }: { channels: Contact['channels'] }) {
  return (
    <ul className="plain-list channel-list">
      {channels.email ? (
        <li>
          <span className="visually-hidden">Email: </span>
          <a href={`mailto:${channels.email}`}>{channels.email}</a>
        </li>
      ) : null}
      {channels.phone ? (
        <li>
          <span className="visually-hidden">Phone: </span>
          <a href={`tel:${channels.phone}`}>{channels.phone}</a>
        </li>
      ) : null}
      {channels.secureHandle ? (
        <li className="mono">
          <span className="visually-hidden">Secure messaging: </span>
          {channels.secureHandle}
        </li>
      ) : null}
    </ul>
  );
}

export function ContactBadges({ contact: c }: { contact: Contact }) {
  return (
    <span className="badge-list">
      <Badge tone={c.kind === 'diplomatic' ? 'info' : 'neutral'}>{KIND_LABELS[c.kind]}</Badge>
      <Badge tone={c.designation === 'primary' ? 'success' : 'neutral'}>
        {DESIGNATION_LABELS[c.designation]}
      </Badge>
      {c.current ? null : <Badge tone="warning">Not valid today</Badge>}
    </span>
  );
}

/** When a contact answers: around the clock, or office hours in a time zone. */
export const availabilityText = (c: Contact): string =>
  c.availability === '24/7'
    ? 'Around the clock (24/7)'
    : [c.hours, c.timeZone ? `(${c.timeZone})` : null].filter(Boolean).join(' ') || 'Office hours';

/** The days a contact is valid, "from 2026-01-01" or "2026-01-01 to 2026-12-31". */
export const validityText = (c: Contact): string =>
  c.validUntil ? `${c.validFrom} to ${c.validUntil}` : `From ${c.validFrom}`;
