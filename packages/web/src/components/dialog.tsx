import { useEffect, useId, useRef } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { Icon } from './icons';

/**
 * A modal dialog on the native <dialog> element: `showModal()` makes the rest of the page inert
 * (so focus stays inside) and Escape closes it. Focus returns to whatever opened it. Put
 * `data-autofocus` on the element that should receive focus first (e.g. the safe choice).
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  variant = 'modal',
  side = 'right',
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  variant?: 'modal' | 'drawer';
  side?: 'left' | 'right';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // If the dialog is unmounted while open, still hand focus back.
  useEffect(() => () => restoreFocus(opener.current, null), []);

  const handleClose = () => {
    restoreFocus(opener.current, ref.current);
    opener.current = null;
    if (open) onClose();
  };

  // A click on the backdrop lands on the <dialog> itself, outside its content box.
  const handleClick = (event: MouseEvent<HTMLDialogElement>) => {
    const dialog = ref.current;
    if (!dialog || event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) dialog.close();
  };

  return (
    <dialog
      ref={ref}
      className={variant === 'drawer' ? `dialog dialog--drawer dialog--${side}` : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={handleClose}
      onClick={handleClick}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close"
          onClick={() => ref.current?.close()}
        >
          <Icon name="close" />
        </button>
      </div>
      <div className="dialog-body">
        {description ? <p id={descriptionId}>{description}</p> : null}
        {children}
      </div>
      {footer ? <div className="dialog-footer">{footer}</div> : null}
    </dialog>
  );
}

function restoreFocus(element: HTMLElement | null, dialog: HTMLDialogElement | null): void {
  // Leave focus alone if something else already took it on purpose (e.g. a page navigation).
  const active = document.activeElement;
  const stranded = !active || active === document.body || (dialog?.contains(active) ?? false);
  if (!stranded) return;
  if (element?.isConnected) {
    element.focus();
    return;
  }
  // The opener may be gone (e.g. the row it was in changed); the page heading is the next best.
  document.querySelector<HTMLElement>('[data-page-heading]')?.focus();
}
