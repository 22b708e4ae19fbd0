import { DateTime } from '../../components/time';

/** Properties shown up top, in this order, when the object has them. */
const KEY_PROPERTIES = [
  'description',
  'pattern',
  'pattern_type',
  'indicator_types',
  'malware_types',
  'aliases',
  'goals',
  'objective',
  'capabilities',
  'is_family',
  'confidence',
  'labels',
  'valid_from',
  'valid_until',
  'first_seen',
  'last_seen',
  'created',
  'modified',
] as const;

const humanise = (key: string) => {
  const text = key.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

function PropertyValue({ name, value }: { name: string; value: unknown }) {
  if (Array.isArray(value)) return <>{value.map(String).join(', ')}</>;
  if (typeof value === 'boolean') return <>{value ? 'Yes' : 'No'}</>;
  if (name === 'pattern' && typeof value === 'string')
    return <code className="intel-pattern">{value}</code>;
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value))
    return <DateTime value={value} />;
  if (typeof value === 'string' || typeof value === 'number') return <>{value}</>;
  return <code>{JSON.stringify(value)}</code>;
}

/** An object's key properties (those it has, in a fixed order) and the whole of it as JSON. */
export function ObjectProperties({
  object: o,
  stixId,
}: {
  object: Record<string, unknown>;
  stixId: string;
}) {
  const present = KEY_PROPERTIES.filter((key) => o[key] !== undefined && o[key] !== null);
  return (
    <section aria-labelledby="intel-properties" className="intel-section">
      <h2 id="intel-properties">Properties</h2>
      <dl className="intel-properties">
        <div>
          <dt>STIX id</dt>
          <dd>
            <code className="intel-id">{stixId}</code>
          </dd>
        </div>
        {present.map((key) => (
          <div key={key}>
            <dt>{humanise(key)}</dt>
            <dd>
              <PropertyValue name={key} value={o[key]} />
            </dd>
          </div>
        ))}
      </dl>
      <details className="disclosure">
        <summary>The object as STIX JSON</summary>
        <pre className="intel-json" tabIndex={0}>
          {JSON.stringify(o, null, 2)}
        </pre>
      </details>
    </section>
  );
}
