// The search page: state lives in the URL query string; every render is built with DOM
// calls and textContent (never innerHTML), so archived text cannot inject markup.
'use strict';

const PER_PAGE = 10;
const MULTI = ['trust', 'service', 'rating', 'kind', 'year'];
const SINGLE = ['q', 'from', 'to', 'date', 'sort', 'page'];
const FACETS = [
  { name: 'rating', title: 'Rating' },
  { name: 'kind', title: 'Document type' },
  { name: 'trust', title: 'Trust' },
  { name: 'service', title: 'Core service' },
];
const FIELD_TITLES = { trust: 'Trust', service: 'Service', rating: 'Rating', kind: 'Type', year: 'Year' };
const KIND_LABELS = {
  report: 'Inspection report', rating: 'CQC ratings', 'cqc-page': 'CQC web page',
  'cqc-press': 'CQC press release', 'trust-news': 'Trust news', press: 'Press', news: 'News',
  other: 'Other',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FACET_SHOWN = 8;

const $ = (id) => document.getElementById(id);
let labels = {};         // "field\u0000value" -> display label, learnt from facets
let expanded = new Set(); // facets showing all their values
let inflight = null;

// ---- state <-> URL ----------------------------------------------------------------------

function readState() {
  const p = new URLSearchParams(location.search);
  const s = {};
  for (const k of SINGLE) s[k] = p.get(k) || '';
  for (const k of MULTI) s[k] = p.getAll(k).filter(Boolean);
  s.chart = p.get('chart') === 'share' ? 'share' : 'count';  // the view only: never sent to the API
  return s;
}

function toParams(s, withPage = true, forApi = false) {
  const p = new URLSearchParams();
  if (!forApi && s.chart === 'share') p.set('chart', 'share');
  for (const k of SINGLE) {
    if (!s[k] || (k === 'page' && (!withPage || s[k] === '1'))) continue;
    if ((k === 'date' && s[k] === 'inspected') || (k === 'sort' && s[k] === 'relevance')) continue;
    if (k === 'date' && !s.from && !s.to) continue;
    p.set(k, s[k]);
  }
  for (const k of MULTI) for (const v of s[k]) p.append(k, v);
  return p;
}

function go(s, push = true) {
  const qs = toParams(s).toString();
  const url = qs ? '/?' + qs : '/';
  if (push) history.pushState(null, '', url);
  run(s);
}

function update(change, keepPage = false) {
  const s = readState();
  change(s);
  if (!keepPage) s.page = '';
  go(s);
}

// ---- small DOM helpers --------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function labelFor(field, value) {
  if (field === 'kind') return KIND_LABELS[value] || value;
  return labels[field + '\u0000' + value] || value;
}

function fmtDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  if (!m) return y;
  const month = MONTHS[Number(m) - 1] || m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

function fmtRange(a, b) {
  if (!b || a === b) return fmtDate(a);
  return `${fmtDate(a)} – ${fmtDate(b)}`;
}

// Xapian's snippet is HTML-escaped text with <mark>…</mark> around matched words. Split on
// the marks and decode the entities ourselves: text nodes only, nothing parsed as HTML.
function decodeEntities(t) {
  return t.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|#39);/g, (all, e) => {
    const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e in named) return named[e];
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

function snippetNodes(snippet) {
  const out = [];
  const parts = String(snippet || '').split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    if (!part) continue;
    const text = decodeEntities(part);
    out.push(marked ? el('mark', { text }) : document.createTextNode(text));
  }
  return out;
}

function hostOf(url) {
  try { return new URL(url).host; } catch { return url; }
}

// ---- rendering ----------------------------------------------------------------------------

function renderFacets(s, facets) {
  const box = $('facets');
  box.replaceChildren();
  for (const f of FACETS) {
    const values = (facets[f.name] || []).slice();
    for (const v of s[f.name]) {  // keep selected values visible even when they count 0
      if (!values.some((x) => x.value === v)) values.push({ value: v, label: labelFor(f.name, v), count: 0 });
    }
    if (!values.length) continue;
    const headingId = 'facet-' + f.name;
    const list = el('ul', { class: 'facet-list', 'aria-labelledby': headingId });
    const all = expanded.has(f.name);
    values.forEach((v, i) => {
      const selected = s[f.name].includes(v.value);
      if (!all && i >= FACET_SHOWN && !selected) return;
      const label = f.name === 'kind' ? labelFor('kind', v.value) : v.label;
      list.append(el('li', {}, el('button', {
        type: 'button', class: 'facet', 'aria-pressed': selected ? 'true' : 'false',
        'data-field': f.name, 'data-value': v.value, 'data-count': v.count,
        'aria-label': `${label}, ${v.count} ${v.count === 1 ? 'match' : 'matches'}`,
        onclick: () => toggle(f.name, v.value),
      }, el('span', { class: 'facet-label', text: label }), el('span', { class: 'count', text: v.count.toLocaleString('en-GB') }))));
    });
    const section = el('section', { class: 'facet-group' }, el('h2', { id: headingId, text: f.title }), list);
    if (values.length > FACET_SHOWN) {
      section.append(el('button', {
        type: 'button', class: 'link-button', 'aria-expanded': all ? 'true' : 'false',
        text: all ? 'Show fewer' : `Show all ${values.length}`,
        onclick: () => { all ? expanded.delete(f.name) : expanded.add(f.name); renderFacets(readState(), facets); },
      }));
    }
    box.append(section);
  }
}

function toggle(field, value) {
  update((s) => {
    s[field] = s[field].includes(value) ? s[field].filter((v) => v !== value) : [...s[field], value];
  });
}

function renderChips(s) {
  const chips = $('chips');
  chips.replaceChildren();
  const add = (text, remove) => chips.append(el('li', {}, el('button', {
    type: 'button', class: 'chip', 'aria-label': `Remove filter ${text}`, onclick: remove,
  }, el('span', { text }), el('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' }))));
  for (const field of MULTI) {
    for (const v of s[field]) add(`${FIELD_TITLES[field]}: ${labelFor(field, v)}`, () => toggle(field, v));
  }
  if (s.from || s.to) {
    const what = s.date === 'published' ? 'Published' : 'Inspected';
    add(`${what}: ${s.from || '…'} to ${s.to || '…'}`, () => update((x) => { x.from = ''; x.to = ''; }));
  }
  const n = MULTI.reduce((a, k) => a + s[k].length, 0) + (s.from || s.to ? 1 : 0);
  if (n > 1) {
    chips.append(el('li', {}, el('button', {
      type: 'button', class: 'link-button', text: 'Clear all filters',
      onclick: () => update((x) => { for (const k of MULTI) x[k] = []; x.from = ''; x.to = ''; }),
    })));
  }
  $('filter-count').textContent = n ? `(${n} active)` : '';
  chips.hidden = n === 0;
}

// A bar's fill; its height is set through CSSOM (the page's CSP forbids style attributes).
function fill(pct) {
  const f = el('span', { class: 'bar-fill' });
  f.style.height = pct + '%';
  return f;
}

// The year bars: each year's matches, or (s.chart === 'share') their share of the documents
// the archive holds for that year, which corrects for years the archive holds more of.
function renderHistogram(s, timeline) {
  const box = $('histogram');
  box.replaceChildren();
  const share = s.chart === 'share';
  $('mode-count').setAttribute('aria-pressed', share ? 'false' : 'true');
  $('mode-share').setAttribute('aria-pressed', share ? 'true' : 'false');
  const value = (t) => (share ? t.share : t.count);
  const max = Math.max(share ? 1e-9 : 1, ...timeline.map(value));
  for (const t of timeline) {
    const year = String(t.year);
    const selected = s.year.includes(year);
    const pct = t.count ? Math.max(3, Math.round((value(t) / max) * 100)) : 0;
    const percent = `${(t.share * 100).toFixed(t.share < 0.1 ? 1 : 0)}%`;
    const label = share
      ? `${year}: ${percent} of ${t.documents} documents archived match (${t.count})`
      : `${year}: ${t.count} ${t.count === 1 ? 'match' : 'matches'} of ${t.documents} documents archived`;
    box.append(el('button', {
      type: 'button', class: 'bar' + (t.count ? '' : ' empty'), 'aria-pressed': selected ? 'true' : 'false',
      'aria-label': label, title: label, 'data-year': year, 'data-count': t.count, 'data-share': t.share,
      'data-height': pct, onclick: () => toggle('year', year),
    }, el('span', { class: 'bar-count', 'aria-hidden': 'true', text: t.count ? (share ? percent : String(t.count)) : '' }),
       el('span', { class: 'bar-track', 'aria-hidden': 'true' }, fill(pct)),
       el('span', { class: 'bar-year', 'aria-hidden': 'true', text: "'" + year.slice(2) })));
  }
  box.closest('section').hidden = timeline.length === 0;
}

function renderHit(h) {
  const original = `/documents/${encodeURIComponent(h.id)}/original`;
  const isReport = h.kind === 'report';
  const badges = el('p', { class: 'badges' }, el('span', { class: `badge kind-${h.kind}`, text: KIND_LABELS[h.kind] || h.kind }));
  if (h.overall_rating) {
    badges.append(el('span', { class: `badge rating rating-${h.overall_rating}`, text: `Overall: ${labelFor('rating', h.overall_rating)}` }));
  }
  if (h.removed) {
    badges.append(el('span', {
      class: 'badge removed',
      title: `The source answered HTTP ${h.removed.status} since ${fmtDate(h.removed.since.slice(0, 10))}; the archived copy is kept.`,
      text: `Removed at source (HTTP ${h.removed.status})`,
    }));
  }
  const dates = [];
  if (h.inspected) dates.push(`Inspected ${fmtRange(h.inspected, h.inspected_end)}`);
  if (h.published) dates.push(`Published ${fmtDate(h.published)}`);
  if (dates.length) badges.append(el('span', { class: 'dates', text: dates.join(' · ') }));

  const li = el('li', { class: 'hit', 'data-year': h.year || '', 'data-id': h.id });
  // The title opens the document page: its text with the query's words marked.
  const q = readState().q;
  const page = `/documents/${encodeURIComponent(h.id)}${q ? `?q=${encodeURIComponent(q)}` : ''}`;
  li.append(badges, el('h3', {}, el('a', { href: page, class: 'doc', text: h.title || h.url })));
  const who = [...(h.location ? [h.location] : []), ...(h.trust_names || [])];
  if (who.length) li.append(el('p', { class: 'trusts', text: who.join(' · ') }));
  if (h.snippet) {
    const q = el('p', { class: 'snippet' });
    if (h.page) q.append(el('span', { class: 'page', text: `Page ${h.page}` }), ' ');
    q.append(...snippetNodes(h.snippet));
    li.append(q);
  }
  const links = el('p', { class: 'links' },
    el('a', { href: h.page ? `${original}#page=${h.page}` : original, class: 'original' },
      isReport ? 'Archived copy (PDF)' : 'Archived copy'),
    el('span', { 'aria-hidden': 'true', text: ' · ' }),
    el('a', { href: h.url, rel: 'noopener noreferrer external', class: 'source' }, `Source: ${hostOf(h.url)}`));
  li.append(links);
  return li;
}

function renderPager(s, total) {
  const nav = $('pager');
  nav.replaceChildren();
  const pages = Math.min(Math.ceil(total / PER_PAGE), 1000);
  if (pages <= 1) return;
  const page = Math.min(Math.max(1, Number(s.page) || 1), pages);
  const btn = (n, text, label, current) => el('button', {
    type: 'button', class: 'page-btn', 'aria-label': label, 'aria-current': current ? 'page' : null,
    disabled: n < 1 || n > pages || current, onclick: () => update((x) => { x.page = String(n); }, true),
  }, text);
  const list = el('ul');
  list.append(el('li', {}, btn(page - 1, '‹ Previous', 'Previous page')));
  const shown = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  let last = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n - last > 1) list.append(el('li', { class: 'gap', 'aria-hidden': 'true', text: '…' }));
    list.append(el('li', {}, btn(n, String(n), `Page ${n}`, n === page)));
    last = n;
  }
  list.append(el('li', {}, btn(page + 1, 'Next ›', 'Next page')));
  nav.append(list);
}

function render(s, r) {
  for (const [field, values] of Object.entries(r.facets || {})) {
    for (const v of values) labels[field + '\u0000' + v.value] = v.label;
  }
  renderFacets(s, r.facets || {});
  renderChips(s);
  renderHistogram(s, r.timeline || []);
  const page = Number(s.page) || 1;
  const first = r.total ? (page - 1) * PER_PAGE + 1 : 0;
  const last = Math.min(r.total, page * PER_PAGE);
  const what = s.q ? ` for “${s.q}”` : '';
  $('status').textContent = r.total === 0
    ? `No documents match${what}. Try fewer words or remove a filter.`
    : `${r.total.toLocaleString('en-GB')} ${r.total === 1 ? 'document matches' : 'documents match'}${what}` +
      (r.total > PER_PAGE ? ` · showing ${first}–${last}` : '');
  $('hits').replaceChildren(...r.hits.map(renderHit));
  renderPager(s, r.total);
  const exp = toParams(s, false);
  exp.set('format', 'csv');
  $('export-csv').href = '/api/export?' + exp;
  exp.set('format', 'json');
  $('export-json').href = '/api/export?' + exp;
  document.title = s.q ? `${s.q} – CQC inspection archive` : 'CQC inspection archive';
}

function syncForm(s) {
  $('q').value = s.q;
  $('from').value = s.from;
  $('to').value = s.to;
  $('date-field').value = s.date === 'published' ? 'published' : 'inspected';
  $('sort').value = ['newest', 'oldest'].includes(s.sort) ? s.sort : 'relevance';
}

async function run(s) {
  syncForm(s);
  if (inflight) inflight.abort();
  inflight = new AbortController();
  const p = toParams(s, true, true);
  p.set('per_page', String(PER_PAGE));
  document.body.classList.add('loading');
  $('results').setAttribute('aria-busy', 'true');
  try {
    const resp = await fetch('/api/search?' + p, { signal: inflight.signal, headers: { Accept: 'application/json' } });
    const body = await resp.json().catch(() => ({ error: `the server answered ${resp.status}` }));
    if (!resp.ok) throw new Error(body.error || `the server answered ${resp.status}`);
    $('error').hidden = true;
    render(s, body);
  } catch (e) {
    if (e.name === 'AbortError') return;
    $('error').textContent = `Search failed: ${e.message}`;
    $('error').hidden = false;
    $('status').textContent = '';
    $('hits').replaceChildren();
    $('pager').replaceChildren();
  } finally {
    document.body.classList.remove('loading');
    $('results').removeAttribute('aria-busy');
  }
}

// ---- events -------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  $('mode-count').addEventListener('click', () => update((x) => { x.chart = 'count'; }, true));
  $('mode-share').addEventListener('click', () => update((x) => { x.chart = 'share'; }, true));
  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    update((s) => { s.q = $('q').value.trim(); });
  });
  $('dates').addEventListener('submit', (e) => {
    e.preventDefault();
    update((s) => { s.from = $('from').value.trim(); s.to = $('to').value.trim(); s.date = $('date-field').value; });
  });
  $('sort').addEventListener('change', () => update((s) => { s.sort = $('sort').value; }));
  $('pager').addEventListener('click', () => $('results').focus({ preventScroll: false }));
  window.addEventListener('popstate', () => run(readState()));
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    const typing = t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      $('q').focus();
      $('q').select();
    }
  });
  const phone = window.matchMedia('(max-width: 760px)');
  $('filter-box').open = !phone.matches;
  phone.addEventListener('change', (m) => { $('filter-box').open = !m.matches; });
  run(readState());
});
