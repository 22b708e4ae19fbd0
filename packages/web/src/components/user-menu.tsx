import { useEffect, useId, useRef, useState } from 'react';
import type { FocusEvent } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { useLogout } from '../auth/use-logout';
import { initials } from '../lib/format';
import { Icon } from './icons';

/**
 * The account menu in the header: a disclosure (button + panel of links), which screen readers
 * handle well without the full ARIA menu keyboard model. Escape or clicking elsewhere closes it.
 */
export function UserMenu() {
  const me = useMe();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !container.current?.contains(event.target))
        setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (event.relatedTarget instanceof Node && !event.currentTarget.contains(event.relatedTarget)) {
      setOpen(false);
    }
  };
  const close = () => setOpen(false);

  return (
    <div className="user-menu" ref={container} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="header-button user-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(me.displayName)}
        </span>
        <span className="visually-hidden">Account menu for </span>
        <span className="user-menu-names">
          <span>{me.displayName}</span>
          <small>{me.participant.name}</small>
        </span>
        <Icon name="chevronDown" className="icon user-menu-chevron" />
      </button>
      <div className="user-menu-panel" id={panelId} hidden={!open}>
        <div className="user-menu-panel-header">
          <strong>{me.displayName}</strong>
          <span>{me.email}</span>
          <br />
          <span>{me.participant.name}</span>
        </div>
        <ul>
          <li>
            <Link className="user-menu-item" to="/account/password" onClick={close}>
              Change password
            </Link>
          </li>
          <li>
            <Link className="user-menu-item" to="/account/tokens" onClick={close}>
              API tokens
            </Link>
          </li>
        </ul>
        <div className="user-menu-separator" />
        <button
          type="button"
          className="user-menu-item"
          disabled={logout.isPending}
          onClick={() => logout.mutate()}
        >
          {logout.isPending ? 'Logging out…' : 'Log out'}
        </button>
      </div>
    </div>
  );
}
