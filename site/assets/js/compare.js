// Compare two cases: metadata side by side, shared themes, findings only one of them has.
// Data from the exports; rendered with createElement/textContent only.
(function () {
  const form = document.getElementById('compare-form');
  const out = document.getElementById('compare-result');
  if (!form || !out) return;
  let data = null;
  const load = () =>
    data ||
    (data = Promise.all([fetch('/data/cases.json').then((r) => r.json()), fetch('/data/findings.json').then((r) => r.json())]).then(([cases, findings]) => ({ cases, findings })));

  const el = (tag, text, attrs) => {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  };
  const link = (href, text) => el('a', text, { href });

  function render(a, b, findings) {
    out.replaceChildren();
    out.append(el('h2', `${a.title} en ${b.title}`));
    const table = el('table', null, { class: 'compare-table' });
    table.append(el('caption', 'Gegevens naast elkaar'));
    const head = el('tr');
    head.append(el('th', 'Gegeven', { scope: 'col' }), el('th', a.title, { scope: 'col' }), el('th', b.title, { scope: 'col' }));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    const rows = [
      ['Regio', (c) => c.region],
      ['Provincie', (c) => c.province],
      ['Plaatsen', (c) => c.places.join(', ')],
      ['Vo-scholen', (c) => c.schools.vo.join(', ')],
      ['Mbo-instellingen', (c) => c.schools.mbo.join(', ')],
      ['Routetype', (c) => c.routeType],
      ['Niveaus', (c) => c.levels.join(', ')],
      ['Periode', (c) => c.period],
      ['Bevindingen', (c) => `${c.findings.knelpunt} knelpunten, ${c.findings.succesfactor} succesfactoren`],
    ];
    for (const [label, get] of rows) {
      const tr = el('tr');
      tr.append(el('th', label, { scope: 'row' }), el('td', get(a)), el('td', get(b)));
      tbody.append(tr);
    }
    table.append(thead, tbody);
    const scroll = el('section', null, { class: 'table-scroll', 'aria-label': 'Gegevens naast elkaar', tabindex: '0' });
    scroll.append(table);
    out.append(scroll);

    const shared = a.themes.filter((t) => b.themes.includes(t));
    out.append(el('h3', `Gedeelde thema's (${shared.length})`));
    const ul = el('ul', null, { class: 'tags', id: 'shared-themes' });
    for (const t of shared) {
      const li = el('li');
      li.append(link(`/themas/${t}/`, t));
      ul.append(li);
    }
    out.append(ul);

    for (const [c, other] of [[a, b], [b, a]]) {
      const own = findings.filter((f) => f.case === c.id && f.themes.every((t) => !other.themes.includes(t)));
      out.append(el('h3', `Alleen bij ${c.title} (${own.length})`));
      const list = el('ul', null, { class: 'findings' });
      for (const f of own) {
        const li = el('li', null, { class: `finding finding--${f.type}` });
        li.append(el('span', `${f.type} `, { class: `type-label type-label--${f.type}` }));
        li.append(link(f.url, f.text));
        list.append(li);
      }
      out.append(list);
    }
  }

  async function run(a, b) {
    const { cases, findings } = await load();
    const ca = cases.find((c) => c.id === a);
    const cb = cases.find((c) => c.id === b);
    if (!ca || !cb) return;
    render(ca, cb, findings);
  }

  const params = new URLSearchParams(location.search);
  if (params.get('a')) form.elements.a.value = params.get('a');
  if (params.get('b')) form.elements.b.value = params.get('b');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const a = form.elements.a.value;
    const b = form.elements.b.value;
    history.pushState(null, '', `?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
    run(a, b);
  });
  window.addEventListener('popstate', () => {
    const p = new URLSearchParams(location.search);
    if (p.get('a') && p.get('b')) run(p.get('a'), p.get('b'));
  });
  if (params.get('a') && params.get('b')) run(params.get('a'), params.get('b'));
})();
