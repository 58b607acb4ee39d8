/**
 * Optional enhancement of the member directory. Without it the page is a
 * plain GET form; with it, ticking a box, changing the sort or typing updates
 * the results in place (no page reload, focus stays put, the new count is
 * announced) and the address bar keeps the shareable URL.
 */
const form = document.getElementById('directory-form');
const status = document.getElementById('directory-status');

function paramsOf(target: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(target)) {
    if (typeof value === 'string' && value.trim() !== '') params.append(key, value.trim());
  }
  return params;
}

if (form instanceof HTMLFormElement && status && 'DOMParser' in window) {
  const base = form.getAttribute('action') ?? location.pathname;
  let controller: AbortController | undefined;
  let typing: number | undefined;
  // The results shown: path and query, not the fragment (see popstate below).
  let shown = location.pathname + location.search;

  const update = async (push: boolean): Promise<void> => {
    const params = paramsOf(form);
    const url = params.size > 0 ? `${base}?${params.toString()}` : base;
    controller?.abort();
    controller = new AbortController();
    let html: string;
    try {
      const response = await fetch(url, {
        signal: controller.signal,
        headers: { accept: 'text/html' },
      });
      if (!response.ok) throw new Error(String(response.status));
      html = await response.text();
    } catch (error) {
      if ((error as Error).name !== 'AbortError') location.assign(url);
      return;
    }
    const next = new DOMParser().parseFromString(html, 'text/html');
    const focused = document.activeElement?.id;
    const open = new Set(
      [...document.querySelectorAll<HTMLDetailsElement>('details[data-facet]')]
        .filter((d) => d.open)
        .map((d) => d.dataset.facet),
    );
    for (const id of ['directory-facets', 'directory-results']) {
      const fresh = next.getElementById(id);
      const current = document.getElementById(id);
      if (fresh && current) current.replaceWith(document.adoptNode(fresh));
    }
    for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-facet]')) {
      if (open.has(details.dataset.facet)) details.open = true;
    }
    if (focused && focused !== 'q') document.getElementById(focused)?.focus();
    document.title = next.title;
    history[push ? 'pushState' : 'replaceState'](null, '', url);
    shown = location.pathname + location.search;
    status.textContent = document.getElementById('results-heading')?.textContent?.trim() ?? '';
  };

  document.addEventListener('change', (event) => {
    const target = event.target;
    if (
      (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) &&
      target.form === form &&
      target.type !== 'search'
    ) {
      void update(true);
    }
  });
  form.addEventListener('input', (event) => {
    if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'search') return;
    window.clearTimeout(typing);
    typing = window.setTimeout(() => void update(false), 400);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(typing);
    void update(true);
  });
  // Back/forward between result pages reloads them. A jump within the page
  // (the skip link to #main, a fragment) also fires popstate: reloading then
  // would drop the focus the jump just moved to the main content.
  window.addEventListener('popstate', () => {
    if (location.pathname + location.search !== shown) location.reload();
  });
}
