import { objectLabel } from '../../api/intel';
import type { Tlp } from '../../api/intel';
import { Badge } from '../../components/badge';
import { TlpBadge } from './tlp-badge';

/** An object's type (from the object, else its id) and the title its page shows. */
export function objectHeading(
  object: Record<string, unknown>,
  stixId: string,
): { type: string; title: string } {
  const type = typeof object.type === 'string' ? object.type : (stixId.split('--')[0] ?? '');
  const name = typeof object.name === 'string' ? object.name : null;
  return { type, title: objectLabel({ id: stixId, type, name }) };
}

/** The badges beside an object's title: marking, type, and whether it is revoked. */
export function ObjectBadges({ tlp, type, revoked }: { tlp: Tlp; type: string; revoked: boolean }) {
  return (
    <>
      <TlpBadge tlp={tlp} />
      <Badge>{type}</Badge>
      {revoked ? <Badge tone="danger">Revoked</Badge> : null}
    </>
  );
}
