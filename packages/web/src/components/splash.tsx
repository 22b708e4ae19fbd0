import { BrandMark } from './icons';

/** Shown while the session is being checked, before any chrome can be drawn. */
export function Splash() {
  return (
    <div className="splash" role="status">
      <div className="loading">
        <BrandMark />
        <span>Loading Concord…</span>
      </div>
    </div>
  );
}
