/**
 * The points-of-contact directory in a real browser: the secretariat launches a ping round,
 * a state's diplomat acknowledges the ping and sends a structured message, and the receiver
 * opens (read receipt), acknowledges and answers it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startTestServer } from './harness';
import { launchChromium, SKIP_REASON } from './chromium';

const context: BrowserContext | null = await launchChromium();
const suite = context ? describe : describe.skip;
const title = context ? 'directory in Chromium' : `directory in Chromium (skipped: ${SKIP_REASON})`;

suite(title, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let page: Page;
  const stamp = Date.now().toString(36);
  const round = `E2E ping ${stamp}`;
  const subject = `Scanning from a hosting provider (${stamp})`;

  const signIn = async (email: string) => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email address', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(server.demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
  };
  const signOut = async () => {
    await page.getByRole('button', { name: /Account menu for/ }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  };
  const directoryTab = (name: string) =>
    page.getByRole('navigation', { name: 'Directory' }).getByRole('link', { name, exact: true });

  beforeAll(async () => {
    server = await startTestServer();
    page = await context!.newPage();
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await context?.browser()?.close();
    await server?.close();
  });

  it('lets the secretariat launch a ping round from the dashboard', async () => {
    await signIn(server.demo.adminEmail);
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
    await signOut();
  });

  it('lets a state’s diplomat acknowledge its ping', async () => {
    await signIn('diplomat@estonia.example');
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
    await signOut();
  });

  it('lets the receiver open, acknowledge and answer the message', async () => {
    await signIn('diplomat@kenya.example');
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
    await signOut();
    await signIn('diplomat@estonia.example');
    await page.goto(`${server.url}/directory/messages/sent`);
    const sent = page.getByRole('row').filter({ hasText: subject });
    await expect.poll(() => sent.textContent()).toContain('Acknowledged');
  });
});
