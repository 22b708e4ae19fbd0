/**
 * The glossary in a real browser: a participant records its own definition of a term, sees how
 * similar it is to the harmonised one and the word diff, and finds it in the divergence view;
 * the secretariat adds a harmonised term and edits its definition and thresholds.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestServer } from './harness';
import { launchChromium, SKIP_REASON } from './chromium';
import { closeSuite, openSuite, signOut, submitSignIn } from './support';

const context: BrowserContext | null = await launchChromium();
const suite = context ? describe : describe.skip;
const title = context ? 'glossary in Chromium' : `glossary in Chromium (skipped: ${SKIP_REASON})`;

suite(title, () => {
  let server: TestServer;
  let page: Page;
  let term = '';
  const stamp = Date.now().toString(36);
  const newTerm = `Digital sovereignty ${stamp}`;
  const newId = `digital-sovereignty-${stamp}`;
  const definition = `A state’s authority over data and systems on its territory (${stamp}).`;

  beforeAll(async () => {
    ({ server, page } = await openSuite(context!));
  }, 180_000);
  afterAll(() => closeSuite(context, server));

  it('records a diverging definition and shows its similarity and diff', async () => {
    await page.goto(`${server.url}/login`);
    await submitSignIn(page, server, 'diplomat@brazil.example');

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

  it('lets the secretariat add a term, with the server’s refusal shown beside the field', async () => {
    await signOut(page);
    await submitSignIn(page, server, server.demo.adminEmail);
    await page.goto(`${server.url}/glossary`);
    await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();

    await page.getByRole('button', { name: 'New term' }).click();
    // The form's heading takes the focus, for keyboard and screen reader users.
    const heading = page.getByRole('heading', { name: 'New harmonised term' });
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Add term' }).click();
    await page.getByRole('alert').getByText('Enter the term').waitFor();

    // The identifier follows the term; this one is taken, and the server says so by the field.
    await page.getByLabel('Term', { exact: true }).fill('Critical infrastructure');
    expect(await page.getByLabel('Identifier').inputValue()).toBe('critical-infrastructure');
    await page
      .getByLabel('Harmonised definition')
      .fill('Systems whose disruption would seriously harm the public.');
    await page.getByRole('button', { name: 'Add term' }).click();
    await page.locator('#new-term-id-error').getByText('Identifier is already taken').waitFor();

    await page.getByLabel('Term', { exact: true }).fill(newTerm);
    expect(await page.getByLabel('Identifier').inputValue()).toBe(newId);
    await page.getByLabel('Thresholds').fill('Applies from the first affected user.');
    await page.getByRole('button', { name: 'Add term' }).click();
    await page.getByRole('heading', { level: 1, name: newTerm }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/glossary/${newId}`);
    await page.getByRole('status').filter({ hasText: 'has been added to the glossary' }).waitFor();
  });

  it('lets the secretariat edit the harmonised definition and thresholds', async () => {
    const card = page.getByRole('region', { name: 'Harmonised definition' });
    await card.getByRole('button', { name: 'Edit the harmonised term' }).click();
    await card.getByLabel('Harmonised definition').fill(definition);
    await card.getByLabel('Thresholds').fill('Applies from 1,000 affected users.');
    await card.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'has been updated' }).waitFor();
    await card.getByText(definition).waitFor();
    expect(await card.textContent()).toContain('Applies from 1,000 affected users.');
    // Focus is back on the button that opened the form.
    const edit = card.getByRole('button', { name: 'Edit the harmonised term' });
    await expect.poll(() => edit.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
