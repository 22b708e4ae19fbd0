/**
 * Real Chromium for browser tests: Debian's /usr/bin/chromium (or CHROMIUM_PATH) driven by
 * playwright-core. Returns null when no Chromium is installed, so tests can skip with a reason.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = fs.existsSync(CHROMIUM_PATH);
export const SKIP_REASON = `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;

/** A fresh profile per launch; closing the context removes it. */
export async function launchChromium(): Promise<BrowserContext | null> {
  if (!chromiumAvailable) {
    // CI sets this so that a missing browser fails the run instead of skipping silently.
    if (process.env.CONCORD_REQUIRE_CHROMIUM === '1') throw new Error(SKIP_REASON);
    return null;
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Without the background-networking flags Chromium keeps dialling out, and this
    // network refuses it.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
  context.on('close', () => {
    // Chromium may still be flushing its profile as the context closes.
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // A leftover temporary profile is harmless.
    }
  });
  return context;
}
