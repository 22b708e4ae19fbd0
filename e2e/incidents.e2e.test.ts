/**
 * Incidents in a real browser: a CERT analyst opens a demo incident, filters its linked objects
 * by type, links another object and removes the link again, downloads the incident as a STIX
 * bundle; reports a new incident from an
 * indicator's page with that indicator linked; and a participant outside the bilateral channel
 * does not see the incident reported in it, on the incident list or on the indicator's page.
 */
import fs from 'node:fs';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestServer } from './harness';
import { launchChromium, SKIP_REASON } from './chromium';
import { closeSuite, openSuite, signIn, signOut } from './support';

const context: BrowserContext | null = await launchChromium();
const suite = context ? describe : describe.skip;
const title = context ? 'incidents in Chromium' : `incidents in Chromium (skipped: ${SKIP_REASON})`;

const WIPER = 'Wiper attack on substation engineering workstations';
const SCANNING = 'Scanning of mobile-money operators from Frostline infrastructure';

suite(title, () => {
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    ({ server, page } = await openSuite(context!));
  }, 180_000);
  afterAll(() => closeSuite(context, server));

  /** The incidents tab of the intelligence pages, reached by its link. */
  async function openIncidents(): Promise<void> {
    await page.goto(`${server.url}/intel`);
    // The tab, not the main navigation's incident-reporting module (not yet on this node).
    await page
      .getByRole('navigation', { name: 'Intelligence' })
      .getByRole('link', { name: 'Incidents' })
      .click();
    await page.getByRole('table', { name: 'Incidents' }).waitFor();
  }

  it('filters an incident’s linked objects, links one more and removes it', async () => {
    await signIn(page, server, 'analyst@cert.example');
    await openIncidents();
    const row = page.getByRole('row', { name: new RegExp(WIPER) });
    // Seven demo links, all visible to the reporting CERT.
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('7');
    await row.getByRole('link', { name: WIPER }).click();
    await page.getByRole('heading', { level: 1, name: WIPER }).waitFor();

    const links = page.getByRole('table', { name: 'Objects linked to this incident' });
    await links.getByRole('link', { name: 'GridSnare', exact: true }).waitFor();
    await page.getByRole('button', { name: 'indicator · 3' }).click();
    await expect.poll(() => links.getByRole('row').count()).toBe(4); // a header and 3 rows
    expect(await links.getByRole('link', { name: 'GridSnare', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: /^all · 7$/ }).click();

    const form = page.getByRole('group', { name: 'Link an object' });
    await form.getByRole('searchbox', { name: 'Find an object' }).fill('Staging');
    await form.getByLabel('How it relates').selectOption('related-to');
    await form.getByRole('button', { name: 'Link Staging URL' }).click();
    await page.getByRole('status').filter({ hasText: 'is now linked' }).waitFor();
    await links.getByRole('link', { name: 'Staging URL' }).waitFor();
    await page.getByRole('button', { name: /^all · 8$/ }).waitFor();

    await links.getByRole('button', { name: 'Remove the link to Staging URL' }).click();
    const dialog = page.getByRole('dialog', { name: /Remove the link to “Staging URL”/ });
    await dialog.getByRole('button', { name: 'Remove the link' }).click();
    await page.getByRole('status').filter({ hasText: 'is no longer linked' }).waitFor();
    await expect.poll(() => links.getByRole('link', { name: 'Staging URL' }).count()).toBe(0);
    await page.getByRole('button', { name: /^all · 7$/ }).waitFor();

    // The incident as a STIX bundle: itself, its seven links and the seven objects.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download the incident/ }).click(),
    ]);
    const bundle = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as {
      type: string;
      objects: { type: string; name?: string; revoked?: boolean }[];
    };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects[0]).toMatchObject({ type: 'incident', name: WIPER });
    expect(bundle.objects.filter((o) => o.type === 'relationship')).toHaveLength(7);
    expect(bundle.objects).toHaveLength(15);
    expect(bundle.objects.some((o) => o.name === 'Staging URL')).toBe(false);
    await signOut(page);
  });

  it('reports an incident from an indicator’s page with the indicator linked', async () => {
    await signIn(page, server, 'analyst@cert.example');
    await page.goto(`${server.url}/intel?q=${encodeURIComponent('sender domain')}`);
    await page.getByRole('link', { name: 'Phishing sender domain', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Phishing sender domain' }).waitFor();
    const incidents = page.getByRole('table', { name: 'Incidents this object is linked to' });
    await incidents
      .getByRole('link', { name: 'Spear-phishing of engineers at a gas transmission operator' })
      .waitFor();

    await page.getByRole('link', { name: 'Report an incident involving this object' }).click();
    await page.getByRole('heading', { level: 1, name: 'Report an incident' }).waitFor();
    const form = page.getByRole('form', { name: 'Report an incident' });
    await form.getByText('Phishing sender domain').waitFor();
    // Offered first: the collection the indicator is in, not the first one listed.
    expect(
      await form.getByLabel('Collection to report in').locator('option:checked').textContent(),
    ).toBe('Regime indicators');
    // The name is required: the error summary says so before anything is sent.
    await form.getByRole('button', { name: 'Report the incident' }).click();
    await page.getByRole('link', { name: 'Enter a name for the incident' }).waitFor();

    await form.getByLabel('Name').fill('Phishing lure at a water utility');
    await form.getByLabel(/What happened/).fill('One engineer opened the attachment.');
    await form.getByLabel(/Labels/).fill('rsit:fraud="phishing", sector:water');
    await form.getByLabel('TLP').selectOption('green');
    await form.getByRole('button', { name: 'Report the incident' }).click();

    await page
      .getByRole('heading', { level: 1, name: 'Phishing lure at a water utility' })
      .waitFor();
    await page.getByRole('status').filter({ hasText: 'with 1 linked object' }).waitFor();
    const links = page.getByRole('table', { name: 'Objects linked to this incident' });
    await links.getByRole('link', { name: 'Phishing sender domain' }).waitFor();

    await openIncidents();
    await page.getByRole('button', { name: 'Show incidents labelled sector:water' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Incidents' }).getByRole('row').count())
      .toBe(2);
    await page.getByRole('link', { name: 'Phishing lure at a water utility' }).waitFor();
    await signOut(page);
  });

  it('keeps an incident of the bilateral channel from those outside it', async () => {
    await signIn(page, server, 'diplomat@kenya.example');
    await openIncidents();
    await page.getByRole('link', { name: SCANNING }).waitFor();
    await signOut(page);

    await signIn(page, server, 'diplomat@brazil.example');
    await openIncidents();
    await page.getByRole('link', { name: WIPER }).waitFor();
    expect(await page.getByRole('link', { name: SCANNING }).count()).toBe(0);
    await page.goto(`${server.url}/intel?q=${encodeURIComponent('Frostline C2 server')}`);
    await page.getByRole('link', { name: 'Frostline C2 server', exact: true }).click();
    const incidents = page.getByRole('table', { name: 'Incidents this object is linked to' });
    await incidents.getByRole('link', { name: WIPER }).waitFor();
    expect(await incidents.getByRole('link', { name: SCANNING }).count()).toBe(0);
    await signOut(page);
  });
});
