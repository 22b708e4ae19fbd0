/**
 * The public portal's commitments matrix in a real browser that never signed in: it shows
 * public doctrines' commitments (Estonia's) and nothing of a community-only doctrine
 * (Singapore's), with the same filters and CSV as the members' matrix; signing in then shows
 * members what the public does not see.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startTestServer } from './harness';
import { launchChromium, SKIP_REASON } from './chromium';
import { closeSuite } from './support';

const context: BrowserContext | null = await launchChromium();
const suite = context ? describe : describe.skip;
const title = context
  ? 'public matrix in Chromium'
  : `public matrix in Chromium (skipped: ${SKIP_REASON})`;

suite(title, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let page: Page;
  const refused: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    page = await context!.newPage();
    page.on('response', (response) => {
      if (response.status() === 401) refused.push(response.url());
    });
  }, 180_000);

  afterAll(() => closeSuite(context, server));

  it('shows a public doctrine’s commitment, and nothing of a community one, without sign-in', async () => {
    expect((await context!.cookies()).length).toBe(0);
    await page.goto(`${server.url}/public/matrix`);
    await page.getByRole('heading', { level: 1, name: 'Commitments matrix' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/public/matrix');
    expect(await page.getByRole('banner').textContent()).toContain('Concord — public portal');

    // Estonia's public doctrine commits to GGE-2015-13f.
    await page.getByTitle('Republic of Estonia, GGE-2015-13f: Committed').waitFor();
    // Singapore's doctrine is for the community only: its column is empty, as the public sees it.
    const singapore = page.locator('td[title^="Republic of Singapore,"]');
    await expect.poll(() => singapore.count()).toBeGreaterThan(10);
    const titles = await singapore.evaluateAll((cells) =>
      cells.map((c) => c.getAttribute('title')),
    );
    expect(titles.every((t) => t?.endsWith(': No statement'))).toBe(true);
    await page.getByTitle('Republic of Singapore, GGE-2015-13g: No statement').waitFor();
    expect(await page.getByRole('columnheader', { name: /Singapore/ }).textContent()).toContain(
      'no doctrine',
    );
    // No link leads into the signed-in app from the matrix, and nothing asked for a session.
    expect(await page.getByRole('table').getByRole('link').count()).toBe(0);
    expect(refused).toEqual([]);
  });

  it('filters as the members’ matrix does, and downloads the same matrix as CSV', async () => {
    await page.getByLabel('Participants', { exact: true }).selectOption('regional_organisation');
    await page.getByRole('heading', { name: 'No participants to show' }).waitFor();
    expect(new URL(page.url()).searchParams.get('participantKind')).toBe('regional_organisation');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByTitle('Republic of Estonia, GGE-2015-13f: Committed').waitFor();

    await page.getByLabel('Show norms with').selectOption('conditional');
    await page.getByTitle('Republic of Estonia, GGE-2015-13h: With conditions').waitFor();
    expect(await page.getByTitle('Republic of Estonia, GGE-2015-13f: Committed').count()).toBe(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toBe('/api/v1/public/doctrines/matrix.csv');
    const csv = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, text: await response.text() };
    }, href!);
    expect(csv.status).toBe(200);
    const [header, ...lines] = csv.text.trim().split(/\r?\n/);
    const column = header!.split(',').findIndex((name) => name.includes('Singapore'));
    expect(column).toBeGreaterThan(0);
    const fromEnd = header!.split(',').length - column;
    expect(new Set(lines.map((line) => line.split(',').at(-fromEnd)))).toEqual(new Set(['none']));
    expect(refused).toEqual([]);
  });

  it('offers members a way in, where the community doctrine does show', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email address', { exact: true }).fill('diplomat@kenya.example');
    await page.getByLabel('Password', { exact: true }).fill(server.demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Commitments matrix' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/doctrines/matrix');
    await page
      .getByRole('link', { name: 'Republic of Singapore, GGE-2015-13g: Committed' })
      .waitFor();
  });
});
