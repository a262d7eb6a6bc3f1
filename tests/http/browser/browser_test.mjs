// Drives the search page in Debian's headless Chromium: search, facet, year bar, back button,
// an archived original, keyboard focus and a phone-width layout; the same page with JavaScript
// off (server-rendered links and forms); a screenshot at each step.
// Usage: node browser_test.mjs BASE_URL SCREENSHOT_DIR SAMPLE_DIR
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [base, shots, sample] = process.argv.slice(2);
const profile = mkdtempSync(path.join(tmpdir(), 'cqc-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});
const problems = [];
let step = 0;

async function shot(page, name, fullPage = true) {
  step += 1;
  const file = path.join(shots, `${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`screenshot ${file}`);
}

// The total the page announces in its live region (0 for "No documents match").
async function announcedTotal(page) {
  const text = await page.locator('#status').textContent();
  const m = text.match(/^([\d,]+) documents? match/);
  return m ? Number(m[1].replace(/,/g, '')) : 0;
}

// Waits until N filter chips are shown and the announced total is TOTAL.
async function rendered(page, chips, total) {
  await page.waitForFunction(([c, n]) => document.querySelectorAll('#chips .chip').length === c &&
    !document.body.classList.contains('loading') &&
    document.querySelector('#status').textContent.startsWith(`${n} document`), [chips, total]);
}

// Waits until the page has rendered the state in the URL (the status mentions the query).
async function settled(page) {
  await page.waitForFunction(() => !document.body.classList.contains('loading') &&
    document.querySelector('#status').textContent.length > 0);
}

try {
  const page = await context.newPage();
  const sandboxed = [];  // messages from archived originals: their scripts must be blocked
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    (m.location().url.includes('/original') ? sandboxed : problems).push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

  // 1. The front page browses the whole archive.
  await page.goto(base);
  await settled(page);
  assert.equal(await announcedTotal(page), 45, 'the empty search lists every document');
  await shot(page, 'home');

  // 2. Search "seclusion".
  await page.fill('#q', 'seclusion');
  await page.press('#q', 'Enter');
  await page.waitForURL(/q=seclusion/);
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('seclusion'));
  await settled(page);
  const total = await announcedTotal(page);
  assert.ok(total > 0, 'seclusion has results');
  assert.equal(await page.locator('li.hit').count(), Math.min(total, 10));
  assert.ok(await page.locator('li.hit .snippet mark').count() > 0, 'matched words are marked');
  assert.match((await page.locator('li.hit .snippet mark').first().textContent()).toLowerCase(), /seclu/);
  assert.ok(await page.locator('li.hit .snippet .page').count() > 0, 'PDF snippets show their page');
  await shot(page, 'search-seclusion');

  // 3. Click an overall rating facet: the total becomes the facet's count, every hit has that
  // overall rating, and the other ratings keep their counts (disjunctive facets).
  const facet = page.locator('a.facet[data-field="overall"]').first();
  const rating = await facet.getAttribute('data-value');
  const facetCount = Number(await facet.getAttribute('data-count'));
  const overallCounts = await page.locator('a.facet[data-field="overall"]').evaluateAll((els) =>
    els.map((e) => `${e.dataset.value}=${e.dataset.count}`));
  await facet.click();
  await page.waitForURL(new RegExp(`overall=${rating}`));
  await rendered(page, 1, facetCount);
  assert.equal(await announcedTotal(page), facetCount, 'total equals the facet count');
  assert.equal(await page.locator(`a.facet[data-field="overall"][data-value="${rating}"]`).getAttribute('aria-current'), 'true');
  assert.deepEqual(await page.locator('a.facet[data-field="overall"]').evaluateAll((els) =>
    els.map((e) => `${e.dataset.value}=${e.dataset.count}`)), overallCounts, 'the overall facet keeps its counts');
  assert.equal(await page.locator('#chips .chip').count(), 1, 'one removable chip');
  const api = await (await page.request.get(`${base}api/search?q=seclusion&overall=${rating}&per_page=100`)).json();
  assert.equal(api.total, facetCount);
  for (const h of api.hits) assert.equal(h.overall_rating, rating, `${h.id} is rated ${rating} overall`);
  await shot(page, `facet-overall-${rating}`);

  // 4. Click a year bar: every result is from that year and the total is the bar's count.
  const bar = page.locator('#histogram a.bar:not(.empty)').first();
  const year = await bar.getAttribute('data-year');
  const barCount = Number(await bar.getAttribute('data-count'));
  await bar.click();
  await page.waitForURL(new RegExp(`year=${year}`));
  await rendered(page, 2, barCount);
  const years = await page.locator('li.hit').evaluateAll((els) => els.map((e) => e.dataset.year));
  assert.ok(years.length > 0);
  for (const y of years) assert.equal(y, year, 'every result is from the clicked year');
  assert.equal(await page.locator(`#histogram a.bar[data-year="${year}"]`).getAttribute('aria-current'), 'true');
  assert.equal(await page.locator('#chips .chip').count(), 2);
  // The other years keep their bars, greyed: the timeline is counted without the year filter.
  const others = await page.locator('#histogram a.bar.unselected').evaluateAll((els) => els.map((e) => Number(e.dataset.count)));
  assert.ok(others.length > 0, 'other years are shown');
  assert.equal(others.reduce((a, b) => a + b, 0) + barCount, facetCount, 'the bars still add up to the rating\'s matches');
  await shot(page, `year-${year}`);

  // 4b. The bars can show each year's share of the archive's documents instead: the tallest
  // bar is then the year with the largest share, and the mode is in the URL.
  await page.locator('#mode-share').click();
  await page.waitForURL(/chart=share/);
  await settled(page);
  assert.equal(await page.locator('#mode-share').getAttribute('aria-current'), 'true');
  const bars = await page.locator('#histogram .bar').evaluateAll((els) =>
    els.map((e) => ({ share: Number(e.dataset.share), height: Number(e.dataset.height) })));
  const top = bars.reduce((a, b) => (b.share > a.share ? b : a));
  assert.equal(top.height, 100, 'the largest share is the tallest bar');
  assert.equal(Math.max(...bars.map((b) => b.height)), 100);
  await shot(page, 'share-by-year');
  await page.goBack();  // the mode is history too: back is the count view again
  await rendered(page, 2, barCount);
  assert.equal(await page.locator('#mode-count').getAttribute('aria-current'), 'true');
  // By month: one bar per month from the archive's first to its last.
  await page.locator('#by-month').click();
  await page.waitForURL(/by=month/);
  await settled(page);
  const months = await page.locator('#histogram .bar').evaluateAll((els) => els.map((e) => e.dataset.month));
  assert.ok(months.length > 12, 'a bar per month');
  assert.ok(months.every((m) => /^\d{4}-\d{2}$/.test(m)));
  await shot(page, 'by-month');
  await page.goBack();
  await rendered(page, 2, barCount);

  // 5. Back restores the previous state (the URL holds the state); forward re-applies it.
  await page.goBack();
  await rendered(page, 1, facetCount);
  await page.goForward();
  await rendered(page, 2, barCount);
  // Removing a chip removes its filter.
  await page.locator('#chips .chip', { hasText: 'Year' }).click();
  await rendered(page, 1, facetCount);
  assert.ok(!page.url().includes('year='));

  // 6. An original PDF: its bytes are the archived file, with its content type.
  const pdfHref = await page.locator('li.hit a.original').first().getAttribute('href');
  const pdfUrl = await page.locator('li.hit a.source').first().getAttribute('href');
  const pdf = await page.request.get(new URL(pdfHref, base).toString());
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const rel = new URL(pdfUrl).pathname.slice(1);
  assert.ok(Buffer.compare(await pdf.body(), readFileSync(path.join(sample, rel))) === 0, 'archived PDF bytes');

  // 6b. A title opens the document page: facts, the text with the query's words marked and a
  // link to the first match, captures; it works without script (server-rendered).
  await page.goto(`${base}?q=seclusion&kind=report`);
  await settled(page);
  await Promise.all([page.waitForURL(/\/documents\/[0-9a-f]{16}\?q=seclusion/), page.locator('li.hit a.doc').first().click()]);
  assert.ok((await page.locator('mark').count()) > 0, 'query words are marked');
  assert.match((await page.locator('#first-match').textContent()).toLowerCase(), /seclusion/);
  assert.equal(await page.locator('a[href="#first-match"]').count(), 1);
  assert.ok((await page.locator('.captures tbody tr').count()) >= 1, 'captures listed');
  assert.match(await page.locator('.facts').textContent(), /Overall rating/);
  const pageLink = await page.locator('.page h3 a').first().getAttribute('href');
  assert.match(pageLink, /\/original#page=\d+$/, 'a PDF page links to the original at that page');
  await shot(page, 'document');
  // Time to first paint of the largest sample report's document page (printed, not asserted).
  const reports = await (await page.request.get(`${base}api/search?kind=report&per_page=100`)).json();
  let largest = null;
  for (const h of reports.hits) {
    const d = await (await page.request.get(`${base}api/documents/${h.id}`)).json();
    const size = d.captures[0].size;
    if (!largest || size > largest.size) largest = { id: h.id, size };
  }
  await page.goto(`${base}documents/${largest.id}?q=seclusion`);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10000 });
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  console.log(`document page of the largest sample report (${largest.size} bytes): first contentful paint ${fcp.toFixed(1)} ms`);
  await page.goBack();
  // The trust's name leads to its page: the rating chart, the inspections, a scoped search box.
  await Promise.all([page.waitForURL(/\/trusts\/[A-Z0-9]+$/), page.locator('.facts a[href^="/trusts/"]').first().click()]);
  assert.ok((await page.locator('table.rating-chart tbody td[class^="rating-"]').count()) > 0, 'rating chart cells');
  assert.ok((await page.locator('.inspection').count()) > 0, 'inspections listed');
  await shot(page, 'trust');
  const code = page.url().split('/').pop();
  await page.locator('#tq').fill('seclusion');
  await Promise.all([page.waitForURL(new RegExp(`trust=${code}`)), page.locator('form.scoped button').click()]);
  await settled(page);
  const scoped = await page.locator('li.hit').count();
  assert.ok(scoped > 0, 'the scoped search finds documents');
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await settled(page);

  // 6c. What changed: a revised page lists its versions; "What changed" shows the altered
  // sentence and the added paragraph, marked.
  await page.goto(`${base}?q=changed:any`);
  await settled(page);
  assert.equal(await announcedTotal(page), 1, 'one revised document');
  await Promise.all([page.waitForURL(/\/documents\/[0-9a-f]{16}/), page.locator('li.hit a.doc').first().click()]);
  assert.equal(await page.locator('.versions tbody tr').count(), 2);
  await Promise.all([page.waitForURL(/\/diff\?from=\d+&to=\d+/), page.locator('.versions a.compare').click()]);
  assert.equal(await page.locator('.para.altered ins').first().textContent(), 'steady');
  assert.match(await page.locator('.para.added').textContent(), /corrected after publication/);
  await shot(page, 'diff');

  // 6d. Save a search from the results page: its page lists the newest matches and links
  // an Atom feed.
  await page.goto(`${base}?q=seclusion&kind=report`);
  await settled(page);
  await page.fill('#watch-name', 'report-seclusion');
  await Promise.all([page.waitForURL(/\/watches\/report-seclusion$/), page.locator('#save-search button').click()]);
  assert.ok((await page.locator('ol.newest li').count()) > 0, 'the saved search lists its newest documents');
  await shot(page, 'saved-search');
  const feed = await page.request.get(`${base}watches/report-seclusion/feed`);
  assert.equal(feed.headers()['content-type'], 'application/atom+xml; charset=utf-8');
  assert.match(await feed.text(), /<entry>/);

  // 7. An original news page, opened from the results: the archived HTML, sandboxed.
  await page.goto(`${base}?q=seclusion&kind=news`);
  await settled(page);
  const newsLink = page.locator('li.hit a.original').first();
  const newsUrl = await page.locator('li.hit a.source').first().getAttribute('href');
  const [resp] = await Promise.all([page.waitForResponse((r) => r.url().includes('/original')), newsLink.click()]);
  assert.equal(resp.status(), 200);
  assert.match(resp.headers()['content-type'], /^text\/html/);
  assert.match(resp.headers()['content-security-policy'], /^sandbox/);
  assert.equal(await resp.text(), readFileSync(path.join(sample, new URL(newsUrl).pathname.slice(1)), 'utf8'));
  await page.waitForLoadState();
  // The CSP sandbox is in force: the archived page runs in an opaque origin, so even if its
  // scripts could run they could not reach our cookies or API.
  assert.equal(await page.evaluate(() => window.origin), 'null', 'archived page is sandboxed');
  await shot(page, 'original-news');
  await page.goBack();
  await settled(page);

  // 8. Keyboard: "/" focuses the search box; Tab reaches the facets with a visible focus ring.
  await page.goto(`${base}?q=restraint`);
  await settled(page);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.locator('a.facet').first().focus();
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focused controls show a focus ring');
  await shot(page, 'keyboard-focus', false);

  // 9. A phone (390 px wide): one column, filters folded away, no horizontal scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}?q=seclusion`);
  await settled(page);
  assert.equal(await page.locator('#filter-box').getAttribute('open'), null, 'filters start folded on a phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling on a phone (${overflow}px too wide)`);
  await shot(page, 'phone-seclusion');
  await page.locator('#filter-box > summary').click();
  await shot(page, 'phone-filters', false);

  // 10. "Did you mean": a misspelt word offers the index's spelling, one click away.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}?q=seclsuion`);
  await settled(page);
  assert.equal(await page.locator('#did-you-mean a').textContent(), 'seclusion');
  await Promise.all([page.waitForURL(/q=seclusion/), page.locator('#did-you-mean a').click()]);
  await settled(page);
  assert.ok(await announcedTotal(page) > 0);

  // 11. With JavaScript off the page still searches, filters, pages and opens documents.
  const plainBrowser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic'],
  });
  const nojs = await (await plainBrowser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })).newPage();
  await nojs.goto(base);
  await nojs.fill('#q', 'seclusion');
  await Promise.all([nojs.waitForURL(/q=seclusion/), nojs.press('#q', 'Enter')]);
  const plainTotal = await announcedTotal(nojs);
  assert.equal(plainTotal, total, 'the server-rendered page finds what the script did');
  assert.equal(await nojs.locator('li.hit').count(), Math.min(total, 10));
  const kindFacet = nojs.locator('a.facet[data-field="kind"]').first();
  const kindCount = Number(await kindFacet.getAttribute('data-count'));
  await Promise.all([nojs.waitForURL(/kind=/), kindFacet.click()]);
  assert.equal(await announcedTotal(nojs), kindCount, 'a facet link filters');
  await nojs.goto(`${base}?q=seclusion`);
  if (total > 10) {
    await Promise.all([nojs.waitForURL(/page=2/), nojs.locator('#pager a', { hasText: 'Next' }).click()]);
    assert.equal(await nojs.locator('li.hit').count(), Math.min(total - 10, 10), 'the pager pages');
  }
  await nojs.selectOption('#sort', 'newest');
  await Promise.all([nojs.waitForURL(/sort=newest/), nojs.locator('#sort-form button[type="submit"]').click()]);
  await shot(nojs, 'no-javascript');
  await Promise.all([nojs.waitForURL(/\/documents\/[0-9a-f]{16}/), nojs.locator('li.hit a.doc').first().click()]);
  assert.ok((await nojs.locator('mark').count()) > 0, 'the document page marks the words without script');
  await plainBrowser.close();

  assert.deepEqual(problems, [], 'no console errors (CSP violations, script errors)');
  console.log('browser test passed');
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
