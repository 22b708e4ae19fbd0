import { TLP_LABELS, TLP_MEANINGS } from '../../api/intel';
import type { Tlp } from '../../api/intel';

/**
 * A TLP 2.0 label in FIRST's colours (text on black, CLEAR white with a black border); the
 * words carry the meaning, so it does not depend on telling the colours apart.
 */
export function TlpBadge({ tlp }: { tlp: Tlp }) {
  return (
    <span
      className={`tlp tlp--${tlp === 'amber+strict' ? 'amber-strict' : tlp}`}
      title={TLP_MEANINGS[tlp]}
    >
      {TLP_LABELS[tlp]}
    </span>
  );
}
