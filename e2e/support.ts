/** What every browser suite does: open a server and a page, sign in and out through the form. */
import type { BrowserContext, Page } from 'playwright-core';
import { startTestServer } from './harness';
import type { TestServer } from './harness';

/** For a suite's beforeAll: a fresh server with the demo community, and a page. */
export async function openSuite(
  context: BrowserContext,
): Promise<{ server: TestServer; page: Page }> {
  const server = await startTestServer();
  const page = await context.newPage();
  return { server, page };
}

/** For a suite's afterAll: the browser, then the server (either may never have started). */
export async function closeSuite(
  context: BrowserContext | null,
  server: TestServer | undefined,
): Promise<void> {
  await context?.close();
  await context?.browser()?.close();
  await server?.close();
}

/** Fills in and submits the sign-in form the page shows, and waits to leave it. */
export async function submitSignIn(page: Page, server: TestServer, email: string): Promise<void> {
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(server.demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** Signs in with the demo password and waits for the first page's heading. */
export async function signIn(page: Page, server: TestServer, email: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await submitSignIn(page, server, email);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Logs out through the account menu and waits for the sign-in form. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Account menu for/ }).click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
}
