/**
 * The intelligence exchange in a real browser: a CERT analyst searches the object browser,
 * opens an indicator, sees its relationship graph and sightings chart, reports a sighting and
 * sees the total grow; a Kenyan diplomat, outside the energy-sector community, does not see
 * that community's collection. An analyst shares an import as TLP:AMBER+STRICT with one chosen
 * organisation; the secretariat's administrator changes a group's members (and is refused an
 * impossible bilateral channel); an analyst downloads a filtered export.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestServer } from './harness';
import { launchChromium, SKIP_REASON } from './chromium';
import { closeSuite, openSuite, signIn, signOut } from './support';

/** A GET from inside the page, with its session cookie: the status and the JSON body. */
async function getJson<T>(page: Page, path: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, body: (await response.json()) as T };
  }, path);
}

/** A STIX 2.1 bundle of the objects, as a file the import form reads. */
const bundleFile = (name: string, objects: object[]) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(
    JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects }),
    'utf8',
  ),
});

/** An indicator with no marking of its own, so the import's TLP applies. */
function unmarkedIndicator(name: string) {
  const now = new Date().toISOString();
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: now,
    modified: now,
    name,
    pattern: "[ipv4-addr:value = '192.0.2.200']",
    pattern_type: 'stix',
    valid_from: now,
    indicator_types: ['malicious-activity'],
  };
}

interface CommunityJson {
  name: string;
  members: { name: string; canRead: boolean; canWrite: boolean }[];
}

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

  it('shares an import as TLP:AMBER+STRICT with the chosen organisation only', async () => {
    const indicator = unmarkedIndicator('Strict e2e scanner');
    await signIn(page, server, 'analyst@cert.example');
    await page.goto(`${server.url}/intel/collections`);
    const form = page.getByRole('form', { name: 'Import a STIX bundle' });
    await form.waitFor();
    await form.getByLabel('Into the collection').selectOption({ label: 'Regime indicators' });
    await form.locator('input[type="file"]').setInputFiles(bundleFile('strict.json', [indicator]));
    const recipients = form.getByRole('group', { name: 'Recipient organisations' });
    expect(await recipients.count()).toBe(0);
    await form.getByLabel('TLP for unmarked objects').selectOption('amber+strict');
    await recipients.getByRole('checkbox', { name: 'Republic of Kenya', exact: true }).check();
    // The sharer's own organisation always reads its share, so it is not offered.
    expect(await recipients.getByRole('checkbox', { name: 'Baltic Regional CERT' }).count()).toBe(
      0,
    );

    // A recipient the server refuses (the request is altered on its way): the server's message
    // appears beside the recipients.
    await page.route(
      '**/api/v1/intel/collections/*/import',
      async (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
        expect(body.recipients).toHaveLength(1);
        await route.continue({ postData: JSON.stringify({ ...body, recipients: ['nobody'] }) });
      },
      { times: 1 },
    );
    await form.getByRole('button', { name: 'Import' }).click();
    const error = form.locator('#intel-import-recipients-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Recipient organisations must be a UUID');

    await form.getByRole('button', { name: 'Import' }).click();
    await form.getByRole('status').filter({ hasText: '1 of 1 objects stored' }).waitFor();
    expect(await error.count()).toBe(0);
    const mine = await getJson<{ items: { id: string; tlp: string }[] }>(
      page,
      `/api/v1/intel/objects?q=${encodeURIComponent('Strict e2e scanner')}`,
    );
    expect(mine.body.items.map((o) => [o.id, o.tlp])).toEqual([[indicator.id, 'amber+strict']]);
    await signOut(page);

    // Kenya was named and reads it; Brazil, in the same community but not named, does not.
    await signIn(page, server, 'diplomat@kenya.example');
    const kenya = await getJson<{ tlp: string }>(page, `/api/v1/intel/objects/${indicator.id}`);
    expect([kenya.status, kenya.body.tlp]).toEqual([200, 'amber+strict']);
    await signOut(page);
    await signIn(page, server, 'diplomat@brazil.example');
    expect((await getJson(page, `/api/v1/intel/objects/${indicator.id}`)).status).toBe(404);
    await signOut(page);
  });

  it('lets the secretariat’s administrator change a group’s members, and shows a refusal', async () => {
    // A member's analyst may not manage communities, so is offered no editor.
    await signIn(page, server, 'analyst@cert.example');
    await page.goto(`${server.url}/intel/communities`);
    await page.getByRole('heading', { level: 2, name: 'Energy-sector CERTs' }).waitFor();
    expect(await page.getByRole('button', { name: /Edit the members/ }).count()).toBe(0);
    await signOut(page);

    await signIn(page, server, server.demo.adminEmail);
    await page.goto(`${server.url}/intel/communities`);
    const energy = page.getByRole('region', { name: 'Energy-sector CERTs', exact: true });
    await energy.getByRole('button', { name: 'Edit the members of Energy-sector CERTs' }).click();
    const editor = energy.getByRole('form', { name: 'Edit the members of Energy-sector CERTs' });
    await editor.getByLabel('Add a participant').selectOption({
      label: 'Federative Republic of Brazil',
    });
    await editor.getByRole('button', { name: 'Add', exact: true }).click();
    await editor.getByRole('checkbox', { name: 'Federative Republic of Brazil writes' }).check();
    await editor
      .getByRole('button', { name: 'Remove Amina Otieno (independent researcher)' })
      .click();
    await editor.getByRole('button', { name: 'Save the members' }).click();
    await energy.getByRole('status').filter({ hasText: 'have been saved' }).waitFor();

    const brazilRow = energy.getByRole('row', { name: /Federative Republic of Brazil/ });
    expect(await brazilRow.getByRole('cell').allTextContents()).toEqual([
      'Federative Republic of Brazil',
      'Yes',
      'Yes',
    ]);
    expect(await energy.getByRole('row', { name: /Amina Otieno/ }).count()).toBe(0);
    const after = await getJson<CommunityJson[]>(page, '/api/v1/intel/communities');
    const members = after.body.find((c) => c.name === 'Energy-sector CERTs')?.members ?? [];
    expect(members.find((m) => m.name === 'Federative Republic of Brazil')).toMatchObject({
      canRead: true,
      canWrite: true,
    });
    expect(members.some((m) => m.name.startsWith('Amina Otieno'))).toBe(false);
    expect(members).toHaveLength(5);

    // A bilateral channel with one member: the server refuses, and says why.
    const channel = page.getByRole('region', { name: 'Estonia–Kenya channel', exact: true });
    await channel.getByRole('button', { name: /Edit the members/ }).click();
    const channelEditor = channel.getByRole('form', { name: /Edit the members/ });
    await channelEditor.getByRole('button', { name: 'Remove Republic of Kenya' }).click();
    await channelEditor.getByRole('button', { name: 'Save the members' }).click();
    const refusal = channel.getByRole('alert').filter({ hasText: 'The members were not saved' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'A bilateral channel has exactly two participants',
    );
    await channelEditor.getByRole('button', { name: 'Cancel' }).click();
    const unchanged = await getJson<CommunityJson[]>(page, '/api/v1/intel/communities');
    expect(
      unchanged.body
        .find((c) => c.name === 'Estonia–Kenya channel')
        ?.members.map((m) => m.name)
        .sort(),
    ).toEqual(['Republic of Estonia', 'Republic of Kenya']);
    expect(await channel.getByRole('row', { name: /Republic of Kenya/ }).count()).toBe(1);
    await signOut(page);
  });

  it('exports only the objects that match the export filters', async () => {
    await signIn(page, server, 'analyst@cert.example');
    await page.goto(`${server.url}/intel/collections`);
    const card = page.locator('li', {
      has: page.getByRole('heading', { level: 2, name: 'Regime indicators', exact: true }),
    });
    const link = card.getByRole('link', { name: /Export as STIX bundle/ });
    const everything = new URL((await link.getAttribute('href'))!, server.url);
    expect(everything.search).toBe('');

    await card.getByText('Filter the export').click();
    await card
      .getByRole('group', { name: 'Types' })
      .getByRole('checkbox', { name: 'indicator', exact: true })
      .check();
    await card
      .getByRole('group', { name: 'TLP markings' })
      .getByRole('checkbox', { name: 'TLP:GREEN' })
      .check();
    await card.getByLabel('Words').fill('Frostline');
    const href = new URL((await link.getAttribute('href'))!, server.url);
    expect(href.pathname).toBe(everything.pathname);
    expect(href.searchParams.getAll('type')).toEqual(['indicator']);
    expect(href.searchParams.getAll('tlp')).toEqual(['green']);
    expect(href.searchParams.get('q')).toBe('Frostline');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const bundle = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as {
      type: string;
      objects: { type: string; name?: string }[];
    };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.map((o) => [o.type, o.name])).toEqual([
      ['indicator', 'Frostline C2 fallback'],
    ]);
    // Unfiltered, the same collection holds the CLEAR indicator and the campaign as well.
    const all = await getJson<{ objects: { name?: string }[] }>(page, everything.pathname);
    const names = all.body.objects.map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Frostline C2 fallback',
        'Frostline C2 server',
        'Operation Frostline',
      ]),
    );
    await signOut(page);
  });
});
