// The DOM around the canvas: title, view tabs and their panel, legend toggles, the stage
// (canvas, one option per data point, hover box, tooltip), summary, footnotes, source,
// actions and the data table. It shows what the engine wrote (the page text of a frame) and
// knows nothing of the data.
//
// The data points follow the ARIA Authoring Practices' Listbox pattern (single select,
// selection follows focus) with a roving tabindex: the stage is a listbox, each point an
// option positioned over its mark, so a screen reader meets real focused elements (in any
// browse mode) and the focused option's outline is the keyboard's focus ring.

import { el, setText } from './dom.js';
import { adopt } from './styles.js';

/** The most options in the DOM at once: a window around the keyboard's point. */
export const WINDOW = 200;

export class View {
  constructor(root, id) {
    this.root = root;
    this.id = id;
    root.replaceChildren(...adopt(root));
    const fig = el('figure', { class: 'prc', part: 'figure', 'aria-labelledby': `${id}-title` });
    const cap = el('figcaption');
    this.title = el('p', { class: 'title', id: `${id}-title` });
    this.subtitle = el('p', { class: 'subtitle' });
    cap.append(this.title, this.subtitle);
    const bar = el('div', { class: 'bar' });
    this.tabs = el('div', { class: 'tabs', role: 'tablist' });
    this.legend = el('div', { class: 'legend', role: 'group' });
    bar.append(this.tabs, this.legend);
    this.panel = el('div', { class: 'panel', role: 'tabpanel', id: `${id}-panel` });
    // Entering the points, a screen reader says the title and one sentence, the keys, before
    // the first point; the summary and what the canvas says about its drawing follow the
    // points, where reading on reaches them.
    this.stage = el('div', {
      class: 'stage', id: `${id}-stage`, role: 'listbox', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-keys`,
    });
    this.canvas = el('canvas', { 'aria-hidden': 'true' });
    this.options = el('div', { class: 'options' });
    this.hoverBox = el('div', { class: 'hover', 'aria-hidden': 'true', hidden: '' });
    this.tip = el('div', { class: 'tip', 'aria-hidden': 'true', hidden: '' });
    this.stage.append(this.canvas, this.options, this.hoverBox, this.tip);
    // A chart too tall for one canvas is paged: the pager under it, shown only then.
    this.pager = el('div', { class: 'pager', hidden: '' });
    this.prevPage = el('button', { type: 'button', 'data-page': '-1' });
    this.nextPage = el('button', { type: 'button', 'data-page': '1' });
    this.pageStatus = el('span', { class: 'page-status', 'aria-live': 'polite' });
    this.pager.append(this.prevPage, this.pageStatus, this.nextPage);
    this.panel.append(this.stage, this.pager);
    this.summary = el('p', { class: 'sr-only', id: `${id}-summary` });
    // Said on entering the points; hidden from reading on, which would say it twice.
    this.keys = el('p', { id: `${id}-keys`, hidden: '' });
    // What the canvas says about how it is drawn (one group in three, the change's own scale).
    this.drawn = el('p', { class: 'sr-only', id: `${id}-drawn` });
    this.notes = el('ol', { class: 'notes' });
    this.source = el('p', { class: 'source' });
    const actions = el('div', { class: 'actions' });
    this.tableButton = el('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': `${id}-table` });
    this.pngButton = el('button', { type: 'button' });
    this.csvButton = el('button', { type: 'button' });
    actions.append(this.tableButton, this.csvButton, this.pngButton);
    // Collapsed, the table is hidden from everyone; the summary says what it holds in words.
    // Open, its scroller is a focusable group named by the caption (not a landmark region: two
    // charts of the same title would be two landmarks of the same name).
    this.tableWrap = el('div', {
      class: 'table-wrap', id: `${id}-table`, role: 'group', tabindex: '0', 'aria-labelledby': `${id}-caption`, hidden: '',
    });
    fig.append(cap, bar, this.panel, this.summary, this.drawn, this.keys, this.notes, this.source, actions, this.tableWrap);
    root.append(fig);
    this.figure = fig;
    this.ui = null;
    this.lang = 'zh-CN';
    this.optionNodes = [];
    this.focused = 0;
  }

  /**
   * Writes the page text `t` of a frame. `on` has the handlers for the controls it builds:
   * `view(id)` for a tab, `toggle(series)` for a legend button.
   */
  fill(t, on) {
    const ui = t.ui;
    this.ui = ui;
    this.lang = t.lang;
    // Tabs and legend are rebuilt below; keep keyboard focus on the control that had it.
    const focused = this.root.activeElement;
    const refocus = focused?.dataset?.view ? `[data-view="${focused.dataset.view}"]`
      : focused?.dataset?.series ? `[data-series="${focused.dataset.series}"]` : null;
    this.figure.setAttribute('lang', t.lang);
    for (const [k, v] of Object.entries(t.colors)) this.figure.style.setProperty(`--prc-${k === 'background' ? 'bg' : k}`, v);
    this.#text(this.title, t.title);
    this.#text(this.subtitle, t.subtitle);
    this.tabs.setAttribute('aria-label', ui.views);
    this.tabs.replaceChildren(...t.views.map((v) => {
      const selected = v.id === t.view;
      const b = el('button', {
        type: 'button', role: 'tab', 'data-view': v.id, 'aria-selected': String(selected),
        'aria-controls': `${this.id}-panel`, tabindex: selected ? '0' : '-1', id: `${this.id}-tab-${v.id}`,
      });
      this.#text(b, v.label);
      b.addEventListener('click', () => on.view(v.id));
      return b;
    }));
    this.panel.setAttribute('aria-labelledby', `${this.id}-tab-${t.view}`);
    this.legend.setAttribute('aria-label', ui.legend);
    this.legend.replaceChildren(...t.legend.map((item) => {
      const sw = el('span', { class: `sw ${item.swatch}`, 'aria-hidden': 'true' });
      sw.style.setProperty('--c', item.color);
      const label = el('span');
      this.#text(label, item.label);
      if (!item.series) {
        const span = el('span', { class: 'item' });
        span.append(sw, label);
        return span;
      }
      const b = el('button', { type: 'button', 'aria-pressed': String(item.shown), 'data-series': item.series });
      b.append(sw, label);
      b.addEventListener('click', () => on.toggle(item.series));
      return b;
    }));
    this.stage.setAttribute('aria-roledescription', ui.chart);
    this.#text(this.summary, beforeNotes(t.summary, t.notes));
    this.keys.textContent = ui.keys;
    this.notes.replaceChildren(...t.notes.map((n) => this.#text(el('li'), n)));
    this.#source(t.source, t.sourceUrl);
    this.tableButton.textContent = this.tableOpen() ? ui.hideTable : ui.showTable;
    this.pngButton.textContent = ui.download;
    this.csvButton.textContent = ui.downloadData;
    // The table's DOM is built when a reader first opens it (most never do), and rebuilt on a
    // change only while it is open.
    // The table is asked of the engine when a reader opens it (most never do: on a large
    // dataset it is most of the page text), and again on a change only while it is open.
    this.pendingTable = { table: on.table, ui };
    if (this.tableOpen()) this.#buildTable();
    if (refocus) this.root.querySelector(refocus)?.focus();
  }

  /** The source line; a link to the source when the data gives its address (http(s) only). */
  #source(text, url) {
    const safe = typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
    if (!safe) {
      this.#text(this.source, text);
      return;
    }
    const a = el('a', { href: safe, rel: 'noopener noreferrer', target: '_blank' });
    this.#text(a, text);
    this.source.replaceChildren(a);
  }

  /** `text` into `node`, with its Chinese or English runs marked when they are not the chart's language. */
  #text(node, text) {
    setText(node, text, this.lang);
    return node;
  }

  #buildTable() {
    if (!this.pendingTable) return;
    const { table: fetch, ui } = this.pendingTable;
    this.pendingTable = null;
    const t = fetch();
    if (!t) return;
    const table = el('table');
    table.append(this.#text(el('caption', { id: `${this.id}-caption` }), t.caption));
    const head = el('tr');
    t.columns.forEach((c) => head.append(this.#text(el('th', { scope: 'col' }), c)));
    const thead = el('thead');
    thead.append(head);
    table.append(thead);
    const body = el('tbody');
    for (const row of t.rows) {
      const tr = el('tr');
      row.forEach((cell, i) => {
        const head = i < (t.heads || 1);
        const td = el(head ? 'th' : 'td', head ? { scope: 'row' } : {});
        td.append(this.#text(el('span'), cell.text));
        if (cell.origin) td.append(el('span', { class: 'badge' }, cell.origin));
        if (cell.markers) td.append(el('span', { class: 'mark' }, cell.markers));
        // The source's words for the figure, under it, for every reader (not only a title tooltip).
        if (cell.quote) td.append(this.#text(el('q', { class: 'quote' }), cell.quote));
        if (cell.provenance) td.setAttribute('title', cell.provenance);
        tr.append(td);
      });
      body.append(tr);
    }
    table.append(body);
    // How each derived number was computed, as text everyone can read (not only a title tooltip).
    const how = el('ul', { class: 'how' });
    t.derivations.forEach((d) => how.append(this.#text(el('li'), d)));
    const notes = el('ol', { class: 'notes' });
    t.notes.forEach((n) => notes.append(this.#text(el('li'), n)));
    this.tableWrap.replaceChildren(table, how, notes);
  }

  /**
   * One option per point of the painted scene, in reading order; the listbox's tab stop is
   * the point with key `focusKey` if it is still drawn (else the nearest in order), and it
   * gets focus back when one of the old options had it. `notes`: what the canvas says about
   * how it is drawn, for screen readers. A scene of many points keeps a window of at most
   * WINDOW options in the DOM around the tab stop, each saying its place in the whole
   * (aria-posinset, aria-setsize); the window moves with the keyboard.
   */
  fillOptions(points, notes, focusKey) {
    const hadFocus = this.focusedOption() >= 0;
    const old = this.focused;
    this.pointList = points;
    this.#text(this.drawn, (notes || []).join(' '));
    const same = focusKey == null ? -1 : points.findIndex((p) => p.key === focusKey);
    this.focused = same >= 0 ? same : Math.min(old, Math.max(0, points.length - 1));
    this.#build(this.focused);
    this.#rove(this.focused);
    if (hadFocus || focusKey != null) this.#node(this.focused)?.focus({ preventScroll: true });
  }

  /** The options of the window of points around `i`, replacing those there were. */
  #build(i) {
    const points = this.pointList || [];
    const n = points.length;
    this.winStart = Math.max(0, Math.min(i - (WINDOW >> 1), n - WINDOW));
    const end = Math.min(n, this.winStart + WINDOW);
    this.optionNodes = [];
    for (let k = this.winStart; k < end; k++) {
      const o = el('div', {
        class: 'option', role: 'option', id: `${this.id}-opt-${k}`, tabindex: '-1', 'aria-selected': 'false',
        'aria-setsize': String(n), 'aria-posinset': String(k + 1),
      });
      this.#text(o, points[k].spoken);
      o.dataset.index = String(k);
      this.optionNodes.push(o);
    }
    this.options.replaceChildren(...this.optionNodes);
    if (this.placed) this.placeOptions(this.placed);
  }

  /** Option `i`'s node, when it is in the window. */
  #node(i) {
    return this.optionNodes[i - (this.winStart || 0)];
  }

  /** Places each option over its point's box (CSS px, relative to the canvas). */
  placeOptions(points) {
    this.placed = points;
    this.optionNodes.forEach((o, w) => {
      const p = points[w + (this.winStart || 0)];
      if (!p) return;
      o.style.transform = `translate(${p.x}px, ${p.y}px)`;
      o.style.width = `${p.w}px`;
      o.style.height = `${p.h}px`;
    });
  }

  /** Makes option `i` the listbox's one tab stop (moving the window to it if need be). */
  #rove(i) {
    if (!this.#node(i) && this.pointList?.length) this.#build(i);
    const before = this.#node(this.focused);
    before?.setAttribute('tabindex', '-1');
    before?.setAttribute('aria-selected', 'false');
    const node = this.#node(i);
    node?.setAttribute('tabindex', '0');
    node?.setAttribute('aria-selected', 'true');
    this.focused = i;
  }

  /** Moves keyboard focus to option `i`. */
  focusOption(i) {
    this.#rove(i);
    this.#node(i)?.focus();
  }

  /** The option that has keyboard focus, or -1. */
  focusedOption() {
    const a = this.root.activeElement;
    return a?.getAttribute?.('role') === 'option' ? Number(a.dataset.index) : -1;
  }

  tableOpen() {
    return this.tableButton.getAttribute('aria-expanded') === 'true';
  }

  toggleTable() {
    const open = !this.tableOpen();
    if (open) this.#buildTable();
    this.tableButton.setAttribute('aria-expanded', String(open));
    this.tableWrap.hidden = !open;
    if (this.ui) this.tableButton.textContent = open ? this.ui.hideTable : this.ui.showTable;
  }

  /** The height of everything but the stage, CSS px (a guess before the first layout). */
  chromeHeight() {
    const fig = this.figure.getBoundingClientRect().height;
    const stage = this.stage.getBoundingClientRect().height;
    return fig ? fig - stage : 180;
  }

  /** Shows the pager for page `page` (from 0) of `pages`, with `note` saying where the rest is. */
  setPager(page, pages, note) {
    this.pager.hidden = pages <= 1;
    if (pages <= 1) return;
    this.prevPage.textContent = this.ui?.previousPage ?? '‹';
    this.nextPage.textContent = this.ui?.nextPage ?? '›';
    this.prevPage.disabled = page <= 0;
    this.nextPage.disabled = page >= pages - 1;
    this.#text(this.pageStatus, note || `${page + 1} / ${pages}`);
  }

  /** Sets the canvas's CSS size to its backing store's at `dpr`. */
  sizeCanvas(width, height, dpr) {
    this.canvas.style.width = `${width / dpr}px`;
    this.canvas.style.height = `${height / dpr}px`;
  }

  /** Restarts the canvas's short fade. */
  fade() {
    this.canvas.classList.remove('enter');
    void this.canvas.offsetWidth;
    this.canvas.classList.add('enter');
  }

  /**
   * Shows point `p`'s tooltip (`marks`: every point's mark as drawn, CSS px), and the hover
   * box when the pointer brought it. It covers neither the point's own ring, nor the widget's
   * controls and title, nor other marks, and stays on screen and near its point, where any
   * place allows (see `place`); where none does, it leaves out the footnotes' text (the notes
   * under the chart hold it, and its lines keep their markers) if that finds a better place.
   */
  show(p, marks, byPointer) {
    this.hoverBox.hidden = !byPointer;
    if (byPointer) {
      this.hoverBox.style.width = `${p.w}px`;
      this.hoverBox.style.height = `${p.h}px`;
      this.hoverBox.style.transform = `translate(${p.x}px, ${p.y}px)`;
    }
    this.tip.replaceChildren(this.#text(el('div', { class: 'h' }), p.heading), el('div', { class: 'v' }, p.value),
      ...p.lines.map((l) => this.#text(el('div', { class: NOTE.test(l) ? 'l fn' : 'l' }), l)));
    this.tip.classList.remove('compact');
    this.tip.hidden = false;
    const st = this.stage.getBoundingClientRect();
    const fig = this.figure.getBoundingClientRect();
    const rel = (r, m = 0) => ({ x: r.left - st.left - m, y: r.top - st.top - m, w: r.width + 2 * m, h: r.height + 2 * m });
    const boxes = (sel, m) => [...this.figure.querySelectorAll(sel)].map((e) => e.getBoundingClientRect()).filter((r) => r.width).map((r) => rel(r, m));
    // Each control with the 4 px its focus ring reaches beyond it.
    const avoid = boxes(CLEAR, 4);
    // A point the keyboard left focused keeps its ring clear of the pointer's tooltip.
    const f = byPointer ? this.optionNodes[this.focusedOption()] : null;
    const ring = f ? rel(f.getBoundingClientRect(), RING) : null;
    const area = {
      w: this.stage.clientWidth, top: fig.top - st.top, bottom: fig.bottom - st.top,
      seenTop: -st.top, seenBottom: (window.innerHeight || fig.bottom) - st.top,
    };
    const near = { marks, skip: p.mark, avoid, ring, text: boxes('figure > .notes, .source') };
    // Its size to the next whole pixel and one more, for the rounding of its place.
    const at = () => {
      const r = this.tip.getBoundingClientRect();
      return place(p, { w: Math.ceil(r.width) + 1, h: Math.ceil(r.height) + 1 }, area, near, byPointer);
    };
    let best = at();
    if (best.key.slice(0, 7).some((k) => k > 0) && this.tip.querySelector('.fn')) {
      this.tip.classList.add('compact');
      const short = at();
      if (less(short.key, best.key)) best = short;
      else this.tip.classList.remove('compact');
    }
    this.tip.style.transform = `translate(${Math.round(best.x)}px, ${Math.round(best.y)}px)`;
  }

  hide() {
    this.tip.hidden = true;
    this.hoverBox.hidden = true;
  }
}

/**
 * `summary` up to the sentence before the first footnote's text in it: the notes under the
 * chart say each footnote, once.
 */
function beforeNotes(summary, notes) {
  const at = notes.map((n) => summary.indexOf(n.replace(/^\S+\s/, ''))).filter((i) => i >= 0);
  if (!at.length) return summary;
  const head = summary.slice(0, Math.min(...at));
  return head.slice(0, Math.max(head.lastIndexOf('。'), head.lastIndexOf('. ')) + 1);
}

/** A footnote's line: it starts with its circled marker (①–⑳). */
const NOTE = /^[\u2460-\u2473]/;
/**
 * What a tooltip never covers: the widget's controls, the open table, and the title (in
 * forced colours a tooltip over it reads as page text).
 */
const CLEAR = '[role=tab], .legend > *, .actions button, .source a, .table-wrap:not([hidden]), figcaption';
/** How far a focused point's ring reaches beyond its box (3 px outline, 1 px offset, 5 px halo). */
const RING = 6;

/** The area two boxes {x, y, w, h} share, with `m` px of margin round `b`. */
const overlap = (a, b, m = 0) => Math.max(0, Math.min(a.x + a.w, b.x + b.w + m) - Math.max(a.x, b.x - m))
  * Math.max(0, Math.min(a.y + a.h, b.y + b.h + m) - Math.max(a.y, b.y - m));

/**
 * Where a `tip`-sized tooltip for point `p` goes, relative to the stage. `area`: the stage's
 * width `w`, how far up and down the widget reaches (`top`, `bottom`) and the part of it on
 * screen (`seenTop`, `seenBottom`). `near.ring`: the ring of a point the keyboard left focused
 * (or null); `near.avoid`: boxes it must not cover (controls, the title); `near.others`: the
 * other marks; `near.text`: the text around the plot. Places rank by what they cover, in this
 * order of harm: the point's own ring (or hover box), the focused ring, the boxes to avoid,
 * the part off screen above, and below, the other marks, a place far from its point (not next
 * to it), the text, and last the distance. The keyboard's tooltip (not `beside`) ranks the
 * part off screen above before the boxes to avoid, and a place more than its height above or
 * below its point before the other marks. Returns {x, y, key}: one of key[0..6] > 0 when no
 * place avoids them all. A place is ranked only as far as it can still win: the other marks
 * (a few hundred) are summed from the columns it spans, and only for a place whose rank before
 * them is not already behind the best one's, up to where it falls behind: a hover at 300
 * categories stays well under a millisecond.
 */
export function place(p, tip, area, near, beside) {
  const gap = 4;
  const m = beside ? 4 : RING;
  const own = { x: p.x - m, y: p.y - m, w: p.w + 2 * m, h: p.h + 2 * m };
  const xs = [own.x + own.w + gap, own.x - tip.w - gap, p.x + p.w / 2 - tip.w / 2, 0, area.w - tip.w];
  const ys = [p.y + p.h / 2 - tip.h / 2, own.y - tip.h - gap, own.y + own.h + gap, area.top, area.bottom - tip.h,
    area.seenTop, area.seenBottom - tip.h];
  // Just past each control and each ring: the places left between them.
  for (const b of [...near.avoid, own, near.ring]) if (b) ys.push(b.y + b.h + gap, b.y - tip.h - gap);
  // Touching counts: a tooltip flush against a mark would hide its edge.
  const sum = (list, c) => list.reduce((s, b) => s + overlap(c, b, 2), 0);
  const others = grid(near.marks);
  let best = null;
  for (const y0 of ys) {
    for (const x0 of xs) {
      const c = { x: Math.max(0, Math.min(x0, area.w - tip.w)), y: Math.max(area.top, Math.min(y0, area.bottom - tip.h)), w: tip.w, h: tip.h };
      const top = Math.min(tip.h, Math.max(0, area.seenTop - c.y)) * tip.w;
      const bottom = Math.min(tip.h, Math.max(0, c.y + tip.h - area.seenBottom)) * tip.w;
      const covered = sum(near.avoid, c);
      const apartY = Math.max(c.y - own.y - own.h, own.y - c.y - tip.h);
      const apart = Math.max(c.x - own.x - own.w, own.x - c.x - tip.w, apartY);
      const dist = Math.hypot(c.x + tip.w / 2 - (p.x + p.w / 2), c.y + tip.h / 2 - (p.y + p.h / 2));
      const far = (beside ? apart > 3 * gap : apartY > tip.h) ? 1 : 0;
      // The keyboard's tooltip goes when focus leaves the points, so a control under it is
      // reached only once it has gone: its heading on screen comes first; and it stays near
      // its point. The pointer's stays up, and the pointer reaches it from afar.
      const head = [overlap(c, own), near.ring ? overlap(c, near.ring) : 0, ...(beside ? [covered, top] : [top, covered]), bottom,
        ...(beside ? [] : [far])];
      let bound = Infinity;
      if (best) {
        const order = rank(head, best.key);
        if (order > 0) continue;
        if (order === 0) bound = best.key[head.length] + 0.1;
      }
      const marks = sumMarks(others, near.skip, c, bound);
      if (marks > bound) continue;
      const key = [...head, marks, ...(beside ? [far] : []), sum(near.text, c), dist];
      if (!best || less(key, best.key)) best = { x: c.x, y: c.y, key };
    }
  }
  return best;
}

/**
 * The order of `head` against the start of `key`: −1 before it, 1 after, 0 the same (item by
 * item; under a tenth of a px² is none).
 */
function rank(head, key) {
  for (let i = 0; i < head.length; i++) if (Math.abs(head[i] - key[i]) > 0.1) return head[i] < key[i] ? -1 : 1;
  return 0;
}

/** The width of the columns the marks are filed in. */
const COLUMN = 32;
/** The first and last column a box reaches, with the 2 px that touching adds. */
const firstColumn = (b) => Math.floor((b.x - 2) / COLUMN);
const lastColumn = (b) => Math.floor((b.x + b.w + 2) / COLUMN);
const grids = new WeakMap();

/** `marks` filed by column, once per frame's list. */
function grid(marks) {
  let g = grids.get(marks);
  if (!g) {
    g = new Map();
    for (const b of marks) {
      for (let k = firstColumn(b); k <= lastColumn(b); k++) {
        if (!g.has(k)) g.set(k, []);
        g.get(k).push(b);
      }
    }
    grids.set(marks, g);
  }
  return g;
}

/**
 * The area place `c` shares with the marks of grid `g` but `skip` (touching counts), each
 * mark once (in the first column both reach); it stops once past `bound`.
 */
function sumMarks(g, skip, c, bound) {
  const c0 = Math.floor(c.x / COLUMN);
  const c1 = Math.floor((c.x + c.w) / COLUMN);
  let s = 0;
  for (let k = c0; k <= c1; k++) {
    for (const b of g.get(k) || []) {
      if (b === skip || k !== Math.max(c0, firstColumn(b))) continue;
      s += overlap(c, b, 2);
      if (s > bound) return s;
    }
  }
  return s;
}

/** Whether `a` ranks before `b` (compared item by item; under a tenth of a px² is none). */
function less(a, b) {
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 0.1) return a[i] < b[i];
  return false;
}
