import type { Alignment, Variant } from '../../api/glossary';
import { Badge } from '../../components/badge';
import { Icon } from '../../components/icons';

export const ALIGNMENT_LABELS: Record<Alignment, string> = {
  yes: 'Aligned',
  partly: 'Partly aligned',
  no: 'Not aligned',
};

const REASONS: Record<Variant['reasons'][number], string> = {
  low_similarity: 'wording far from the harmonised text',
  declared_not_aligned: 'declared not aligned',
};

/** "72 % similar" with a bar; the number carries the meaning, the bar helps comparing. */
export function Similarity({ value }: { value: number }) {
  const percent = Math.round(value * 100);
  return (
    <span className="similarity">
      <span className="similarity-value">{percent} % similar</span>
      <span className="similarity-bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </span>
    </span>
  );
}

/** Whether the participant's definition diverges, and why, in words. */
export function DivergenceBadge({ variant }: { variant: Variant }) {
  return variant.diverging ? (
    <Badge tone="warning">
      <Icon name="warning" />
      Diverges: {variant.reasons.map((r) => REASONS[r]).join('; ')}
    </Badge>
  ) : (
    <Badge tone="success">
      <Icon name="check" />
      Close to the harmonised text
    </Badge>
  );
}

export const DEFAULT_THRESHOLD = 0.6;
export const THRESHOLDS = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** A threshold from the address bar, or undefined for the server's default. */
export function parseThreshold(value: string): number | undefined {
  const n = Number(value);
  return value !== '' && Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}

export function ThresholdOptions() {
  return (
    <>
      <option value="">{Math.round(DEFAULT_THRESHOLD * 100)} % (default)</option>
      {THRESHOLDS.filter((t) => t !== DEFAULT_THRESHOLD).map((t) => (
        <option key={t} value={String(t)}>
          {Math.round(t * 100)} %
        </option>
      ))}
    </>
  );
}
