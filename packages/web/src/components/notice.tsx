import type { ReactNode } from 'react';
import { Icon } from './icons';
import type { IconName } from './icons';

type Tone = 'info' | 'success' | 'warning' | 'danger';

const ICONS: Record<Tone, IconName> = {
  info: 'info',
  success: 'checkCircle',
  warning: 'warning',
  danger: 'alert',
};

/**
 * An inline message. `live` makes it announce itself when it appears (status for good news,
 * alert for problems); static guidance needs no live region.
 */
export function Notice({
  tone = 'info',
  title,
  children,
  live = false,
  onDismiss,
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  live?: boolean;
  onDismiss?: () => void;
}) {
  const role = live ? (tone === 'danger' ? 'alert' : 'status') : undefined;
  return (
    <div className={`notice notice--${tone}`} role={role}>
      <Icon name={ICONS[tone]} />
      <div className="notice-body">
        {title ? <strong className="notice-title">{title}</strong> : null}
        {children}
      </div>
      {onDismiss ? (
        <button
          type="button"
          className="icon-button"
          onClick={onDismiss}
          aria-label="Dismiss message"
        >
          <Icon name="close" />
        </button>
      ) : null}
    </div>
  );
}

/**
 * Good news about something just done ("saved", "revoked"), announced politely and dismissible.
 * Renders nothing while there is no message.
 */
export function Confirmation({
  message,
  onDismiss,
}: {
  message: ReactNode;
  onDismiss: () => void;
}) {
  return message ? (
    <Notice tone="success" live onDismiss={onDismiss}>
      {message}
    </Notice>
  ) : null;
}
