/**
 * The intelligence exchange in a real browser: a CERT analyst searches the object browser,
 * opens an indicator, sees its relationship graph and sightings chart, reports a sighting and
 * sees the total grow; a Kenyan diplomat, outside the energy-sector community, does not see
 * that community's collection.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestServer } from './harness';
import { launchChromium, SKIP_REASON } from './chromium';
import { closeSuite, openSuite, signIn, signOut } from './support';

const context: BrowserContext | null = await launchChromium();
const suite = context ? describe : describe.skip;
const title = context
  ? 'intelligence in Chromium'
  : `intelligence in Chromium (skipped: ${SKIP_REASON})`;

suite(title, () => {
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    ({ server, page } = await openSuite(context!));
  }, 180_000);
  afterAll(() => closeSuite(context, server));

  it('lets an analyst find an indicator, read its graph and report a sighting', async () => {
    await signIn(page, server, 'analyst@cert.example');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Intelligence' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Intelligence' }).waitFor();

    await page.getByRole('searchbox', { name: 'Search' }).fill('Frostline');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('region', { name: /Intelligence objects matching/ });
    await results.getByRole('link', { name: 'Frostline C2 server', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Frostline C2 server' }).waitFor();
    expect(await page.getByText('TLP:CLEAR').first().isVisible()).toBe(true);
    await page.getByRole('group', { name: /Relationship graph: Frostline C2 server/ }).waitFor();
    // The neighbours in the graph are links to their own pages.
    const graph = page.getByRole('group', { name: /Relationship graph/ });
    expect(await graph.getByRole('link').count()).toBeGreaterThan(0);
    await page.getByRole('img', { name: /Sightings per day/ }).waitFor();

    const total = page.getByTestId('sightings-total');
    const before = Number(await total.textContent());
    await page.getByLabel('How many times').fill('7');
    await page.getByRole('button', { name: 'Report the sighting' }).click();
    await page.getByRole('status').filter({ hasText: 'has been reported' }).waitFor();
    await expect.poll(async () => Number(await total.textContent())).toBe(before + 7);
    await signOut(page);
  });

  it('hides the energy-sector collection from a participant outside its community', async () => {
    await signIn(page, server, 'diplomat@kenya.example');
    await page.goto(`${server.url}/intel/collections`);
    await page.getByRole('heading', { level: 1, name: 'Collections' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Regime indicators' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Energy sector' }).count()).toBe(0);
    // Nor is it offered as a filter in the object browser.
    await page.goto(`${server.url}/intel`);
    await page.getByRole('heading', { level: 1, name: 'Intelligence' }).waitFor();
    const options = await page.getByLabel('Collection').locator('option').allTextContents();
    expect(options).toContain('Regime indicators');
    expect(options).not.toContain('Energy sector');
    await signOut(page);
  });
});
