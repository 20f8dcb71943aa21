/* Conflict timeline embed loader: <div data-conflict-timeline data-actors="a,b"></div> + this script. */
(function () {
  'use strict';
  const w = globalThis, doc = w.document, S = 'conflict-timeline';
  if (w.ConflictTimeline) return;
  const me = doc.currentScript || doc.querySelector('script[src*="embed.js"]');
  const base = new w.URL('./', me ? me.src : w.location.href), origin = base.origin;
  // data-* key -> app URL parameter
  const P = { actors: 'actors', query: 'q', event: 'event', from: 'from', to: 'to', theme: 'theme', height: 'height', dataset: 'data', view: 'view', lang: 'lang' };
  const all = [];
  const live = () => all.filter((r) => r.el.isConnected);

  function mount(el) {
    if (all.some((r) => r.el === el)) return;
    const d = el.dataset, url = new w.URL(base), f = doc.createElement('iframe');
    url.searchParams.set('embed', '1');
    for (const k in P) if (d[k]) url.searchParams.set(P[k], d[k]);
    if (/^https?:/.test(w.location.protocol)) url.searchParams.set('parentOrigin', w.location.origin);
    const h = +d.height, fixed = h >= 200 && h <= 4000 && h % 1 === 0 ? h : 0;
    // Reserve what the embed is expected to measure (the Share dialog writes it), so the page does not jump;
    // narrow screens stack its parts and use larger targets for fingers.
    const e = +d.expectedHeight, expected = e >= 200 && e <= 4000 ? Math.round(e * (w.innerWidth <= 480 ? 1.4 : 1)) : 640;
    f.title = d.title || 'Interactive timeline';
    f.loading = 'lazy';
    f.frameBorder = '0';
    Object.assign(f.style, { border: '0', display: 'block', width: '100%', height: (fixed || expected) + 'px' });
    f.src = url.href;
    el.textContent = '';
    el.appendChild(f);
    all.push({ el, f, fixed, ready: 0, queue: [] });
  }

  function scan() {
    doc.querySelectorAll('[data-conflict-timeline]').forEach(mount);
    doc.querySelectorAll('[data-timeline-select]:not(a[href],button,[role])').forEach((el) => {
      el.setAttribute('role', 'link');
      el.tabIndex = 0;
    });
  }

  function find(t) {
    const el = typeof t === 'string' ? doc.getElementById(t) : t;
    return typeof t === 'number' ? live()[t] : live().find((r) => r.el === el);
  }

  function send(t, msg) {
    const r = find(t);
    if (!r) return false;
    msg.source = S;
    if (r.ready) r.f.contentWindow.postMessage(msg, origin);
    else r.queue.push(msg);
    return true;
  }

  const fire = (r, type, detail) => r.el.dispatchEvent(new w.CustomEvent(S + ':' + type, { bubbles: true, detail }));
  const str = (v) => (typeof v === 'string' ? v.slice(0, 500) : null);

  w.addEventListener('message', (e) => {
    const m = e.data, r = all.find((x) => x.f.contentWindow === e.source);
    if (!r || e.origin !== origin || !m || m.source !== S) return;
    if (m.type === 'ready') {
      r.ready = 1;
      r.queue.splice(0).forEach((q) => e.source.postMessage(q, origin));
      fire(r, 'ready', {});
    } else if (m.type === 'resize') {
      if (!r.fixed && typeof m.height === 'number' && m.height === m.height) r.f.style.height = Math.min(1e4, Math.max(120, Math.ceil(m.height))) + 'px';
    } else if (m.type === 'select') fire(r, 'select', { id: str(m.id), title: str(m.title) });
  });

  // Prose links: [data-timeline-select="event-id"] with optional data-timeline-target="host-id"
  function activate(e) {
    const a = e.target.closest && e.target.closest('[data-timeline-select]');
    if (!a || e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const t = a.getAttribute('data-timeline-target') || 0;
    if (!send(t, { type: 'select', id: a.getAttribute('data-timeline-select') })) return;
    e.preventDefault();
    find(t).el.scrollIntoView({ block: 'start', behavior: w.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }
  doc.addEventListener('click', activate);
  doc.addEventListener('keydown', (e) => e.key === 'Enter' && e.target.matches && e.target.matches('[data-timeline-select][role=link]') && activate(e));

  w.ConflictTimeline = {
    embeds: () => live().map((r) => r.el),
    select: (t, id) => send(t, { type: 'select', id: id == null ? null : String(id) }),
    setFilters(t, o) {
      const msg = { type: 'setFilters' };
      if (o && o.actors !== undefined) msg.actors = o.actors && Array.from(o.actors, String);
      if (o && o.query !== undefined) msg.query = String(o.query);
      return send(t, msg);
    },
  };

  scan();
  new w.MutationObserver(scan).observe(doc.documentElement, { childList: true, subtree: true });
})();
