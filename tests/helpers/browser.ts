// Debian's Chromium driven by playwright-core (never `playwright install`: no downloads here).
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { ROOT } from './server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Where tests keep what a person may want to open afterwards (PDFs, DOCX, screenshots). */
export function artifactPath(...parts: string[]): string {
  const p = path.join(ROOT, 'test-results', ...parts);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  return p;
}

/**
 * Clicks and returns the download. A browser starts a download by itself only shortly after the
 * user's click; when the meeting machine took longer to produce the file, the page offers it with a
 * 保存 link instead (src-renderer/src/save-file.ts), and this clicks that link, as the user would.
 */
export async function downloadOnClick(page: Page, click: () => Promise<unknown>): Promise<Download> {
  return (await downloadOrOffer(page, click)).download;
}

/**
 * Chromium (156 seen here) silently drops a page's download that follows ten others in a quick burst
 * (every 11th, with no gap between them; none with a second between each, checked up to 24): a
 * person never clicks that fast, a test does. The downloads of one page are spaced by this much.
 */
const DOWNLOAD_GAP_MS = 1000;
const lastDownloadAt = new WeakMap<Page, number>();

/** downloadOnClick, telling also whether the page had to offer the file (`offered`). */
export async function downloadOrOffer(page: Page, click: () => Promise<unknown>): Promise<{ download: Download; offered: boolean }> {
  const wait = (lastDownloadAt.get(page) ?? -Infinity) + DOWNLOAD_GAP_MS - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  try {
    return await downloadOrOfferNow(page, click);
  } finally {
    lastDownloadAt.set(page, performance.now());
  }
}

async function downloadOrOfferNow(page: Page, click: () => Promise<unknown>): Promise<{ download: Download; offered: boolean }> {
  const offer = page.getByRole('alert').filter({ hasText: '文件已生成' });
  const direct = page.waitForEvent('download', { timeout: 90_000 });
  direct.catch(() => undefined);
  await click();
  const first = await Promise.race([direct.then((d) => ({ d })), offer.waitFor({ timeout: 90_000 }).then(() => ({ d: null }))]);
  if (first.d) return { download: first.d, offered: false };
  const [download] = await Promise.all([page.waitForEvent('download'), offer.getByRole('link', { name: /^保存 / }).click()]);
  return { download, offered: true };
}
