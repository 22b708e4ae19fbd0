/**
 * The norms catalogue in a real browser: filter and search it, open a norm (its adoption is
 * verified in the ledger by the page) and see who committed to it and how, propose a change
 * with the current text filled in, then endorse and discuss the amendment.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestServer } from './harness';
import { launchChromium, SKIP_REASON } from './chromium';
import { closeSuite, openSuite, signIn, signOut, submitSignIn } from './support';

const context: BrowserContext | null = await launchChromium();
const suite = context ? describe : describe.skip;
const title = context ? 'norms in Chromium' : `norms in Chromium (skipped: ${SKIP_REASON})`;

const NORM_TITLE = 'No operations meant to disable critical infrastructure';

suite(title, () => {
  let server: TestServer;
  let page: Page;
  const addition = ` This includes hospitals (e2e ${Date.now().toString(36)}).`;

  beforeAll(async () => {
    ({ server, page } = await openSuite(context!));
  }, 180_000);
  afterAll(() => closeSuite(context, server));

  it('filters the catalogue by category and finds a norm by a word of its text', async () => {
    await signIn(page, server, 'diplomat@kenya.example');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Norms' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Norms' }).waitFor();
    const list = page.getByRole('list', { name: /^Norms/ });
    await expect.poll(() => list.getByRole('article').count()).toBeGreaterThan(10);

    await page.getByLabel('Category', { exact: true }).selectOption('prohibition');
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('prohibition');
    const filtered = page.getByRole('list', { name: 'Norms matching the filters' });
    await filtered.waitFor();
    const cards = filtered.getByRole('article');
    await expect
      .poll(async () => {
        const texts = await cards.allTextContents();
        return texts.length > 0 && texts.every((text) => text.includes('Prohibition'));
      })
      .toBe(true);

    await page.getByRole('searchbox', { name: 'Search' }).fill('disable critical');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => cards.count()).toBe(1);
    await cards.getByRole('link', { name: NORM_TITLE }).click();
  });

  it('shows the norm with its adoption verified in the ledger', async () => {
    await page.getByRole('heading', { level: 1, name: NORM_TITLE }).waitFor();
    const text = page.getByRole('region', { name: 'The norm' });
    await text.getByText('Verified in the ledger').waitFor({ timeout: 30_000 });
    await page
      .getByRole('region', { name: 'Version history' })
      .getByRole('link', { name: 'Version 1' })
      .waitFor();
  });

  it('lists who committed to the norm, in their own words, each checked in the ledger', async () => {
    const commitments = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: 'Commitments' }),
    });
    const estonia = commitments.getByRole('row', { name: /Republic of Estonia/ });
    await estonia
      .getByText('Estonia will not conduct operations meant to disable critical infrastructure.')
      .waitFor();
    expect(await commitments.textContent()).toContain('1 participant has committed to it.');
    // The doctrine version's ledger entry, and that it signed this very wording.
    await estonia.getByText('Verified in the ledger').waitFor({ timeout: 30_000 });
    await estonia.getByRole('link', { name: 'Republic of Estonia, doctrine version 2' }).click();
    await page.getByRole('heading', { level: 1, name: /Estonia’s position/ }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/\/doctrines\/[0-9a-f-]+\/versions\/2$/);

    // A norm no doctrine commits to says so.
    await page.goto(`${server.url}/norms/GGE-2015-13b`);
    await page
      .getByRole('heading', { name: 'No participant has published a commitment to this norm yet' })
      .waitFor();
    await page.goto(`${server.url}/norms/CONCORD-R1`);
    await page.getByRole('heading', { level: 1, name: NORM_TITLE }).waitFor();
  });

  it('proposes a change with the current text filled in and a live diff', async () => {
    await page.getByRole('link', { name: 'Propose a change' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Propose an amendment' }).waitFor();
    expect(await page.getByRole('radio', { name: /A change to a norm/ }).isChecked()).toBe(true);
    const text = page.getByLabel('Text', { exact: true });
    await expect.poll(() => text.inputValue()).toContain('critical infrastructure');

    // Nothing changed yet: the form says so instead of sending an empty amendment.
    await page.getByLabel('Rationale').fill('Hospitals were hit during the last review cycle.');
    await page.getByRole('button', { name: 'Propose change' }).click();
    await page
      .getByRole('alert')
      .getByText('Change the title, text or another detail of the norm')
      .waitFor();

    await text.fill(`${await text.inputValue()}${addition}`);
    const preview = page.getByRole('region', { name: /Your change to the text/ });
    await expect
      .poll(async () => (await preview.locator('.diff-text ins').allTextContents()).join(''))
      .toContain('hospitals');
    await page.getByRole('button', { name: 'Propose change' }).click();

    await page.getByRole('heading', { level: 1, name: NORM_TITLE }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/norms\/amendments\/[0-9a-f-]+$/);
    await page
      .getByRole('status')
      .filter({ hasText: 'Your amendment has been proposed' })
      .waitFor();
    const change = page.getByRole('region', { name: 'The proposed change' });
    expect(await change.locator('.diff-text ins').allTextContents()).toContainEqual(
      expect.stringContaining('hospitals'),
    );
  });

  it('endorses the amendment and comments on it', async () => {
    const endorsements = page.getByRole('region', { name: /^Endorsements/ });
    await endorsements
      .getByRole('button', { name: 'Endorse on behalf of your participant' })
      .click();
    await endorsements.getByText('Republic of Kenya').waitFor();
    expect(await endorsements.getByRole('button').count()).toBe(0);

    await page.getByLabel('Comment', { exact: true }).fill('Kenya supports naming hospitals.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.getByRole('article', { name: 'Comment by Republic of Kenya' }).waitFor();
    expect(await page.getByLabel('Comment', { exact: true }).inputValue()).toBe('');

    await page.getByRole('link', { name: 'CONCORD-R1' }).click();
    await page.getByRole('heading', { level: 1, name: NORM_TITLE }).waitFor();
    const amendments = page.getByRole('region', { name: 'Amendments' }).first();
    await amendments.getByRole('link', { name: NORM_TITLE }).waitFor();
    expect(await amendments.textContent()).toContain('1 amendment is open');
  });

  it('lets the secretariat adopt it: a new version, logged and verified in the ledger', async () => {
    await signOut(page);
    await submitSignIn(page, server, server.demo.adminEmail);

    const amendments = page.getByRole('region', { name: 'Amendments' }).first();
    await page.goto(`${server.url}/norms/CONCORD-R1`);
    await amendments.getByRole('link', { name: NORM_TITLE }).click();
    await page.getByRole('button', { name: 'Record decision' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record the decision' });
    await dialog.getByRole('radio', { name: 'Adopt' }).check();
    await dialog.getByLabel('Reason').fill('Consensus at the plenary.');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Adopted: now version 2 of CONCORD-R1').waitFor();
    await page.getByText('Verified in the ledger').first().waitFor({ timeout: 30_000 });

    await page.getByRole('link', { name: 'CONCORD-R1' }).click();
    await page.getByRole('heading', { level: 1, name: NORM_TITLE }).waitFor();
    // The cached norm shows first and refreshes: wait for the adopted text.
    await expect
      .poll(() => page.getByRole('region', { name: 'The norm' }).textContent())
      .toContain('hospitals');
    await page
      .getByRole('region', { name: 'Version history' })
      .getByRole('link', { name: 'Version 2' })
      .click();
    const changes = page.getByRole('region', { name: 'Changes from version 1' });
    await expect
      .poll(async () => (await changes.locator('.diff-text ins').allTextContents()).join(''))
      .toContain('hospitals');
  });
});
