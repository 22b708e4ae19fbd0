import type { RefObject } from 'react';

/** Moves focus to the page's heading (or else the main region), as a full page load would. */
export function focusPageHeading(main: HTMLElement | null): void {
  const heading = main?.querySelector<HTMLElement>('[data-page-heading]');
  (heading ?? main)?.focus();
}

/** The first tab stop of a layout: jumps to the main region. */
export function SkipLink({ main }: { main: RefObject<HTMLElement | null> }) {
  return (
    <a
      href="#main"
      className="skip-link"
      onClick={(event) => {
        event.preventDefault();
        main.current?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}
