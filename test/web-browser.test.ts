// The web page end to end, in a real headless Chromium (Debian's `chromium`, driven by
// playwright-core): a real `dossier serve` over a store holding the two seeds (../shared/seeds,
// read at run time) and the bundled examples, really ingested. The home page loads; an article
// page shows highlighted entities, quotes, times and figures, and its entity links lead to the
// entity's page; search finds an article; a figure series chart draws one point per dated figure;
// every page is usable 375 px wide (no horizontal scroll); no page logs a console error or asks
// for anything outside 127.0.0.1. Screenshots go to test-artifacts/web/ (git ignores it).
//
// Without /usr/bin/chromium the test is skipped, saying why, unless CI or DOSSIER_REQUIRE_BROWSER
// is set: then it fails (.ci/run installs chromium).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { runCli } from './support/cli-run.ts';
import { startServe, type ServeProcess } from './support/serve-process.ts';
import { seedPath } from './support/shared-data.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts', 'web');
const required = Boolean(process.env['CI'] || process.env['DOSSIER_REQUIRE_BROWSER']);
const missing = !existsSync(CHROMIUM);
if (missing && !required) console.log(`# web-browser.test.ts skipped: ${CHROMIUM} is missing (apt-get install -y chromium); set DOSSIER_REQUIRE_BROWSER=1 to make this a failure`);

/** Chromium's flags on this closed network: without the background-networking ones it keeps trying to reach Google, and those connections are refused. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

describe('the web page in headless Chromium', { skip: missing && !required ? `${CHROMIUM} is missing` : false, timeout: 60_000 }, () => {
  let dir: string;
  let server: ServeProcess;
  let browser: Browser;
  let context: BrowserContext;
  const problems: string[] = [];

  /** A new page of `ctx` whose console errors, page errors, failed requests and requests outside the server are recorded as problems. */
  async function watchedPage(ctx: BrowserContext): Promise<Page> {
    const page = await ctx.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(`${server.base}/`)) problems.push(`request outside the server: ${r.url()}`);
    });
    // ERR_ABORTED is a load cut short by the next navigation (the icon, when a test moves on at once), not a failure.
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? ''})`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
    });
    return page;
  }

  /** The story list and the largest story's page, when the server serves stories. */
  async function storyPages(): Promise<[string, string][]> {
    const answer = await fetch(`${server.base}/stories?limit=1000`);
    if (answer.status !== 200) return [];
    const { items } = (await answer.json()) as { items: { id: string; size: number }[] };
    const largest = items.reduce((x, y) => (y.size > x.size ? y : x));
    return [
      ['stories', '/web/stories'],
      ['story', `/web/stories/${encodeURIComponent(largest.id)}`],
    ];
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  before(async () => {
    assert.ok(!missing, `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'dossier-web-'));
    const db = join(dir, 'web.db');
    const ingest = await runCli('ingest', seedPath('anadolu'), seedPath('ap'), join(ROOT, 'examples'), '--db', db);
    assert.equal(ingest.status, 0, ingest.stderr);
    const env = { ...process.env };
    delete env['DOSSIER_TOKEN'];
    server = await startServe(db, [], env);
    // playwright-core starts Chromium with a new temporary profile (user data dir) of its own each launch.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    context.setDefaultTimeout(10_000);
  });

  after(async () => {
    await browser?.close();
    const code = await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0, server?.stderr());
  });

  test('the home page lists the ingested articles, the most mentioned entities and the disagreements', async () => {
    const page = await watchedPage(context);
    const answer = await page.goto(`${server.base}/`);
    assert.equal(answer?.status(), 200);
    assert.equal(await page.locator('h1').textContent(), 'Dossier');
    // 2 seeds + 7 example articles (the feeds hold several).
    assert.equal(await page.locator('#recent-articles > li').count(), 9);
    assert.ok((await page.locator('#entities-heading + ul li').count()) > 0);
    assert.match((await page.locator('#conflicts-heading + p').textContent()) ?? '', /\d+ conflicts?.*figure series/);
    assert.equal(await page.locator('main').count(), 1);
    assert.equal(await page.getByRole('navigation', { name: 'Site' }).count(), 1);
    const storiesServed = (await fetch(`${server.base}/stories`)).status === 200;
    assert.equal(await page.locator('nav a[href="/web/stories"]').count(), storiesServed ? 1 : 0, 'the stories link shows only when the API serves /stories');
    await shot(page, 'home');
    await page.close();
  });

  test('an article page highlights entities, quotes, times and figures, and an entity link leads to its page', async () => {
    const page = await watchedPage(context);
    await page.goto(`${server.base}/`);
    await page.getByRole('link', { name: /^Ridgeline Front says it will free 10 captives/ }).click();
    await page.waitForURL(/\/web\/articles\/[0-9a-f]+$/);
    for (const kind of ['entity', 'quote', 'time', 'figure']) assert.ok((await page.locator(`.article-text mark.hl-${kind}`).count()) > 0, `no ${kind} highlighted`);
    assert.equal(await page.locator('.legend mark').count(), 4);
    const figureLink = page.locator('.article-text mark.hl-figure a').first();
    assert.match((await figureLink.getAttribute('href')) ?? '', /^\/web\/series\//);
    await shot(page, 'article');

    const entity = page.locator('.article-text mark.hl-entity a').first();
    const title = (await entity.locator('xpath=..').getAttribute('title')) ?? '';
    const name = title.replace(/^[a-z]+: /, '').replace(/ \(.*\)$/, '');
    await entity.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/web\/entities\/[^/]+$/);
    assert.equal(await page.locator('h1').textContent(), name);
    assert.ok((await page.locator('#articles-heading + ul li').count()) > 0);
    await shot(page, 'entity');
    await page.close();
  });

  test('search finds an article, and its result opens the article', async () => {
    const page = await watchedPage(context);
    await page.goto(`${server.base}/web/search`);
    await page.getByLabel('Words to find').fill('captives Velmora');
    await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/web\/search\?q=captives\+Velmora/);
    const results = page.locator('#search-results > li');
    assert.ok((await results.count()) > 0);
    assert.ok((await results.first().locator('.snippet b').count()) > 0, 'the snippet marks the matched words');
    await shot(page, 'search');
    const first = results.first().locator('a').first();
    const title = await first.textContent();
    await first.click();
    await page.waitForURL(/\/web\/articles\//);
    assert.equal(await page.locator('h1').textContent(), title);
    await page.close();
  });

  test('a figure series chart draws a point for each dated figure, linked to its article', async () => {
    const series = (await (await fetch(`${server.base}/figures/series?limit=1000`)).json()) as { items: { id: string; points: { asOf: string | null }[] }[] };
    const largest = series.items.reduce((a, b) => (b.points.length > a.points.length ? b : a));
    const dated = largest.points.filter((p) => p.asOf !== null && /^\d{4}(-\d{2}){0,2}$/.test(p.asOf)).length;
    assert.ok(dated >= 2, 'the examples hold a series of several dated figures');
    const page = await watchedPage(context);
    await page.goto(`${server.base}/web/series`);
    await page.locator(`.table-wrap a[href="/web/series/${encodeURIComponent(largest.id)}"]`).click();
    await page.waitForURL(/\/web\/series\/.+/);
    const chart = page.locator('svg.series-chart');
    await chart.waitFor();
    assert.equal(await chart.locator('a.point').count(), dated);
    const box = await chart.boundingBox();
    assert.ok(box !== null && box.width > 300 && box.height > 100, 'the chart is drawn at a readable size');
    assert.equal(await page.locator('#points-heading + .table-wrap tbody tr').count(), largest.points.length);
    await shot(page, 'series');
    await chart.locator('a.point .dot').first().click();
    await page.waitForURL(/\/web\/articles\/[0-9a-f]+#figure-\d+$/);
    assert.equal(await page.locator(':target').count(), 1, 'the point leads to its figure in the article');
    await page.close();
  });

  test('a story page shows its timeline and its figure charts', async (t) => {
    if ((await fetch(`${server.base}/stories`)).status !== 200) return t.skip('this server has no GET /stories route yet');
    const page = await watchedPage(context);
    await page.goto(`${server.base}/`);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Stories' }).click();
    await page.waitForURL(/\/web\/stories$/);
    const stories = page.locator('#story-list > li');
    assert.ok((await stories.count()) > 0);
    await shot(page, 'stories');
    // The largest story (of the examples: Kestria and the Ridgeline Front) holds series of several figures.
    const [, storyPath] = (await storyPages())[1]!;
    const view = (await (await fetch(`${server.base}${storyPath.replace('/web', '')}`)).json()) as { timeline: unknown[]; series: { points: { asOf: string | null }[] }[] };
    const charted = view.series.filter((s) => s.points.length > 1);
    assert.ok(charted.length > 0, 'the largest story has a series of several figures');
    const dated = charted.flatMap((s) => s.points).filter((p) => p.asOf !== null && /^\d{4}(-\d{2}){0,2}$/.test(p.asOf)).length;
    await page.locator(`#story-list a[href="${storyPath}"]`).click();
    await page.waitForURL(/\/web\/stories\/[^/]+$/);
    assert.equal(await page.locator('#timeline > li').count(), view.timeline.length, 'the timeline lists every dated event, quote and figure');
    assert.equal(await page.locator('svg.series-chart').count(), charted.length);
    assert.equal(await page.locator('svg.series-chart a.point').count(), dated, 'each chart draws its dated figures');
    assert.match((await page.locator('#sources-heading + p').textContent()) ?? '', /\d+ articles?, of which \d+ independent/);
    await shot(page, 'story');
    await page.close();
  });

  test('every page is usable 375 px wide: no horizontal scroll', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    try {
      const page = await watchedPage(phone);
      await page.goto(`${server.base}/`);
      const article = (await page.locator('#recent-articles a').first().getAttribute('href'))!;
      const entity = (await page.locator('#entities-heading + ul a').first().getAttribute('href'))!;
      const pages: [string, string][] = [
        ['home', '/'],
        ['article', article],
        ['entity', entity],
        ['search', '/web/search?q=captives'],
        ['quotes', '/web/quotes'],
        ['figures', '/web/figures'],
        ['series-list', '/web/series'],
        ['entities', '/web/entities'],
        ...(await storyPages()),
      ];
      for (const [name, path] of pages) {
        await page.goto(`${server.base}${path}`);
        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        assert.ok(widths.scroll <= widths.client, `${path} scrolls sideways at 375 px: ${widths.scroll} > ${widths.client}`);
        if (name === 'home' || name === 'article' || name === 'story') await shot(page, `phone-${name}`);
      }
    } finally {
      await phone.close();
    }
  });

  test('no page logged a console error, failed a request or got an error status, or asked for anything outside 127.0.0.1', () => {
    assert.deepEqual(problems, []);
  });
});
