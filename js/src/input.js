// Pointer and keyboard: what a reader's mouse, finger and keys do to a chart.
//
// Mouse: hovering a point shows its tooltip, beside it; it stays while the pointer crosses
// empty space, heads for the tooltip across other points, or rests on it (WCAG 1.4.13), until
// another point replaces it or the pointer leaves the widget. Touch and pen: a tap shows a
// point's tooltip, a second tap on it or a tap elsewhere hides it. Keyboard, in the listbox of
// points (one tab stop, ARIA Authoring Practices' Listbox pattern): ArrowRight/ArrowDown the
// next point, ArrowLeft/ArrowUp the previous, Home the first, End the last. Escape closes the
// tooltip wherever focus is. On the tabs: arrows, Home and End move between views.

/** Wires `chart`'s view to its handlers; returns a function that removes the document listeners. */
export function attach(chart, view) {
  view.tableButton.addEventListener('click', () => view.toggleTable());
  view.pngButton.addEventListener('click', () => chart._download());
  view.csvButton.addEventListener('click', () => chart._downloadData());
  view.pager.addEventListener('click', (e) => {
    const step = Number(e.target?.closest?.('button')?.dataset.page);
    if (step) chart._turnPage(step);
  });
  view.tabs.addEventListener('keydown', (e) => {
    const views = chart.views;
    const i = views.indexOf(chart.options.view);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: views.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const id = views[(next + views.length) % views.length];
    view.tabs.querySelector(`[data-view="${id}"]`)?.focus();
    chart.setView(id);
  });

  const stage = view.stage;
  const onTip = (e) => e.composedPath().includes(view.tip);
  // Where the pointer last was on the shown point's own target, and a pending switch to another
  // point: a pointer heading from there for the open tooltip crosses other points' targets
  // without swapping the tooltip (WCAG 1.4.13 hoverable); one resting 0.4 s on another point
  // gets that point's.
  let anchor = null;
  let pending = 0;
  stage.addEventListener('pointermove', (e) => {
    clearTimeout(pending);
    // The pointer may rest on the tooltip, or cross the space between, without closing it:
    // another point replaces it, leaving the chart or Esc closes it (WCAG 1.4.13).
    if (e.pointerType !== 'mouse' || onTip(e)) return;
    const i = chart._hitAt(e);
    const at = { x: e.clientX, y: e.clientY };
    if (i >= 0 && i === chart.active) anchor = at;
    if (i < 0 || i === chart.active) return;
    const show = () => {
      chart._show(i, 'pointer');
      anchor = at;
    };
    if (chart.shownBy === 'pointer' && anchor && toward(anchor, at, view.tip.getBoundingClientRect())) pending = setTimeout(show, 400);
    else show();
  });
  // Where no place left a control clear, focus reaching one that the pointer's tooltip covers
  // closes the tooltip: a focused control is never under it (WCAG 2.4.7, 2.4.11).
  view.figure.addEventListener('focusin', (e) => {
    if (chart.shownBy !== 'pointer' || e.target.getAttribute?.('role') === 'option') return;
    const [a, b] = [e.target.getBoundingClientRect(), view.tip.getBoundingClientRect()];
    if (a.left - 4 < b.right && b.left < a.right + 4 && a.top - 4 < b.bottom && b.top < a.bottom + 4) chart._hide();
  });
  // Over the widget's text, the pointer is still on its way to the tooltip; off the widget, done.
  view.figure.addEventListener('pointerleave', (e) => {
    clearTimeout(pending);
    if (e.pointerType === 'mouse' && chart.shownBy === 'pointer') chart._hide();
  });
  stage.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'mouse' || onTip(e)) return;
    const i = chart._hitAt(e);
    if (i < 0 || i === chart.active) chart._hide();
    else chart._show(i, 'touch');
  });
  const onDocPointer = (e) => {
    if (chart.active >= 0 && !e.composedPath().includes(stage)) chart._hide();
  };
  const onDocKey = (e) => {
    if (e.key === 'Escape' && chart.active >= 0) chart._hide();
  };
  document.addEventListener('pointerdown', onDocPointer, true);
  document.addEventListener('keydown', onDocKey, true);

  stage.addEventListener('keydown', (e) => {
    const n = chart.points.length;
    if (e.key === 'Escape') {
      if (chart.active >= 0) {
        chart._hide();
        e.preventDefault();
      }
      return;
    }
    if (!n) return;
    const at = view.focusedOption();
    const from = at < 0 ? view.focused : at;
    const next = {
      ArrowRight: Math.min(n - 1, from + 1),
      ArrowDown: Math.min(n - 1, from + 1),
      ArrowLeft: Math.max(0, from - 1),
      ArrowUp: Math.max(0, from - 1),
      Home: 0,
      End: n - 1,
    }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    view.focusOption(next);
  });
  // Keyboard focus on a point shows its tooltip; focus leaving the points hides it.
  stage.addEventListener('focusin', (e) => {
    const i = Number(e.target?.dataset?.index);
    if (e.target?.getAttribute?.('role') === 'option' && Number.isInteger(i)) chart._show(i, 'keyboard');
  });
  stage.addEventListener('focusout', (e) => {
    if (!e.relatedTarget || !stage.contains(e.relatedTarget)) {
      if (chart.shownBy === 'keyboard') chart._hide();
    }
  });
  return () => {
    document.removeEventListener('pointerdown', onDocPointer, true);
    document.removeEventListener('keydown', onDocKey, true);
  };
}

/**
 * Whether a pointer that was at `from` and is now at `to` is heading for the box `r` (a
 * DOMRect, 8 px of slack): whether `to` lies within the hull of `from` and `r`, i.e. the ray
 * from `to`, away from `from`, meets the box.
 */
export function toward(from, to, r) {
  const [dx, dy] = [to.x - from.x, to.y - from.y];
  let [t0, t1] = [0, Infinity];
  for (const [p, d, lo, hi] of [[to.x, dx, r.left - 8, r.right + 8], [to.y, dy, r.top - 8, r.bottom + 8]]) {
    if (d === 0) {
      if (p < lo || p > hi) return false;
    } else {
      const [a, b] = [(lo - p) / d, (hi - p) / d];
      t0 = Math.max(t0, Math.min(a, b));
      t1 = Math.min(t1, Math.max(a, b));
    }
  }
  return t0 <= t1;
}
