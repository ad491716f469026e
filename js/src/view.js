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
    this.stage = el('div', {
      class: 'stage', id: `${id}-stage`, role: 'listbox', 'aria-labelledby': `${id}-title`,
      'aria-describedby': `${id}-summary ${id}-drawn ${id}-keys`,
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
    this.keys = el('p', { class: 'sr-only', id: `${id}-keys` });
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
    this.tableWrap = el('div', {
      class: 'table-wrap', id: `${id}-table`, role: 'region', tabindex: '0', 'aria-labelledby': `${id}-caption`, hidden: '',
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
    this.#text(this.summary, t.summary);
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
   * Shows point `p`'s tooltip, where it covers no other point's mark if it can (`marks`:
   * every point's mark as drawn, CSS px), and the hover box when the pointer brought it.
   */
  show(p, marks, byPointer) {
    this.hoverBox.hidden = !byPointer;
    if (byPointer) {
      this.hoverBox.style.width = `${p.w}px`;
      this.hoverBox.style.height = `${p.h}px`;
      this.hoverBox.style.transform = `translate(${p.x}px, ${p.y}px)`;
    }
    this.tip.replaceChildren(this.#text(el('div', { class: 'h' }), p.heading), el('div', { class: 'v' }, p.value),
      ...p.lines.map((l) => this.#text(el('div', { class: 'l' }), l)));
    this.tip.hidden = false;
    // The tooltip may reach above and below the stage, over the text around it, but no wider.
    // Within the part of the widget on screen, where that leaves the tooltip room: a tap near
    // the top of a phone's screen must not open it above the screen.
    const fig = this.figure.getBoundingClientRect();
    const st = this.stage.getBoundingClientRect();
    const seen = { top: Math.max(fig.top, 0), bottom: Math.min(fig.bottom, window.innerHeight || fig.bottom) };
    const room = seen.bottom - seen.top >= this.tip.offsetHeight + 8;
    const area = {
      w: this.stage.clientWidth,
      top: (room ? seen.top : fig.top) - st.top,
      bottom: (room ? seen.bottom : fig.bottom) - st.top,
    };
    const { x, y } = place(p, { w: this.tip.offsetWidth, h: this.tip.offsetHeight }, area,
      marks.filter((m) => m !== p.mark), byPointer);
    this.tip.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }

  hide() {
    this.tip.hidden = true;
    this.hoverBox.hidden = true;
  }
}

/**
 * Where a `tip`-sized tooltip for point `p` goes in `area` ({w, top, bottom}: the stage's
 * width, and how far up and down the widget reaches, relative to the stage): the place covering least of
 * `others` (boxes {x, y, w, h}; the point itself counts four times), and of equals the
 * nearest. A tooltip the pointer brought (`beside`) stays beside its point, so the pointer
 * can move straight onto it; one the keyboard or a tap brought may also go along an edge of
 * the stage. The marks are a few hundred at most: a hover stays well under a millisecond.
 */
export function place(p, tip, area, others, beside) {
  const gap = 4;
  const xs = [p.x + p.w + gap, p.x - tip.w - gap, p.x + p.w / 2 - tip.w / 2];
  const ys = [p.y + p.h / 2 - tip.h / 2, p.y - tip.h - gap, p.y + p.h + gap];
  if (!beside) {
    // Along an edge of the stage, but never far from the point: on a dense chart every spot
    // covers some mark, and a tooltip a screen away from its point helps no one.
    xs.push(0, area.w - tip.w);
    const near = (y) => Math.abs(y + tip.h / 2 - (p.y + p.h / 2)) <= 3 * tip.h + p.h;
    for (const y of [area.top, area.bottom - tip.h]) if (near(y)) ys.push(y);
  }
  const overlap = (a, b) => Math.max(0, Math.min(a.x + tip.w, b.x + b.w) - Math.max(a.x, b.x))
    * Math.max(0, Math.min(a.y + tip.h, b.y + b.h) - Math.max(a.y, b.y));
  let best = null;
  for (const y0 of ys) {
    for (const x0 of xs) {
      const c = { x: Math.max(0, Math.min(x0, area.w - tip.w)), y: Math.max(area.top, Math.min(y0, area.bottom - tip.h)) };
      const cost = others.reduce((sum, m) => sum + overlap(c, m), 0) + 4 * overlap(c, p);
      const dist = Math.hypot(c.x + tip.w / 2 - (p.x + p.w / 2), c.y + tip.h / 2 - (p.y + p.h / 2));
      if (!best || cost < best.cost || (cost === best.cost && dist < best.dist)) best = { ...c, cost, dist };
    }
  }
  return best;
}
