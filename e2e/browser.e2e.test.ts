/**
 * The web app in a real browser against a real server: sign in through the form, create a
 * user, create and revoke an API token, sign out. Selectors are the accessible ones (roles and
 * labels), so the test also fails when a control loses its label or role.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestServer } from './harness';
import { launchChromium, SKIP_REASON } from './chromium';
import { closeSuite, openSuite } from './support';

const KEY_EVENT = 'application/vnd.concord.key-event+json';

const context: BrowserContext | null = await launchChromium();
const suite = context ? describe : describe.skip;
const title = context ? 'web app in Chromium' : `web app in Chromium (skipped: ${SKIP_REASON})`;

suite(title, () => {
  let server: TestServer;
  let page: Page;
  const stamp = Date.now().toString(36);
  const newUser = {
    name: `Ada Lovelace ${stamp}`,
    email: `ada.${stamp}@e2e.example`,
    password: 'correct horse battery staple',
  };
  const tokenName = `e2e token ${stamp}`;

  const mainNav = () => page.getByRole('navigation', { name: 'Main' });
  /** The log head once nothing is pending: the checkpoint covers everything committed. */
  const settledLedger = async (): Promise<{ size: number; pending: number }> => {
    const deadline = Date.now() + 30_000;
    let previous: { size: number; pending: number } | undefined;
    for (;;) {
      const res = await fetch(`${server.url}/api/v1/ledger`);
      const head = res.ok ? ((await res.json()) as { size: number; pending: number }) : undefined;
      if (head && head.pending === 0 && previous?.pending === 0 && previous.size === head.size)
        return head;
      previous = head;
      if (Date.now() > deadline)
        throw new Error(`the ledger has not settled: ${JSON.stringify(head)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const openAccountMenu = async () => {
    await page.getByRole('button', { name: /Account menu for/ }).click();
  };

  beforeAll(async () => {
    ({ server, page } = await openSuite(context!));
  }, 180_000);
  afterAll(() => closeSuite(context, server));

  it('sends a signed-out visitor to the sign-in form and back to the page they wanted', async () => {
    await page.goto(`${server.url}/admin/users`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');

    await page.getByLabel('Email address', { exact: true }).fill(server.demo.adminEmail);
    await page.getByLabel('Password', { exact: true }).fill(server.demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    // The secretariat's admin sees the Administration section, with the current page marked.
    await expect
      .poll(() => mainNav().getByRole('link', { name: 'Users' }).getAttribute('aria-current'))
      .toBe('page');
  });

  it('offers a skip link as the first thing to tab to', async () => {
    // Start from a fresh load with nothing focused, whatever earlier steps left behind.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toBe('Skip to main content');
  });

  it('creates a user through the form, who then appears in the users list', async () => {
    await page.getByRole('link', { name: 'New user' }).click();
    await page.getByRole('heading', { level: 1, name: 'New user' }).waitFor();

    const participant = page.getByLabel('Participant', { exact: true });
    await expect.poll(() => participant.locator('option').count()).toBeGreaterThan(1);
    await participant.selectOption({ index: 1 });
    await page.getByLabel('Email address', { exact: true }).fill(newUser.email);
    await page.getByLabel('Full name', { exact: true }).fill(newUser.name);
    await page.getByRole('checkbox', { name: 'Analyst', exact: true }).check();
    await page.getByLabel('Initial password', { exact: true }).fill(newUser.password);
    await page.getByRole('button', { name: 'Create user' }).click();

    await page.getByRole('heading', { level: 1, name: newUser.name }).waitFor();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'can now sign in' }).count())
      .toBe(1);

    await mainNav().getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill(newUser.email);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: newUser.email });
    await row.waitFor();
    expect(await row.getByRole('link', { name: newUser.name }).count()).toBe(1);
    expect(await row.textContent()).toContain('Analyst');
  });

  it('creates an API token and shows its secret exactly once', async () => {
    await openAccountMenu();
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();

    await page.getByRole('button', { name: 'New token' }).click();
    await page.getByLabel('Name', { exact: true }).fill(tokenName);
    await page.getByRole('button', { name: 'Create token' }).click();

    const secret = page.getByLabel('Token secret', { exact: true });
    await secret.waitFor();
    const value = await secret.inputValue();
    expect(value.length).toBeGreaterThan(20);
    expect(await page.getByText('This is the only time it will be shown').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Copy token' }).count()).toBe(1);

    await page.getByRole('button', { name: 'I have stored it safely' }).click();
    expect(await page.getByLabel('Token secret', { exact: true }).count()).toBe(0);
    // Nor does it come back with the page: the server only ever returned it once.
    await page.reload();
    await page.getByRole('row').filter({ hasText: tokenName }).waitFor();
    expect(await page.getByLabel('Token secret', { exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(value);
  });

  it('revokes the token after confirmation, and lists it as revoked', async () => {
    const row = page.getByRole('row').filter({ hasText: tokenName });
    expect(await row.textContent()).toContain('Active');

    // Escape dismisses the confirmation without revoking anything.
    await row.getByRole('button', { name: /Revoke/ }).click();
    const dialog = page.getByRole('dialog', { name: /Revoke token/ });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await row.textContent()).toContain('Active');

    await row.getByRole('button', { name: /Revoke/ }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row.textContent()).toContain('Revoked');
    expect(await row.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
  });

  it('shows the ledger, verifies its checkpoint and an entry’s proof in the browser', async () => {
    // The sequencer logs the shipped catalogue, the demo's key registrations and its regime
    // statements shortly after the server starts; how many is not fixed. Settled: nothing is
    // pending (two readings in a row, as size and queue are not read in one transaction).
    const head = await settledLedger();
    const keyIndices: number[] = [];
    for (let before: number | null = null; ;) {
      const query: string = before === null ? '' : `&before=${before}`;
      const res = await fetch(`${server.url}/api/v1/ledger/entries?limit=200${query}`);
      const page = (await res.json()) as {
        items: { index: number; payloadType: string }[];
        nextBefore: number | null;
      };
      for (const e of page.items) if (e.payloadType === KEY_EVENT) keyIndices.push(e.index);
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    // One key registration per demo participant.
    expect(keyIndices).toHaveLength(5);
    const newestKey = Math.max(...keyIndices);

    await mainNav().getByRole('link', { name: 'Ledger', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ledger' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/transparency-log');
    // The note's Ed25519 signature is checked by @concord/ledger in the page, not the server.
    await page.getByText('Signature verified in this browser').waitFor();

    const entries = page.getByRole('region', { name: 'Ledger entries, newest first' });
    await expect
      .poll(() => entries.getByRole('link', { name: /^Entry \d+$/ }).count())
      .toBeGreaterThanOrEqual(Math.min(5, head.size));

    // Page back to the newest key registration (the regime's statements come after it).
    const status = page.getByRole('region', { name: 'Recent entries' }).getByRole('status');
    const shownRange = async () => {
      const pattern = new RegExp(`^Entr(?:y|ies) (\\d+)(?: to (\\d+))? of ${head.size}$`);
      let text = '';
      await expect.poll(async () => (text = (await status.textContent()) ?? '')).toMatch(pattern);
      const [, newest, oldest = newest] = pattern.exec(text)!;
      return { newest: Number(newest), oldest: Number(oldest), text };
    };
    let range = await shownRange();
    for (let pages = 1; range.oldest > newestKey; pages++) {
      expect(pages).toBeLessThan(head.size);
      await page.getByRole('button', { name: 'Older entries' }).click();
      const before = range.text;
      await expect.poll(() => status.textContent()).not.toBe(before);
      range = await shownRange();
    }
    expect(range.newest).toBeGreaterThanOrEqual(newestKey);
    // Key events are described from the logged bytes (the entry bundles), not just their type.
    const shown = keyIndices.filter((i) => i >= range.oldest && i <= range.newest);
    await expect.poll(() => entries.getByText(/^Key registered: /).count()).toBe(shown.length);
    const keyLink = page.getByRole('link', { name: `Entry ${newestKey}`, exact: true });
    const keyRow = entries.getByRole('row').filter({ has: keyLink });
    expect(await keyRow.getByText(/^Key registered: /).count()).toBe(1);

    await keyRow.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `Entry ${newestKey}` }).waitFor();
    const verification = page.getByRole('region', { name: 'Verification' });
    await verification.getByText('Verified in your browser: this entry is in the log').waitFor();
    const steps = verification.getByRole('listitem');
    expect(await steps.filter({ hasText: 'Passed:' }).count()).toBeGreaterThanOrEqual(4);
    expect(await steps.filter({ hasText: 'Failed:' }).count()).toBe(0);
  });

  it('logs out and lands on the sign-in page', async () => {
    await openAccountMenu();
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.getByText('You have logged out.').count()).toBe(1);

    // The session is really gone: the app sends us back to sign in.
    await page.goto(`${server.url}/account/tokens`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
  });
});
