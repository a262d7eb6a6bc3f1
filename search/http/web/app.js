// Enhances the server-rendered search page (search/http/page_results.hpp). Without this script
// every control is a plain link or form and works as such. With it, following a link marked
// data-nav or submitting a form fetches the next state's page from the server and swaps the
// results in place, keeping focus and scroll, and the URL still holds the whole state.
// Nothing here builds markup: the one renderer is the server's, and the new page is parsed
// with DOMParser (which runs no script) and moved in as nodes.
'use strict';

const $ = (id) => document.getElementById(id);
let inflight = null;

// The URL a search form leads to: its fields, empty ones left out (as the server ignores them).
function formUrl(form) {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (String(v).trim()) p.append(k, String(v));
  const qs = p.toString();
  return qs ? `/?${qs}` : '/';
}

async function navigate(url, push = true, focusResults = false) {
  if (inflight) inflight.abort();
  inflight = new AbortController();
  document.body.classList.add('loading');
  $('results').setAttribute('aria-busy', 'true');
  try {
    const resp = await fetch(url, { signal: inflight.signal, headers: { Accept: 'text/html' } });
    const html = await resp.text();
    const next = new DOMParser().parseFromString(html, 'text/html');
    const app = next.getElementById('app');
    if (!app) throw new Error(`the server answered ${resp.status}`);
    const wasOpen = $('filter-box').open;
    $('app').replaceWith(document.adoptNode(app));
    $('filter-box').open = wasOpen;
    $('search-hidden').replaceWith(document.adoptNode(next.getElementById('search-hidden')));
    $('q').value = next.getElementById('q').value;
    document.title = next.title;
    if (push) history.pushState(null, '', url);
    if (focusResults) $('results').focus({ preventScroll: false });
  } catch (e) {
    if (e.name === 'AbortError') return;
    $('error').textContent = `Search failed: ${e.message}`;
    $('error').hidden = false;
  } finally {
    document.body.classList.remove('loading');
    $('results')?.removeAttribute('aria-busy');
  }
}

document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-nav]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  e.preventDefault();
  navigate(url.pathname + url.search, true, a.closest('#pager') !== null);
});

document.addEventListener('submit', (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || !['search', 'dates', 'sort-form'].includes(form.id)) return;
  e.preventDefault();
  navigate(formUrl(form));
});

document.addEventListener('change', (e) => {
  if (e.target.id === 'sort') e.target.form.requestSubmit();
});

document.addEventListener('keydown', (e) => {
  const t = e.target;
  const typing = t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;
  if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    $('q').focus();
    $('q').select();
  }
});

window.addEventListener('popstate', () => navigate(location.pathname + location.search, false));

document.documentElement.classList.add('js');
const phone = window.matchMedia('(max-width: 760px)');
const fold = () => { $('filter-box').open = !phone.matches; };
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fold);
else fold();
phone.addEventListener('change', fold);
