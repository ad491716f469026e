// Headless Debian Chromium for tests and screenshots. Never downloads a browser.
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CHROMIUM } from './setup.mjs';

export { CHROMIUM };

export const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--font-render-hinting=none',
];

/** A fresh browser context with its own profile directory. */
export async function launch(options = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium chromium-driver fonts-noto-cjk)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'passrate-chart-'));
  return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, ...options });
}
