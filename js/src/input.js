// Pointer and keyboard: what a reader's mouse, finger and keys do to a chart.
//
// Mouse: hovering a point shows its tooltip; leaving the stage hides it. Touch and pen: a tap
// shows a point's tooltip, a second tap on it or a tap elsewhere hides it. Keyboard, on the
// stage (one tab stop): ArrowRight/ArrowDown the next point, ArrowLeft/ArrowUp the previous,
// Home the first, End the last, Escape closes the tooltip. On the tabs: arrows, Home and End
// move between views.

/** Wires `chart`'s view to its handlers; returns a function that removes the document listener. */
export function attach(chart, view) {
  view.tableButton.addEventListener('click', () => view.toggleTable());
  view.pngButton.addEventListener('click', () => chart._download());
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
  stage.addEventListener('pointermove', (e) => {
    if (e.pointerType === 'mouse') chart._show(chart._hitAt(e), false);
  });
  stage.addEventListener('pointerleave', (e) => {
    if (e.pointerType === 'mouse') chart._hide();
  });
  stage.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'mouse') return;
    const i = chart._hitAt(e);
    if (i < 0 || i === chart.active) chart._hide();
    else chart._show(i, false);
  });
  const onDocPointer = (e) => {
    if (chart.active >= 0 && !e.composedPath().includes(stage)) chart._hide();
  };
  document.addEventListener('pointerdown', onDocPointer, true);
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
    const at = chart.active;
    const next = {
      ArrowRight: at < 0 ? 0 : Math.min(n - 1, at + 1),
      ArrowDown: at < 0 ? 0 : Math.min(n - 1, at + 1),
      ArrowLeft: at < 0 ? 0 : Math.max(0, at - 1),
      ArrowUp: at < 0 ? 0 : Math.max(0, at - 1),
      Home: 0,
      End: n - 1,
    }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    chart._show(next, true);
  });
  stage.addEventListener('blur', () => chart._hide());
  return () => document.removeEventListener('pointerdown', onDocPointer, true);
}
