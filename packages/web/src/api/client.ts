import { createApiClient } from '@concord/api-client';

/**
 * The session's CSRF token lives in memory only: it arrives with login and /auth/me and is
 * lost on reload, when /auth/me hands it back again.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The web app's single API client; every /api/v1 call goes through it. */
export const api = createApiClient({ getCsrfToken: () => csrfToken });
