import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { TermDetail } from '../../api/glossary';
import type { Norm } from '../../api/norms';
import { DateTime } from '../../components/time';
import { EditTermForm } from './edit-term-form';

/**
 * The harmonised definition, its thresholds and notes, and the norms that rely on it. The
 * secretariat (`canEdit`) edits it in place.
 */
export function HarmonisedCard({
  term: t,
  norms,
  canEdit,
  onSaved,
}: {
  term: TermDetail;
  norms: readonly Norm[];
  canEdit: boolean;
  onSaved: (message: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // Back on the Edit button once the form closes, so keyboard users keep their place.
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  return (
    <section
      className={`card variant-card variant-card--harmonised${editing ? ' variant-card--editing' : ''}`}
      aria-labelledby="harmonised-heading"
    >
      <div className="card-heading">
        <h2 id="harmonised-heading">Harmonised definition</h2>
        {canEdit && !editing ? (
          <button
            type="button"
            className="btn btn-sm"
            ref={editButton}
            onClick={() => setEditing(true)}
          >
            Edit<span className="visually-hidden"> the harmonised term</span>
          </button>
        ) : null}
      </div>
      {editing ? (
        <EditTermForm
          term={t}
          onDone={(message) => {
            returnFocus.current = true;
            setEditing(false);
            if (message) onSaved(message);
          }}
        />
      ) : (
        <>
          <p className="variant-text">{t.definition}</p>
          {t.thresholds ? (
            <>
              <h3 className="subheading">Thresholds</h3>
              <p className="norm-text">{t.thresholds}</p>
            </>
          ) : null}
          {t.notes ? (
            <>
              <h3 className="subheading">Notes</h3>
              <p className="norm-text small">{t.notes}</p>
            </>
          ) : null}
          <p className="small muted">
            Last changed <DateTime value={t.updatedAt} mode="date" />
          </p>
          {norms.length > 0 ? (
            <>
              <h3 className="subheading">Norms that rely on it</h3>
              <ul className="inline-list small">
                {norms.map((n) => (
                  <li key={n.id}>
                    <Link to={`/norms/${n.id}`}>{n.current.title}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
