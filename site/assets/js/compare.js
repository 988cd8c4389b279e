// Compare two cases: metadata side by side, shared themes, findings only one of them has.
// Data: each case is in one small file, /data/vergelijk/<n>.json (compare-part.js says which); with
// many cases the visitor picks a province first and its cases are listed from
// /data/vergelijk/provincies/<id>.json. Rendered with createElement/textContent only.
import { partOf } from './compare-part.js';

const form = document.getElementById('compare-form');
const out = document.getElementById('compare-result');
if (form && out) {
  const parts = Number(form.dataset.parts) || 1;
  const fetched = new Map();
  const json = (url) => {
    if (!fetched.has(url))
      fetched.set(
        url,
        fetch(url).then((r) => {
          if (!r.ok) throw new Error(`${url}: ${r.status}`);
          return r.json();
        }),
      );
    return fetched.get(url);
  };
  /** A case and its findings, or null for an unknown id. */
  const caseData = async (id) => {
    const part = await json(`/data/vergelijk/${partOf(id, parts)}.json`);
    const c = part.cases.find((x) => x.id === id);
    return c ? { c, findings: part.findings.filter((f) => f.case === id) } : null;
  };

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

  const failed = () => out.replaceChildren(el('p', 'De gegevens van de cases konden niet worden geladen. Probeer het opnieuw.'));

  async function run(a, b) {
    const [ca, cb] = await Promise.all([caseData(a), caseData(b)]);
    // a link to a case that is not (or no longer) in the knowledge base says so, by the id it gave
    const missing = [ca ? null : a, cb ? null : b].filter(Boolean);
    if (missing.length) return out.replaceChildren(el('p', `${missing.map((id) => `"${id.slice(0, 80)}"`).join(' en ')} ${missing.length > 1 ? 'zijn geen cases' : 'is geen case'} in de kennisbank (meer). Kies twee cases in het formulier.`));
    render(ca.c, cb.c, [...ca.findings, ...cb.findings]);
  }

  // a large corpus: a province menu per case menu, which lists the province's cases
  const pickers = ['a', 'b'].map((side) => ({ province: document.getElementById(`provincie-${side}`), cases: form.elements[side] })).filter((p) => p.province);
  async function fill(picker, value, fallback) {
    const list = await json(`/data/vergelijk/provincies/${picker.province.value}.json`);
    picker.cases.replaceChildren(...list.map((c) => el('option', c.title, { value: c.id })));
    if (list.some((c) => c.id === value)) picker.cases.value = value;
    else if (list[fallback]) picker.cases.value = list[fallback].id;
  }
  for (const picker of pickers) picker.province.addEventListener('change', () => fill(picker, null, 0).catch(failed));

  const params = new URLSearchParams(location.search);
  async function start() {
    const wanted = [params.get('a'), params.get('b')];
    if (pickers.length) {
      // a linked case's province comes from its data; otherwise the first cases of the first province
      const found = await Promise.all(wanted.map((id) => (id ? caseData(id) : null)));
      for (const [i, picker] of pickers.entries()) {
        if (found[i]) picker.province.value = found[i].c.province;
        await fill(picker, found[i]?.c.id, i);
      }
    } else {
      if (wanted[0]) form.elements.a.value = wanted[0];
      if (wanted[1]) form.elements.b.value = wanted[1];
    }
    if (wanted[0] && wanted[1]) await run(wanted[0], wanted[1]);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const a = form.elements.a.value;
    const b = form.elements.b.value;
    if (!a || !b) return;
    history.pushState(null, '', `?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
    run(a, b).catch(failed);
  });
  window.addEventListener('popstate', () => {
    const p = new URLSearchParams(location.search);
    if (p.get('a') && p.get('b')) run(p.get('a'), p.get('b')).catch(failed);
  });
  start().catch(failed);
}
