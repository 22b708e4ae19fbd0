import { Link } from 'react-router';
import type { RegimeModule } from '../lib/modules';
import { PageHeader } from '../components/page-header';
import { Icon } from '../components/icons';

/**
 * Landing page of a regime module. Until the module's server side is live on this node it says
 * so plainly, explains what the module is for, and shows no made-up records.
 */
export function ModulePage({ module }: { module: RegimeModule }) {
  return (
    <>
      <PageHeader title={module.label} description={module.hint} />
      <div className="module-hero">
        <p className="module-summary">{module.summary}</p>
        <div className="module-status">
          <Icon name="clock" className="empty-state-icon" />
          <div>
            <h2>Not yet available on this node</h2>
            <p>
              The {module.label.toLowerCase()} module has not been switched on for this node yet, so
              there is nothing to show here. Once it is, its records will appear on this page.
            </p>
            <h3 className="small" style={{ marginBottom: 'var(--space-2)' }}>
              What it will hold
            </h3>
            <ul className="check-list small">
              {module.uses.map((use) => (
                <li key={use}>{use}</li>
              ))}
            </ul>
            {module.meanwhile ? (
              <p className="small">
                {module.meanwhile.text}{' '}
                <Link to={module.meanwhile.to}>{module.meanwhile.label}</Link>
              </p>
            ) : null}
            <p className="small">
              <Link to="/">Back to your home page</Link>
            </p>
          </div>
        </div>
      </div>
    </>
  );
}
