import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GradeReport } from '../core/result.ts';
import { runCliCaptured } from '../testing/run-cli.ts';
import { passingReport, payloads, richHostileReport } from './fixtures.ts';
import { renderGradebook } from './gradebook.ts';
import { renderHtml } from './html.ts';

// Needs Debian's chromium at /usr/bin/chromium (CI: apt-get install -y chromium); the test fails, not skips, without it.
const CHROMIUM = process.env.KUBEGRADE_CHROMIUM ?? '/usr/bin/chromium';
const root = resolve(import.meta.dirname, '..', '..');
const artifacts = join(root, 'reports', 'artifacts');
const dir = mkdtempSync(join(tmpdir(), 'kubegrade-browser-'));
let browser: Browser;

async function graded(id: string, submission: string): Promise<GradeReport> {
  const run = await runCliCaptured(['grade', id, '--submission', join(root, submission), '--format', 'json', '--no-report'], root);
  return JSON.parse(run.stdout) as GradeReport;
}

interface Opened {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  file: string;
}

async function open(name: string, html: string, options: { width?: number; dark?: boolean } = {}): Promise<Opened> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  // javaScriptEnabled stays on (the default): a payload WOULD run if the page let it.
  const context = await browser.newContext({ viewport: { width: options.width ?? 1100, height: 900 }, colorScheme: options.dark ? 'dark' : 'light', javaScriptEnabled: true });
  const requests: string[] = [];
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
  page.on('pageerror', (e) => void consoleErrors.push(e.message));
  page.on('request', (r) => void requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, consoleErrors, requests, file: url };
}

async function expectInert(o: Opened): Promise<void> {
  expect(o.consoleErrors).toEqual([]);
  expect(o.requests).toEqual([o.file]);
  expect(await o.page.evaluate('window.__pwned')).toBeUndefined();
  expect(await o.page.evaluate("document.querySelectorAll('script, img, iframe, object, embed, link').length")).toBe(0);
  expect(await o.page.evaluate("[...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on'))")).toEqual([]);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) or set KUBEGRADE_CHROMIUM`);
  mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('HTML reports in headless Chromium', () => {
  it('shows a passing report without errors, requests or scripts (screenshot: report-passing.png)', async () => {
    const o = await open('passing', renderHtml(await graded('05', 'solutions/05-nodeport-service/solution')));
    await expectInert(o);
    expect(await o.page.locator('h1').innerText()).toBe('kubegrade report');
    expect(await o.page.getByText('Nothing to fix: every check passed.').isVisible()).toBe(true);
    expect(await o.page.locator('svg.picture[role="img"] title').first().textContent()).toContain('nodes, Pods and Services');
    await o.page.screenshot({ path: join(artifacts, 'report-passing.png'), fullPage: true });
    await o.page.context().close();
  }, 60_000);

  it('shows a failing report with the picture, the trace and the review notes (screenshots: report-failing*.png)', async () => {
    const html = renderHtml(await graded('05', 'solutions/05-nodeport-service/mutants/selector-name-web'));
    for (const [suffix, options] of [['', {}], ['-phone', { width: 390 }], ['-dark', { dark: true }]] as const) {
      const o = await open(`failing${suffix}`, html, options);
      await expectInert(o);
      if (suffix === '') {
        expect(await o.page.locator('.fix li').count()).toBeGreaterThan(0);
        expect(await o.page.locator('svg.picture text', { hasText: 'no endpoints' }).count()).toBe(1);
        expect(await o.page.locator('ol.trace li.stop').first().innerText()).toContain('stopped here');
        expect(await o.page.locator('.src .hit').count()).toBeGreaterThan(0);
        // Anchors from a check to the learner's line resolve inside the page.
        const href = await o.page.locator('ul.checks .where a').first().getAttribute('href');
        expect(await o.page.locator(href!).count()).toBe(1);
      }
      if (suffix === '-phone') expect(await o.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await o.page.screenshot({ path: join(artifacts, `report-failing${suffix}.png`), fullPage: true });
      await o.page.context().close();
    }
  }, 60_000);

  it('shows every hostile learner string as text and runs none of it', async () => {
    const o = await open('hostile', renderHtml(richHostileReport()));
    await expectInert(o);
    const text = await o.page.evaluate<string>('document.body.innerText');
    for (const p of Object.values(payloads)) expect(text).toContain(p);
    // The file name carrying markup is a heading's text, not an element.
    expect(await o.page.locator('h4 code', { hasText: payloads.img }).count()).toBe(1);
    await o.page.context().close();
  }, 60_000);

  it('keeps the gradebook inert and its links relative', async () => {
    const html = renderGradebook([
      { learner: `eve${payloads.script}`, report: richHostileReport(), reportHref: payloads.js },
      { learner: 'ada', report: passingReport(), reportHref: 'ada/index.html' },
    ]);
    const o = await open('gradebook', html);
    await expectInert(o);
    expect(await o.page.evaluate("[...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))")).toEqual(['ada/index.html']);
    expect(await o.page.evaluate<string>('document.body.innerText')).toContain(`eve${payloads.script}`);
    await o.page.screenshot({ path: join(artifacts, 'gradebook.png'), fullPage: true });
    await o.page.context().close();
  }, 60_000);
});
