import { Link } from 'react-router';
import { REGIME_MODULES } from '../../lib/modules';

export function ModulesOverview() {
  return (
    <section aria-labelledby="modules-heading">
      <div className="section-header">
        <div>
          <h2 id="modules-heading">The regime’s modules</h2>
          <p>
            Each pillar of the regime is carried by one module. They open here as they go live on
            this node.
          </p>
        </div>
      </div>
      <ul className="card-grid plain-list" style={{ listStyle: 'none' }}>
        {REGIME_MODULES.map((module) => (
          <li key={module.id} style={{ border: 0, padding: 0 }}>
            <Link className="link-card" to={module.path}>
              <strong>{module.label}</strong>
              <span>{module.hint}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
