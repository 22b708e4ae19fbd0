/**
 * The points-of-contact directory in a real browser: the secretariat launches a ping round and
 * follows it on the round's page, a state's diplomat acknowledges the ping, sets the state's
 * webhook (its secret shown once) and sends a structured message, the receiver opens (read
 * receipt), acknowledges and answers it, and the secretariat closes the round.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestServer } from './harness';
import { launchChromium, SKIP_REASON } from './chromium';
import { closeSuite, openSuite, signIn, signOut } from './support';

const context: BrowserContext | null = await launchChromium();
const suite = context ? describe : describe.skip;
const title = context ? 'directory in Chromium' : `directory in Chromium (skipped: ${SKIP_REASON})`;

suite(title, () => {
  let server: TestServer;
  let page: Page;
  const stamp = Date.now().toString(36);
  const round = `E2E ping ${stamp}`;
  const subject = `Scanning from a hosting provider (${stamp})`;

  const directoryTab = (name: string) =>
    page.getByRole('navigation', { name: 'Directory' }).getByRole('link', { name, exact: true });

  beforeAll(async () => {
    ({ server, page } = await openSuite(context!));
  }, 180_000);
  afterAll(() => closeSuite(context, server));

  it('lets the secretariat launch a ping round from the dashboard', async () => {
    await signIn(page, server, server.demo.adminEmail);
    await page.goto(`${server.url}/directory/pings/dashboard`);
    await page.getByRole('heading', { level: 1, name: 'Ping dashboard' }).waitFor();
    // The chart has a text alternative and a table of its figures.
    await page.getByRole('img', { name: /Response rate over ping rounds/ }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill(round);
    await page.getByLabel('Answer within (hours)').fill('4');
    await page.getByRole('button', { name: 'Send the pings' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `“${round}” has been sent` })
      .waitFor();

    // The round's own page: every contact, none answered yet.
    await page
      .getByRole('region', { name: 'Open rounds' })
      .getByRole('link', { name: round })
      .click();
    await page.getByRole('heading', { level: 1, name: round }).waitFor();
    const contacts = page.getByRole('region', { name: 'Contacts pinged' }).first();
    const estonia = contacts.getByRole('row').filter({ hasText: 'Republic of Estonia' });
    await expect.poll(() => estonia.count()).toBeGreaterThan(0);
    expect(await estonia.first().textContent()).toContain('Waiting, not yet due');
    await page
      .getByRole('region', { name: 'Overdue contacts' })
      .getByText(/None yet/)
      .waitFor();
    await page.getByRole('img', { name: /Response by participant/ }).waitFor();
    await signOut(page);
  });

  it('lets a state’s diplomat acknowledge its ping', async () => {
    await signIn(page, server, 'diplomat@estonia.example');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Directory' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Points of contact' }).waitFor();
    await directoryTab('Ping tests').click();
    await page.getByRole('heading', { level: 1, name: 'Ping tests' }).waitFor();
    const rows = page.getByRole('row').filter({ hasText: round });
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const first = rows.first();
    await first.getByRole('button', { name: /^Acknowledge/ }).click();
    await page.getByRole('status').filter({ hasText: 'Acknowledged for' }).waitFor();
    await page.getByLabel('Show').selectOption('acknowledged');
    const done = page
      .getByRole('row')
      .filter({ hasText: round })
      .filter({ hasText: 'Acknowledged on time' });
    await expect.poll(() => done.count()).toBeGreaterThan(0);
  });

  it('lets the state’s administrator set a webhook and shows its secret once', async () => {
    await directoryTab('Webhook').click();
    await page.getByRole('heading', { level: 1, name: 'Webhook' }).waitFor();
    await page.getByRole('heading', { name: 'No webhook set' }).waitFor();
    const address = page.getByLabel('Webhook address', { exact: true });

    // The server's refusal is shown beside the field.
    await address.fill('http://hooks.estonia.example/concord');
    await page.getByRole('button', { name: 'Set webhook' }).click();
    await page
      .locator('#webhook-webhookUrl-error')
      .getByText(/must use https/)
      .waitFor();

    await address.fill('https://hooks.estonia.example/concord');
    await page.getByRole('button', { name: 'Set webhook' }).click();
    const notice = page.getByRole('region', { name: 'Copy the webhook’s signing secret now' });
    await notice.waitFor();
    await expect.poll(() => notice.evaluate((el) => el === document.activeElement)).toBe(true);
    const secret = await notice.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await notice.getByRole('button', { name: 'Copy secret' }).waitFor();
    await notice.getByRole('button', { name: 'I have stored it safely' }).click();
    await notice.waitFor({ state: 'detached' });

    // Never shown again: not after a reload either.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Webhook' }).waitFor();
    const current = page.getByRole('region', { name: 'Where deliveries go' });
    await current.getByText('https://hooks.estonia.example/concord').waitFor();
    expect(await current.textContent()).toContain('It was shown once');
    expect(await page.getByLabel('Signing secret').count()).toBe(0);

    // Rotating issues a new one, shown once too.
    await page.getByRole('button', { name: 'Rotate the signing secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotate the signing secret?' });
    await dialog.getByRole('button', { name: 'Issue a new secret' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const rotated = await notice.getByLabel('Signing secret').inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await notice.getByRole('button', { name: 'I have stored it safely' }).click();

    // Removed again, so that the messages below are not pushed to a host that does not exist.
    await page.getByRole('button', { name: 'Remove the webhook' }).click();
    await page
      .getByRole('dialog', { name: 'Remove the webhook?' })
      .getByRole('button', { name: 'Remove webhook' })
      .click();
    await page.getByRole('heading', { name: 'No webhook set' }).waitFor();
  });

  it('sends an incident notification with the template’s required fields', async () => {
    await directoryTab('Messages').click();
    await page.getByRole('link', { name: 'New message' }).click();
    await page.getByRole('heading', { level: 1, name: 'New message' }).waitFor();
    await page.getByLabel('To', { exact: true }).selectOption({ label: 'Republic of Kenya' });
    await page.getByLabel('Kind of message').selectOption('incident_notification');
    await page.getByLabel('Subject').fill(subject);
    // Required fields are checked before anything is sent.
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByRole('alert').getByText('Fill in “What happened”').waitFor();

    await page.getByLabel('What happened').fill('Port scans against ministry networks.');
    await page.getByLabel('Detected at').fill('2026-05-01T09:30');
    await page.getByLabel('Affected systems or services').fill('Ministry VPN gateways');
    await page.getByLabel('Severity', { exact: true }).selectOption('high');
    await page.getByLabel('Action requested of the receiver').fill('Please look into the source.');
    await page.getByLabel('Acknowledge within (hours)').fill('24');
    await page.getByRole('button', { name: 'Send message' }).click();

    await page.getByRole('heading', { level: 1, name: subject }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Your message has been sent to Republic of Kenya' })
      .waitFor();
    await signOut(page);
  });

  it('lets the receiver open, acknowledge and answer the message', async () => {
    await signIn(page, server, 'diplomat@kenya.example');
    await page.goto(`${server.url}/directory/messages`);
    const row = page.getByRole('row').filter({ hasText: subject });
    expect(await row.textContent()).toContain('Unread');
    await row.getByRole('link', { name: subject }).click();
    await page.getByRole('heading', { level: 1, name: subject }).waitFor();
    const message = page.getByRole('article', {
      name: /Incident notification from Republic of Estonia/,
    });
    expect(await message.textContent()).toContain('Ministry VPN gateways');

    await message.getByRole('button', { name: 'Acknowledge receipt' }).click();
    await page.getByRole('status').filter({ hasText: 'Receipt acknowledged' }).waitFor();
    await page.getByLabel('Your reply').fill('Received; our CERT is looking into it.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByRole('article', { name: /Reply from Republic of Kenya/ }).waitFor();

    // The sender sees the read receipt and the acknowledgement.
    await signOut(page);
    await signIn(page, server, 'diplomat@estonia.example');
    await page.goto(`${server.url}/directory/messages/sent`);
    const sent = page.getByRole('row').filter({ hasText: subject });
    await expect.poll(() => sent.textContent()).toContain('Acknowledged');
  });

  it('lets the secretariat see the acknowledgement on the round’s page and close the round', async () => {
    await signOut(page);
    await signIn(page, server, server.demo.adminEmail);
    await page.goto(`${server.url}/directory/pings/dashboard`);
    // Listed under the open rounds and in the table of rounds: either leads to its page.
    await page.getByRole('link', { name: round, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: round }).waitFor();
    await page.getByLabel('Show', { exact: true }).selectOption('acknowledged');
    const acknowledged = page
      .getByRole('region', { name: 'Contacts pinged' })
      .first()
      .getByRole('row')
      .filter({ hasText: 'Republic of Estonia' });
    await expect.poll(() => acknowledged.count()).toBe(1);
    expect(await acknowledged.textContent()).toContain('Acknowledged on time');

    await page.getByRole('button', { name: 'Close the round' }).click();
    const dialog = page.getByRole('dialog', { name: `Close “${round}”?` });
    await dialog.getByText(/will count as missed/).waitFor();
    await dialog.getByRole('button', { name: 'Close the round' }).click();
    await page.getByRole('status').filter({ hasText: 'is closed' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Close the round' }).count()).toBe(0);
    await page.getByText('Closed', { exact: true }).first().waitFor();
  });
});
