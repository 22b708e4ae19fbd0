/**
 * Publishing a doctrine in a real browser: a state's diplomat loads the participant's signing
 * key into the page, which signs the doctrine version itself (DSSE, Ed25519) and sends only
 * the envelope; the new commitment then shows in the commitments matrix and its CSV.
 */
import { createHash } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startTestServer } from './harness';
import { launchChromium, SKIP_REASON } from './chromium';
import { closeSuite, signIn } from './support';

const context: BrowserContext | null = await launchChromium();
const suite = context ? describe : describe.skip;
const title = context ? 'doctrines in Chromium' : `doctrines in Chromium (skipped: ${SKIP_REASON})`;

/** The demo key of `estonia`: SHA-256 of "concord-demo-key:estonia", as hex. */
const ESTONIA_SEED = createHash('sha256').update('concord-demo-key:estonia', 'utf8').digest('hex');

suite(title, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let page: Page;
  let normId = '';
  const statement = `Estonia commits to this norm (e2e ${Date.now().toString(36)}).`;
  const conditions = 'Subject to parliamentary approval of the implementing act.';
  const requests: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    page = await context!.newPage();
    // Everything the page sends, to show that the key itself never leaves the browser.
    page.on('request', (request) => requests.push(request.postData() ?? ''));
  }, 180_000);

  afterAll(() => closeSuite(context, server));

  it('signs in as Estonia’s diplomat and opens the publishing form', async () => {
    await signIn(page, server, 'diplomat@estonia.example');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Doctrines' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Doctrines' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Doctrines' })
      .getByRole('link', { name: 'Publish' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Publish a doctrine version' }).waitFor();
  });

  it('refuses to sign without a key, then loads the key into the page', async () => {
    await page.getByLabel('Title', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sign and publish' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByText('Load your participant’s signing key first').waitFor();

    const wrong = createHash('sha256').update('concord-demo-key:kenya').digest('base64');
    await page.getByLabel('Signing key (private seed)').fill(wrong);
    await page.getByRole('button', { name: 'Load key' }).click();
    await page.getByText('This key is not registered for Republic of Estonia').waitFor();
    await page.getByRole('button', { name: 'Forget the key' }).click();

    await page.getByLabel('Signing key (private seed)').fill(ESTONIA_SEED);
    await page.getByRole('button', { name: 'Load key' }).click();
    await page.getByRole('status').filter({ hasText: 'Key loaded:' }).waitFor();
    // The pasted key is not left in the input.
    expect(await page.getByLabel('Signing key (private seed)').count()).toBe(0);
  });

  it('adds a commitment with conditions, signs and publishes the next version', async () => {
    await page.getByRole('button', { name: 'Add a commitment' }).click();
    const rows = page.locator('.commitment-row');
    const row = rows.last();
    const norm = row.getByLabel('Norm', { exact: true });
    // The new row's norm picker has focus, for keyboard users.
    await expect.poll(() => norm.evaluate((el) => el === document.activeElement)).toBe(true);
    // A norm Estonia has not committed to yet: the first one the picker still offers.
    normId = await norm.evaluate((select: HTMLSelectElement) => {
      const free = Array.from(select.options).find((o) => o.value !== '' && !o.disabled);
      return free?.value ?? '';
    });
    expect(normId).not.toBe('');
    await norm.selectOption(normId);
    await row.getByLabel('What you commit to').fill(statement);
    await row.getByLabel('Conditions or reservations').fill(conditions);

    await page.getByText(/The document you will sign \(version \d+\)/).click();
    const signed = await page.locator('details pre').textContent();
    expect(signed).toContain(statement);
    const version = (JSON.parse(signed ?? '{}') as { version: number }).version;
    expect(version).toBeGreaterThan(1);

    await page.getByRole('button', { name: 'Sign and publish' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Version ${version} has been signed and published.` })
      .waitFor();
    expect(new URL(page.url()).pathname).toMatch(
      new RegExp(`/doctrines/[0-9a-f-]+/versions/${version}$`),
    );

    // The browser checks the signature and the ledger entry itself.
    const record = page.getByRole('region', { name: 'On the record' });
    await record.getByText('Signature verified in this browser').waitFor({ timeout: 30_000 });
    await record.getByText('Verified in the ledger').waitFor({ timeout: 30_000 });
    const commitment = page.getByRole('row').filter({ hasText: statement });
    expect(await commitment.textContent()).toContain(conditions);

    // Only the envelope went to the server: neither the seed nor its base64 appears in a request.
    const seedBase64 = Buffer.from(ESTONIA_SEED, 'hex').toString('base64');
    expect(requests.some((body) => body.includes(ESTONIA_SEED) || body.includes(seedBase64))).toBe(
      false,
    );
  });

  it('shows the commitment in the commitments matrix and its CSV', async () => {
    await page.getByRole('link', { name: 'Compare in the matrix' }).click();
    await page.getByRole('heading', { level: 1, name: 'Commitments matrix' }).waitFor();
    const cell = page.getByRole('link', {
      name: `Republic of Estonia, ${normId}: With conditions`,
    });
    await cell.waitFor();

    // Filtering to norms with a conditional commitment keeps this one.
    await page.getByLabel('Show norms with').selectOption('conditional');
    await cell.waitFor();
    expect(new URL(page.url()).searchParams.get('cells')).toBe('conditional');

    const csv = await page.evaluate(async () => {
      const response = await fetch('/api/v1/doctrines/matrix.csv');
      return response.text();
    });
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    const column = header!
      .split(',')
      .findIndex((name) => name.includes('(EE)') || name.includes('(EST)'));
    expect(column).toBeGreaterThan(0);
    const line = lines.find((l) => l.startsWith(`${normId},`));
    expect(line?.split(',').at(column - header!.split(',').length)).toBe('conditional');
  });
});
