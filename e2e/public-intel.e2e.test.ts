/**
 * The public portal's intelligence in a real browser that never signed in: it lists and opens
 * the demo's TLP:CLEAR objects and nothing marked otherwise; after a member shares more CLEAR
 * objects (with a relationship between two of them) it pages through them and draws the graph
 * with links that stay in the portal; an AMBER object's public page is "not found".
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestServer } from './harness';
import { launchChromium, SKIP_REASON } from './chromium';
import { closeSuite, openSuite, signIn, signOut } from './support';

const context: BrowserContext | null = await launchChromium();
const suite = context ? describe : describe.skip;
const title = context
  ? 'public intelligence in Chromium'
  : `public intelligence in Chromium (skipped: ${SKIP_REASON})`;

/** More CLEAR objects than fit on one page (25), so the list has a second page. */
const BULK = 27;
const BULK_WORD = 'Kestrelgate';

function clearObjects() {
  const now = new Date().toISOString();
  const common = { spec_version: '2.1', created: now, modified: now };
  const indicators = Array.from({ length: BULK - 1 }, (_, i) => ({
    ...common,
    type: 'indicator',
    id: `indicator--${randomUUID()}`,
    name: `${BULK_WORD} beacon ${String(i + 1).padStart(2, '0')}`,
    pattern: `[ipv4-addr:value = '192.0.2.${i + 1}']`,
    pattern_type: 'stix',
    valid_from: now,
  }));
  const malware = {
    ...common,
    type: 'malware',
    id: `malware--${randomUUID()}`,
    name: `${BULK_WORD} loader`,
    description: 'A loader seen with the beacons.',
    is_family: true,
  };
  const relationship = {
    ...common,
    type: 'relationship',
    id: `relationship--${randomUUID()}`,
    relationship_type: 'indicates',
    source_ref: indicators[0]!.id,
    target_ref: malware.id,
  };
  return { objects: [...indicators, malware, relationship], first: indicators[0]!, malware };
}

/** What the portal's tables list as TLP, one entry per row. */
const tlpColumn = (page: Page) =>
  page
    .getByRole('region', { name: /Public intelligence objects/ })
    .locator('tbody tr td:nth-child(3)')
    .allTextContents();

suite(title, () => {
  let server: TestServer;
  let page: Page;
  const refused: string[] = [];

  beforeAll(async () => {
    ({ server, page } = await openSuite(context!));
    page.on('response', (response) => {
      if (response.status() === 401) refused.push(response.url());
    });
  }, 180_000);
  afterAll(() => closeSuite(context, server));

  it('lists and opens TLP:CLEAR objects, and never an AMBER one, without sign-in', async () => {
    expect((await context!.cookies()).length).toBe(0);
    await page.goto(`${server.url}/public/matrix`);
    await page
      .getByRole('navigation', { name: 'Public portal' })
      .getByRole('link', { name: 'Intelligence' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Public intelligence' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/public/intel');
    const results = page.getByRole('region', { name: /Public intelligence objects/ });
    await results.getByRole('link', { name: 'Frostline C2 server', exact: true }).waitFor();
    await results.getByRole('link', { name: 'Spearphishing Attachment', exact: true }).waitFor();
    expect(new Set(await tlpColumn(page))).toEqual(new Set(['TLP:CLEAR']));
    for (const hidden of ['COLD HARBOR', 'Staging URL', 'GW-2026-0042', 'Operation Frostline']) {
      expect(await results.getByRole('link', { name: hidden }).count()).toBe(0);
    }

    // Words: the CLEAR indicator matches; its GREEN sibling and campaign do not appear.
    await page.getByRole('searchbox', { name: 'Search' }).fill('Frostline');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const matching = page.getByRole('region', { name: /matching the filters/ });
    await expect
      .poll(() => matching.getByRole('link').allTextContents(), { timeout: 10_000 })
      .toEqual(['Frostline C2 server']);

    // An AMBER intrusion set is not there at all: the empty state says so.
    await page.getByRole('searchbox', { name: 'Search' }).fill('COLD HARBOR');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('heading', { name: 'No public objects match' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await page.getByLabel('Type').selectOption('attack-pattern');
    expect(new URL(page.url()).searchParams.get('type')).toBe('attack-pattern');
    // The previous rows stay on screen until the filtered page arrives: wait for it.
    await expect
      .poll(async () => (await matching.getByRole('link').allTextContents()).sort(), {
        timeout: 10_000,
      })
      .toEqual(['Remote Services', 'Spearphishing Attachment']);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await results.getByRole('link', { name: 'Frostline C2 server', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Frostline C2 server' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/public\/intel\/indicator--/);
    await page.getByText("[ipv4-addr:value = '198.51.100.23']", { exact: true }).waitFor();
    expect(await page.getByText('TLP:CLEAR').first().isVisible()).toBe(true);
    await page.getByRole('heading', { level: 2, name: 'Sightings' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Relationships' }).waitFor();
    // Its relationships in the demo are GREEN, so the public sees none.
    await page.getByText('No relationships to objects you can see.').waitFor();
    expect(refused).toEqual([]);
  });

  it('pages through many CLEAR objects, draws their graph, and hides AMBER ones', async () => {
    // A member shares CLEAR objects through the import form, and looks up an AMBER object's id.
    const { objects, first, malware } = clearObjects();
    await signIn(page, server, 'analyst@cert.example');
    await page.goto(`${server.url}/intel/collections`);
    const form = page.getByRole('form', { name: 'Import a STIX bundle' });
    await form.getByLabel('Into the collection').selectOption({ label: 'Regime indicators' });
    await form.locator('input[type="file"]').setInputFiles({
      name: 'clear.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects }),
        'utf8',
      ),
    });
    await form.getByLabel('TLP for unmarked objects').selectOption('clear');
    await form.getByRole('button', { name: 'Import' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: `${objects.length} of ${objects.length} objects stored` })
      .waitFor();
    const amber = await page.evaluate(async () => {
      const response = await fetch('/api/v1/intel/objects?q=COLD%20HARBOR');
      return ((await response.json()) as { items: { id: string; tlp: string }[] }).items;
    });
    expect(amber.map((o) => o.tlp)).toEqual(['amber']);
    await signOut(page);
    await context!.clearCookies();
    refused.length = 0;

    await page.goto(`${server.url}/public/intel?q=${BULK_WORD}`);
    await page.getByRole('heading', { level: 1, name: 'Public intelligence' }).waitFor();
    const list = page.getByRole('region', { name: /matching the filters/ });
    await page.getByRole('status').filter({ hasText: 'Page 1 · 25 objects shown' }).waitFor();
    const firstPage = await list.getByRole('link').allTextContents();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByRole('status').filter({ hasText: 'Page 2 · 2 objects shown' }).waitFor();
    const secondPage = await list.getByRole('link').allTextContents();
    // Every object once, across the two pages, and only CLEAR ones.
    expect(new Set([...firstPage, ...secondPage]).size).toBe(BULK);
    expect(new Set(await tlpColumn(page))).toEqual(new Set(['TLP:CLEAR']));
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.getByRole('status').filter({ hasText: 'Page 1 · 25 objects shown' }).waitFor();

    await page.goto(`${server.url}/public/intel/${first.id}`);
    await page.getByRole('heading', { level: 1, name: first.name }).waitFor();
    const graph = page.getByRole('group', {
      name: new RegExp(`Relationship graph: ${first.name}`),
    });
    const neighbour = graph.getByRole('link', { name: `${malware.name} (malware)` });
    await neighbour.waitFor();
    // The neighbour's link stays in the portal rather than leading into the members' app.
    await page
      .getByRole('region', { name: 'Relationships as a table' })
      .getByRole('link', { name: malware.name })
      .click();
    await page.getByRole('heading', { level: 1, name: malware.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/public/intel/${malware.id}`);
    await page.getByText('A loader seen with the beacons.', { exact: true }).waitFor();

    // An AMBER object does not exist for the public.
    await page.goto(`${server.url}/public/intel/${amber[0]!.id}`);
    await page.getByRole('heading', { level: 1, name: 'Public intelligence object' }).waitFor();
    await page
      .getByText(/not found|does not exist/i)
      .first()
      .waitFor();
    expect(await page.getByText('COLD HARBOR').count()).toBe(0);
    expect(refused).toEqual([]);
  });
});
