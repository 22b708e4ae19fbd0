import type { CSSProperties } from 'react';

interface SubmitButtonProps {
  /** The button's text, e.g. "Save changes". */
  label: string;
  /** What it says while the request is under way, e.g. "Saving…". */
  pendingLabel: string;
  /** The request is under way: the button is disabled so it is not sent twice. */
  pending: boolean;
  className?: string;
  style?: CSSProperties;
}

export function SubmitButton({
  label,
  pendingLabel,
  pending,
  className = 'btn btn-primary',
  style,
}: SubmitButtonProps) {
  return (
    <button type="submit" className={className} style={style} disabled={pending}>
      {pending ? pendingLabel : label}
    </button>
  );
}

/** The row of buttons under a form: submit and, when the form can be abandoned, Cancel. */
export function FormActions({
  onCancel,
  ...submit
}: SubmitButtonProps & { onCancel?: () => void }) {
  return (
    <div className="button-row">
      <SubmitButton {...submit} />
      {onCancel ? (
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
