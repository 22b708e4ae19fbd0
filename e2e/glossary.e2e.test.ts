/**
 * The glossary in a real browser: a participant records its own definition of a term, sees how
 * similar it is to the harmonised one and the word diff, and finds it in the divergence view.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startTestServer } from './harness';
import { launchChromium, SKIP_REASON } from './chromium';

const context: BrowserContext | null = await launchChromium();
const suite = context ? describe : describe.skip;
const title = context ? 'glossary in Chromium' : `glossary in Chromium (skipped: ${SKIP_REASON})`;

suite(title, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let page: Page;
  let term = '';

  beforeAll(async () => {
    server = await startTestServer();
    page = await context!.newPage();
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await context?.browser()?.close();
    await server?.close();
  });

  it('records a diverging definition and shows its similarity and diff', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email address', { exact: true }).fill('diplomat@brazil.example');
    await page.getByLabel('Password', { exact: true }).fill(server.demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/login');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Glossary' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
    // A term Brazil has not defined yet: the page then offers "Record yours".
    const links = page.getByRole('region', { name: /Harmonised terms/ }).getByRole('link');
    await expect.poll(() => links.count()).toBeGreaterThan(3);
    for (const link of await links.all()) {
      term = (await link.textContent()) ?? '';
      await link.click();
      await page.getByRole('heading', { level: 1, name: term }).waitFor();
      const mine = page.getByRole('region', { name: 'Federative Republic of Brazil’s definition' });
      await mine.getByRole('button').first().waitFor();
      if ((await mine.getByRole('button', { name: 'Record yours' }).count()) === 1) break;
      await page.goBack();
    }
    const mine = page.getByRole('region', { name: 'Federative Republic of Brazil’s definition' });
    await mine.getByRole('button', { name: 'Record yours' }).click();
    await page
      .getByLabel('Your definition', { exact: true })
      .fill('Anything the national regulator says it is.');
    await page.getByLabel('Source', { exact: true }).fill('Resolution 1/2026');
    await page.getByRole('radio', { name: 'Not aligned' }).check();
    await page.getByRole('button', { name: 'Record definition' }).click();

    await page.getByRole('status').filter({ hasText: 'has been saved' }).waitFor();
    const card = mine.getByRole('article');
    await card.getByText(/% similar$/).waitFor();
    expect(await card.textContent()).toContain('Diverges');
    await card.getByRole('button', { name: 'Show changes from the harmonised text' }).click();
    await expect.poll(() => card.locator('ins').count()).toBeGreaterThan(0);
    expect(await card.locator('del').count()).toBeGreaterThan(0);
  });

  it('lists the definition in the divergence view', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Glossary' })
      .click();
    await page
      .getByRole('navigation', { name: 'Glossary' })
      .getByRole('link', { name: 'Divergence' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Divergence' }).waitFor();
    const section = page.getByRole('region', { name: new RegExp(`^${term}`) });
    await section
      .getByRole('article', { name: /Federative Republic of Brazil/ })
      .getByText('Anything the national regulator says it is.')
      .waitFor();
  });
});
