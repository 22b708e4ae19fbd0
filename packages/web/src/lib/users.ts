/** A lock from failed sign-ins lasts until `lockedUntil`; after that the account works again. */
export const isLocked = (lockedUntil: string | null, now: number = Date.now()): boolean =>
  lockedUntil !== null && Date.parse(lockedUntil) > now;

/** The server's password policy floor (NIST SP 800-63B §5.1.1.2); it checks more than length. */
export const MIN_PASSWORD_LENGTH = 12;
