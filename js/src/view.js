// The DOM around the canvas: title, view tabs, legend toggles, the stage (canvas, focus box,
// tooltip), summary, footnotes, source, actions, the data table and the live region. It
// shows what the engine wrote (the page text of a frame) and knows nothing of the data.

import { el } from './dom.js';
import { adopt } from './styles.js';

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
    this.stage = el('div', { class: 'stage', id: `${id}-stage`, role: 'group', tabindex: '0', 'aria-describedby': `${id}-summary ${id}-keys` });
    this.canvas = el('canvas', { 'aria-hidden': 'true' });
    this.focusBox = el('div', { class: 'focus', 'aria-hidden': 'true', hidden: '' });
    this.tip = el('div', { class: 'tip', 'aria-hidden': 'true', hidden: '' });
    this.stage.append(this.canvas, this.focusBox, this.tip);
    this.summary = el('p', { class: 'sr-only', id: `${id}-summary` });
    this.keys = el('p', { class: 'sr-only', id: `${id}-keys` });
    this.notes = el('ol', { class: 'notes' });
    this.source = el('p', { class: 'source' });
    const actions = el('div', { class: 'actions' });
    this.tableButton = el('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': `${id}-table` });
    this.pngButton = el('button', { type: 'button' });
    actions.append(this.tableButton, this.pngButton);
    this.tableWrap = el('div', { class: 'table-wrap sr-only', id: `${id}-table` });
    this.live = el('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
    fig.append(cap, bar, this.stage, this.summary, this.keys, this.notes, this.source, actions, this.tableWrap, this.live);
    root.append(fig);
    this.figure = fig;
    this.ui = null;
  }

  /**
   * Writes the page text `t` of a frame. `on` has the handlers for the controls it builds:
   * `view(id)` for a tab, `toggle(series)` for a legend button.
   */
  fill(t, on) {
    const ui = t.ui;
    this.ui = ui;
    // Tabs and legend are rebuilt below; keep keyboard focus on the control that had it.
    const focused = this.root.activeElement;
    const refocus = focused?.dataset?.view ? `[data-view="${focused.dataset.view}"]`
      : focused?.dataset?.series ? `[data-series="${focused.dataset.series}"]` : null;
    this.figure.setAttribute('lang', t.lang);
    for (const [k, v] of Object.entries(t.colors)) this.figure.style.setProperty(`--prc-${k === 'background' ? 'bg' : k}`, v);
    this.title.textContent = t.title;
    this.subtitle.textContent = t.subtitle;
    this.tabs.setAttribute('aria-label', ui.views);
    this.tabs.replaceChildren(...t.views.map((v) => {
      const selected = v.id === t.view;
      const b = el('button', {
        type: 'button', role: 'tab', 'data-view': v.id, 'aria-selected': String(selected),
        'aria-controls': `${this.id}-stage`, tabindex: selected ? '0' : '-1', id: `${this.id}-tab-${v.id}`,
      }, v.label);
      b.addEventListener('click', () => on.view(v.id));
      return b;
    }));
    this.legend.setAttribute('aria-label', ui.legend);
    this.legend.replaceChildren(...t.legend.map((item) => {
      const sw = el('span', { class: `sw ${item.swatch}`, 'aria-hidden': 'true' });
      sw.style.setProperty('--c', item.color);
      if (item.swatch !== 'hatched' && item.swatch !== 'hollow') sw.style.background = item.color;
      const label = el('span', {}, item.label);
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
    this.stage.setAttribute('aria-labelledby', `${this.id}-title ${this.id}-tab-${t.view}`);
    this.summary.textContent = t.summary;
    this.keys.textContent = ui.keys;
    this.notes.replaceChildren(...t.notes.map((n) => el('li', {}, n)));
    this.source.textContent = t.source;
    this.tableButton.textContent = this.tableOpen() ? ui.hideTable : ui.showTable;
    this.pngButton.textContent = ui.download;
    this.#fillTable(t.table, ui);
    if (refocus) this.root.querySelector(refocus)?.focus();
  }

  #fillTable(t, ui) {
    const table = el('table');
    table.append(el('caption', {}, t.caption));
    const head = el('tr');
    t.columns.forEach((c) => head.append(el('th', { scope: 'col' }, c)));
    const thead = el('thead');
    thead.append(head);
    table.append(thead);
    const body = el('tbody');
    for (const row of t.rows) {
      const tr = el('tr');
      row.forEach((cell, i) => {
        const td = el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {});
        td.append(document.createTextNode(cell.text));
        if (cell.derived) td.append(el('span', { class: 'badge' }, ui.derived));
        if (cell.markers) td.append(el('span', { class: 'mark' }, cell.markers));
        if (cell.provenance) td.setAttribute('title', cell.provenance);
        tr.append(td);
      });
      body.append(tr);
    }
    table.append(body);
    // How each derived number was computed, as text everyone can read (not only a title tooltip).
    const how = el('ul', { class: 'how' });
    t.derivations.forEach((d) => how.append(el('li', {}, d)));
    const notes = el('ol', { class: 'notes' });
    t.notes.forEach((n) => notes.append(el('li', {}, n)));
    this.tableWrap.replaceChildren(table, how, notes);
  }

  tableOpen() {
    return this.tableButton.getAttribute('aria-expanded') === 'true';
  }

  toggleTable() {
    const open = !this.tableOpen();
    this.tableButton.setAttribute('aria-expanded', String(open));
    this.tableWrap.classList.toggle('sr-only', !open);
    if (this.ui) this.tableButton.textContent = open ? this.ui.hideTable : this.ui.showTable;
  }

  /** The height of everything but the stage, CSS px (a guess before the first layout). */
  chromeHeight() {
    const fig = this.figure.getBoundingClientRect().height;
    const stage = this.stage.getBoundingClientRect().height;
    return fig ? fig - stage : 180;
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

  /** Shows point `p`'s focus box and tooltip; says it in the live region when `announce`. */
  show(p, announce) {
    const stageW = this.stage.clientWidth;
    this.focusBox.hidden = false;
    this.focusBox.style.width = `${p.w}px`;
    this.focusBox.style.height = `${p.h}px`;
    this.focusBox.style.transform = `translate(${p.x}px, ${p.y}px)`;
    this.tip.replaceChildren(el('div', { class: 'h' }, p.heading), el('div', { class: 'v' }, p.value),
      ...p.lines.map((l) => el('div', { class: 'l' }, l)));
    this.tip.hidden = false;
    const tw = this.tip.offsetWidth;
    const th = this.tip.offsetHeight;
    let x = p.x + p.w + 8;
    if (x + tw > stageW) x = p.x - tw - 8;
    x = Math.max(0, Math.min(x, stageW - tw));
    let y = p.y + p.h / 2 - th / 2;
    y = Math.max(0, Math.min(y, this.stage.clientHeight - th));
    this.tip.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    if (announce) this.live.textContent = p.spoken;
  }

  hide() {
    this.tip.hidden = true;
    this.focusBox.hidden = true;
  }
}
