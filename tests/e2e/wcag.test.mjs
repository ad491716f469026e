// WCAG 2.2 A/AA, criterion by criterion, for what a test can see (docs/accessibility.md lists
// every criterion, how it is met and which test here checks it; what needs a person with a
// screen reader is listed there too).
//
//   node --test --test-concurrency=1 tests/e2e/wcag.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES, ROOT, axe, formatViolations, useServer, waitTip, widgetState } from './helpers.mjs';

const { open } = useServer();
const MULTI = JSON.parse(readFileSync(join(ROOT, 'www', 'data', 'example-multi-year.json'), 'utf8'));

/** WCAG's contrast ratio of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (css) => {
    const [r, g, b2] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => v / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** Focuses point `i` of the widget `sel`, as the keyboard would reach it. */
const focusPoint = (page, i, sel = '#chart') => page.$eval(sel, (h, i) => h.shadowRoot.querySelectorAll('[role=option]')[i].focus(), i);

/** Every view the widget offers, switched to in turn. */
async function eachView(page, fn, sel = '#chart') {
  const views = await page.$eval(sel, (h) => h.chart.views);
  for (const v of views) {
    await page.$eval(sel, (h, v) => h.chart.setView(v), v);
    await fn(v);
  }
}

// 1.1.1 Non-text content, 1.3.1 Info and relationships: the trend view, whose tooltips and
// announcements once gave the latest year's figures for every year.
test('1.1.1, 1.3.1: every trend point states its own year and figures; the trend table holds every year', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/trend.html`, { viewport: { width: 1000, height: 1100 } });
  const s = await widgetState(page);
  assert.equal(s.points.length, 24, '6 years × 2 tiers × 2 areas');
  for (let i = 0; i < s.points.length; i++) {
    await focusPoint(page, i);
    await waitTip(page, false);
    const st = await widgetState(page);
    const p = st.points[i];
    const year = MULTI.years.find((y) => y.year === p.year);
    const tier = year.tiers.find((x) => p.heading.startsWith(x.tier));
    assert.ok(tier, `point ${i} names a tier of ${p.year}: ${p.heading}`);
    assert.ok(st.live.includes(`${p.year}年`), `point ${i} says its year: "${st.live}"`);
    assert.ok(st.tipHeading.includes(`${p.year}年`), `its tooltip says its year: "${st.tipHeading}"`);
    if (p.series === 'region') {
      assert.equal(p.value, `${tier.rate.toFixed(1)}%`, `point ${i}: ${p.year} ${tier.tier}`);
      assert.ok(st.live.includes(p.value));
      // Counts only where that year states them; never another year's.
      const counts = st.tipLines.find((l) => l.startsWith('达线'));
      assert.equal(Boolean(counts), tier.passed !== undefined, `${p.year}: ${JSON.stringify(st.tipLines)}`);
      if (counts) assert.ok(counts.includes(tier.passed.toLocaleString('en-US')), counts);
      const gap = st.tipLines.find((l) => l.startsWith('与示例省相比'));
      if (tier.vs_reference_pp !== undefined) assert.ok(gap?.includes(`+${tier.vs_reference_pp.toFixed(1)}`), `${p.year}: ${gap}`);
    } else if (tier.reference_rate !== undefined) {
      assert.equal(p.value, `${tier.reference_rate.toFixed(1)}%`, `point ${i}: ${p.year} ${tier.tier} reference`);
    } else {
      // Derived: rate − gap, to the stated precision.
      assert.equal(p.value, `${((tier.rate * 10 - tier.vs_reference_pp * 10) / 10).toFixed(1)}%`);
    }
  }
  const table = await page.$eval('#chart', (h) => {
    h.shadowRoot.querySelector('.actions button[aria-expanded]').click();
    return [...h.shadowRoot.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map((c) => c.firstChild.textContent));
  });
  for (const y of MULTI.years) {
    for (const tier of y.tiers) {
      const row = table.find((r) => r[0] === tier.tier && r[1] === `${y.year}年`);
      assert.ok(row, `the table has ${y.year} ${tier.tier}`);
      assert.equal(row[2], `${tier.rate.toFixed(1)}%`);
    }
  }
  const summary = await page.$eval('#chart', (h) => h.shadowRoot.querySelector('[id$=-summary]').textContent);
  assert.match(summary, /2019年为14\.2%，2024年为16\.1%/, summary);
  assert.deepEqual(errors, []);
});

// 1.4.13 Content on hover or focus: dismissible, hoverable, persistent; and placed where it
// hides no other data.
test('1.4.13: the tooltip covers no other point, stays while the pointer moves onto it, closes on Esc from anywhere', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  const s0 = await widgetState(page);
  const covered = (st, i) => {
    const tip = { x: st.tip.x - st.canvas.x, y: st.tip.y - st.canvas.y, w: st.tip.w, h: st.tip.h };
    return st.points.map((q, k) => [k, q.mark]).filter(([k, m]) => k !== i
      && Math.min(tip.x + tip.w, m.x + m.w) > Math.max(tip.x, m.x) && Math.min(tip.y + tip.h, m.y + m.h) > Math.max(tip.y, m.y))
      .map(([k]) => k);
  };
  // From the keyboard (and a tap), a tooltip may go anywhere in the stage: it covers no other point.
  for (let i = 0; i < s0.points.length; i++) {
    await focusPoint(page, i);
    await page.waitForFunction((i) => document.querySelector('#chart').chart.active === i, i);
    assert.deepEqual(covered(await widgetState(page), i), [], `the keyboard tooltip of point ${i} covers other points`);
  }
  await page.evaluate(() => document.querySelector('#after').focus());
  // The audit's case: the pointer's tooltip of the first bar covered the province's bar.
  const first = s0.points.findIndex((p) => p.series === 'region' && p.tier === 0);
  const m = s0.points[first].mark;
  await page.mouse.move(s0.canvas.x + m.x + m.w / 2, s0.canvas.y + m.y + m.h / 2, { steps: 3 });
  await page.waitForFunction((i) => document.querySelector('#chart').chart.active === i, first);
  let st = await widgetState(page);
  assert.deepEqual(covered(st, first), [], 'the pointer tooltip of the first bar covers no other point');
  // Hoverable: the pointer leaves the mark sideways and goes round the other points onto the
  // tooltip (crossing empty space keeps it; another point would replace it).
  // Other points' touch targets, and the 4-px slop of the lookup around them.
  const targets = st.points.map((q) => ({ x: st.canvas.x + q.x, y: st.canvas.y + q.y, w: q.w, h: q.h }));
  const hitsOther = (x, y) => targets.some((b, k) => k !== first && x >= b.x - 5 && x <= b.x + b.w + 5 && y >= b.y - 5 && y <= b.y + b.h + 5);
  const boxes = st.points.map((q) => ({ x: st.canvas.x + q.mark.x, y: st.canvas.y + q.mark.y, w: q.mark.w, h: q.mark.h }));
  const tipC = { x: st.tip.x + st.tip.w / 2, y: st.tip.y + st.tip.h / 2 };
  const mark = boxes[first];
  const cy = mark.y + mark.h / 2;
  const clear = (path) => path.every(([a, b]) => {
    for (let f = 0; f <= 1; f += 0.02) if (hitsOther(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f)) return false;
    return true;
  });
  const routes = [mark.x - 18, mark.x - 30, mark.x + mark.w + 18, mark.x + mark.w + 30]
    .map((x) => [[{ x, y: cy }, { x, y: tipC.y }], [{ x, y: tipC.y }, tipC]]);
  const route = routes.find(clear);
  assert.ok(route, 'a way round the other points onto the tooltip');
  for (const [, to] of [[null, route[0][0]], ...route]) await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.waitForTimeout(150);
  st = await widgetState(page);
  assert.equal(st.tipHidden, false, 'the tooltip stays under the pointer');
  assert.equal(st.active, first, 'and still shows the first bar');
  // Persistent: it does not close by itself.
  await page.waitForTimeout(1500);
  assert.equal((await widgetState(page)).tipHidden, false, 'still shown after 1.5 s');
  // Dismissible without moving the pointer or focus: focus is on the page, not the chart.
  await page.keyboard.press('Escape');
  await waitTip(page, true);
  assert.deepEqual(errors, []);
});

// 2.4.7 Focus visible, 1.4.11 Non-text contrast: the focus ring against both what it sits on
// and what it surrounds; not clipped.
test('2.4.7, 1.4.11: focus rings contrast 3:1 with the control and the background, unclipped, on tabs and points', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  for (const theme of ['light', 'dark']) {
    await page.$eval('#chart', (h, th) => h.chart.setTheme(th), theme);
    await page.$eval('#chart', (h) => h.shadowRoot.querySelector('[role=tab][aria-selected=true]').focus());
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    const tab = await page.$eval('#chart', (h) => {
      const b = h.shadowRoot.activeElement;
      const cs = getComputedStyle(b);
      const tabs = getComputedStyle(b.parentElement);
      const fig = getComputedStyle(h.shadowRoot.querySelector('figure'));
      return {
        selected: b.getAttribute('aria-selected'), visible: b.matches(':focus-visible'), outline: cs.outlineStyle,
        ring: cs.outlineColor, fill: cs.backgroundColor, page: fig.backgroundColor, offset: parseFloat(cs.outlineOffset),
        width: parseFloat(cs.outlineWidth), clip: tabs.overflow,
      };
    });
    assert.equal(tab.selected, 'true');
    assert.equal(tab.visible, true);
    assert.notEqual(tab.outline, 'none');
    assert.ok(tab.width >= 2 && tab.offset >= 1, `a 2 px ring outside the tab (${tab.width}, offset ${tab.offset})`);
    assert.equal(tab.clip, 'visible', 'the tab strip does not clip the ring');
    assert.ok(contrast(tab.ring, tab.page) >= 3, `${theme}: ring ${tab.ring} vs page ${tab.page}: ${contrast(tab.ring, tab.page).toFixed(2)}`);
    // The ring sits outside the tab: what it must stand out against is the page, and the gap
    // between them (the page colour) separates it from the selected tab's fill.
    assert.ok(contrast(tab.page, tab.fill) >= 3, `${theme}: gap ${tab.page} vs fill ${tab.fill}`);

    await focusPoint(page, 1);
    const point = await page.$eval('#chart', (h) => {
      const o = h.shadowRoot.activeElement;
      const cs = getComputedStyle(o);
      return { outline: cs.outlineStyle, ring: cs.outlineColor, page: getComputedStyle(h.shadowRoot.querySelector('figure')).backgroundColor };
    });
    assert.notEqual(point.outline, 'none');
    assert.ok(contrast(point.ring, point.page) >= 3, `${theme}: point ring ${point.ring} vs ${point.page}`);
  }
  assert.deepEqual(errors, []);
});

// 2.4.7 and 1.4.1 in forced-colours mode (Windows high contrast): the focus ring still
// changes pixels, the selected tab still looks selected, legend swatches keep their colours.
test('forced colours: focus changes pixels, the selected tab stands out, swatches are not blank', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.waitForTimeout(100);
  const stage = page.locator('#chart .stage');
  const before = await stage.screenshot();
  await focusPoint(page, 0);
  await waitTip(page, false);
  await page.keyboard.press('Escape');
  await waitTip(page, true);
  const after = await stage.screenshot();
  assert.notDeepEqual(before, after, 'focusing a point changes the stage’s pixels');
  const looks = await page.$eval('#chart', (h) => {
    const [sel, other] = [...h.shadowRoot.querySelectorAll('[role=tab]')].sort((a) => (a.getAttribute('aria-selected') === 'true' ? -1 : 1));
    const sw = h.shadowRoot.querySelector('.legend .sw.solid');
    return { sel: getComputedStyle(sel).backgroundColor, other: getComputedStyle(other).backgroundColor, swatch: getComputedStyle(sw).backgroundColor };
  });
  assert.notEqual(looks.sel, looks.other, `the selected tab differs: ${JSON.stringify(looks)}`);
  assert.equal(looks.swatch, 'rgb(224, 79, 26)', 'the region swatch keeps its colour');
  assert.deepEqual(errors, []);
});

// 2.5.8 Target size: every point's target is at least 24 × 24 CSS px, and wherever its mark
// shows, the mark owns the pointer.
test('2.5.8: each point owns its visible mark, in every view, and its target is at least 24 px', async (t) => {
  for (const path of [`${PAGES}/one.html`, `${PAGES}/trend.html`]) {
    const { page, errors } = await open(t, path, { viewport: { width: 1000, height: 1100 } });
    await eachView(page, async (view) => {
      const r = await page.$eval('#chart', (h) => {
        const pts = h.chart.points;
        const inBox = (b, x, y) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
        return pts.map((p, i) => {
          // A pixel of this mark that no other mark covers.
          let spot = null;
          for (let fy = 0.5; fy < 1 && !spot; fy += 0.1) {
            for (let fx = 0.5; fx < 1 && !spot; fx += 0.1) {
              for (const [sx, sy] of [[fx, fy], [1 - fx, fy], [fx, 1 - fy], [1 - fx, 1 - fy]]) {
                const x = p.mark.x + p.mark.w * sx;
                const y = p.mark.y + p.mark.h * sy;
                if (!pts.some((q, k) => k !== i && inBox(q.mark, x, y))) { spot = [x, y]; break; }
              }
            }
          }
          return { i, spot, hit: spot ? h.chart.core.hit(spot[0], spot[1]) : null, w: p.w, h: p.h, series: p.series };
        });
      });
      for (const p of r) {
        if (p.series !== 'counts') assert.ok(p.w >= 23.5 && p.h >= 23.5, `${path} ${view}: point ${p.i} target ${p.w}×${p.h}`);
        if (p.spot) assert.equal(p.hit, p.i, `${path} ${view}: point ${p.i} at ${p.spot}`);
      }
    });
    assert.deepEqual(errors, []);
  }
});

// 3.1.2 Language of parts: on an English chart every Chinese word is marked zh-CN.
test('3.1.2: every text node is in an element of its language', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  for (const lang of ['en', 'zh-CN']) {
    await page.$eval('#chart', (h, lang) => {
      h.setAttribute('lang', lang);
      h.shadowRoot.querySelector('.actions button[aria-expanded]').click();
    }, lang);
    await focusPoint(page, 1);
    await waitTip(page, false);
    const wrong = await page.$eval('#chart', (h) => {
      const out = [];
      const walk = (node) => {
        for (const c of node.childNodes) {
          if (c.nodeType === Node.TEXT_NODE && c.textContent.trim()) {
            const el = c.parentElement;
            if (el.closest('style')) continue;
            const lang = el.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
            const han = /[\u3400-\u9fff]/.test(c.textContent);
            if (han && !lang.startsWith('zh')) out.push(`${lang}: ${c.textContent}`);
            if (!han && /[A-Za-z]{2}/.test(c.textContent) && lang.startsWith('zh')) out.push(`${lang}: ${c.textContent}`);
          } else if (c.nodeType === Node.ELEMENT_NODE) {
            walk(c);
          }
        }
      };
      walk(h.shadowRoot);
      return out;
    });
    assert.deepEqual(wrong, [], `${lang}: text in the wrong language's element`);
  }
  assert.deepEqual(errors, []);
});

// 4.1.2 Name, role, value.
test('4.1.2: tabs control a tab panel, points are options of a listbox, the table is exposed only when expanded', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  const r = await page.$eval('#chart', (h) => {
    const root = h.shadowRoot;
    const tab = root.querySelector('[role=tab][aria-selected=true]');
    const panel = root.getElementById(tab.getAttribute('aria-controls'));
    const listbox = panel.querySelector('[role=listbox]');
    return {
      panel: panel?.getAttribute('role'), labelled: panel?.getAttribute('aria-labelledby') === tab.id,
      listboxName: root.getElementById(listbox.getAttribute('aria-labelledby'))?.textContent,
      options: listbox.querySelectorAll('[role=option]').length, points: h.chart.points.length,
      tabstops: [...listbox.querySelectorAll('[role=option]')].filter((o) => o.tabIndex === 0).length,
    };
  });
  assert.deepEqual(r, { panel: 'tabpanel', labelled: true, listboxName: '运城市2019年高考本科达线情况', options: 5, points: 5, tabstops: 1 });
  const snap = await page.locator('#chart').ariaSnapshot();
  assert.match(snap, /tabpanel/);
  assert.match(snap, /listbox "运城市2019年高考本科达线情况"/);
  assert.match(snap, /option "一本线，运城市，2019年：15\.5%/);
  assert.doesNotMatch(snap, /table/, 'no table while collapsed');
  assert.deepEqual(errors, []);
});

// 1.4.4 Resize text: a reader's larger default font size enlarges the text around the chart.
test('1.4.4: the text around the chart follows the reader’s default font size', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  const size = () => page.$eval('#chart', (h) => parseFloat(getComputedStyle(h.shadowRoot.querySelector('.title')).fontSize));
  assert.equal(await size(), 18);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
  await page.waitForFunction(() => parseFloat(getComputedStyle(document.querySelector('#chart').shadowRoot.querySelector('.title')).fontSize) > 18);
  assert.equal(await size(), 36, 'a 32 px default gives a 36 px title (1.125 rem)');
  assert.deepEqual(errors, []);
});

// axe-core in every view and theme, with the table open and a tooltip shown.
test('axe-core: no violations in any view or theme with every disclosure open', async (t) => {
  for (const path of [`${PAGES}/one.html`, `${PAGES}/trend.html`]) {
    const { page, errors } = await open(t, path, { viewport: { width: 1000, height: 1100 } });
    await page.$eval('#chart', (h) => h.shadowRoot.querySelector('.actions button[aria-expanded]').click());
    for (const theme of ['light', 'dark']) {
      await page.$eval('#chart', (h, th) => h.chart.setTheme(th), theme);
      await eachView(page, async (view) => {
        await focusPoint(page, 0);
        await waitTip(page, false);
        const violations = await axe(page);
        assert.equal(violations.length, 0, `${path} ${view} ${theme}:\n${formatViolations(violations)}`);
      });
    }
    assert.deepEqual(errors, []);
  }
});

// 1.4.12 Text spacing: with the spacing a reader may set, nothing is cut off or overlaps.
test('1.4.12: with WCAG text spacing, no text is clipped and the controls do not overlap', async (t) => {
  for (const width of [1000, 320]) {
    const { page, errors } = await open(t, `${PAGES}/one.html`, { viewport: { width, height: 1200 } });
    const spacing = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
    await page.$eval('#chart', (h, css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      h.shadowRoot.adoptedStyleSheets = [...h.shadowRoot.adoptedStyleSheets, sheet];
      h.shadowRoot.querySelector('.actions button[aria-expanded]').click();
      h.chart.redraw();
    }, spacing);
    const r = await page.$eval('#chart', (h) => {
      const root = h.shadowRoot;
      const clipped = [...root.querySelectorAll('.title, .subtitle, .tabs button, .legend button, .legend .item, .notes li, .source, .actions button, caption')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
        .map((e) => e.textContent);
      const boxes = [...root.querySelectorAll('.tabs button, .legend button, .legend .item, .actions button')].map((e) => e.getBoundingClientRect());
      let overlaps = 0;
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) overlaps += 1;
      }));
      return { clipped, overlaps, wide: root.querySelector('figure').scrollWidth <= root.querySelector('figure').clientWidth + 1 };
    });
    assert.deepEqual(r, { clipped: [], overlaps: 0, wide: true }, `${width} px`);
    assert.deepEqual(errors, []);
  }
});

// 1.3.4 Orientation: the chart works in portrait and landscape.
test('1.3.4: portrait and landscape phones both get the whole chart', async (t) => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 844, height: 390 }]) {
    const { page, errors } = await open(t, `${PAGES}/one.html`, { viewport });
    const r = await page.$eval('#chart', (h) => ({
      points: h.chart.points.length, scroll: document.documentElement.scrollWidth, canvas: h.shadowRoot.querySelector('canvas').getBoundingClientRect().width,
    }));
    assert.equal(r.points, 5);
    assert.ok(r.scroll <= viewport.width, `${viewport.width}×${viewport.height}: no sideways scrolling (${r.scroll})`);
    assert.ok(r.canvas > viewport.width * 0.7, `the chart fills the width (${r.canvas})`);
    assert.deepEqual(errors, []);
  }
});

// 2.4.11 Focus not obscured, 2.5.3 Label in name, 3.2.1 On focus: every focus stop of the
// widget is on screen and not under the tooltip, its name contains its visible label, and
// focusing it changes nothing.
test('2.4.11, 2.5.3, 3.2.1: each focus stop is unobscured, named by its label, and focusing it changes nothing', async (t) => {
  for (const width of [1000, 320]) {
    const { page, errors } = await open(t, `${PAGES}/one.html`, { viewport: { width, height: 900 } });
    await page.focus('#before');
    const seen = [];
    for (let n = 0; n < 20; n++) {
      await page.keyboard.press('Tab');
      const s = await page.evaluate(() => {
        const a = document.activeElement;
        const el = a?.shadowRoot?.activeElement ?? a;
        if (!el || el.id === 'after') return null;
        el.scrollIntoView?.({ block: 'nearest' });
        const r = el.getBoundingClientRect();
        const root = a.shadowRoot;
        const tip = root?.querySelector('.tip');
        const t = tip && !tip.hidden ? tip.getBoundingClientRect() : null;
        const covered = t ? Math.max(0, Math.min(r.right, t.right) - Math.max(r.left, t.left)) * Math.max(0, Math.min(r.bottom, t.bottom) - Math.max(r.top, t.top)) : 0;
        return {
          what: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? '[' + el.getAttribute('role') + ']' : ''}`,
          visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight + 1,
          coveredShare: r.width * r.height ? covered / (r.width * r.height) : 0,
          label: el.getAttribute('role') === 'option' ? null : el.textContent.trim(),
          view: document.querySelector('#chart').chart.options.view,
          url: location.href,
        };
      });
      if (!s) break;
      seen.push(s.what);
      assert.ok(s.visible, `${width}: ${s.what} is on screen`);
      assert.ok(s.coveredShare < 0.5, `${width}: ${s.what} is not hidden by the tooltip (${s.coveredShare})`);
      assert.equal(s.view, 'compare', 'focusing changes no view');
      assert.ok(s.url.endsWith('/one.html'), 'focusing changes no page');
      if (s.label) {
        const snap = await page.locator('#chart').ariaSnapshot();
        assert.ok(snap.includes(s.label), `${width}: "${s.label}" is in its accessible name`);
      }
    }
    assert.ok(seen.includes('div[option]') && seen.filter((s) => s === 'button[tab]').length === 1, `the stops: ${seen.join(', ')}`);
    assert.deepEqual(errors, []);
  }
});

// Forced colours (Windows high contrast), what the second audit saw: the tooltip lost its only
// edge (a shadow) and floated over the title; each point's 1-px text showed as specks; static
// legend items got borders like the buttons. Screenshots: target/screenshots/forced-*.png.
test('forced colours: the tooltip keeps an edge and stays off the title, the points show no specks, static legend items are no buttons', async (t) => {
  const out = join(ROOT, 'target', 'screenshots');
  mkdirSync(out, { recursive: true });
  for (const [path, scheme] of [[`${PAGES}/one.html`, 'light'], [`${PAGES}/cities.html`, 'dark']]) {
    const { page, errors } = await open(t, path, { viewport: { width: 1000, height: 1100 }, colorScheme: scheme });
    await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
    await page.waitForTimeout(100);
    const name = path.includes('cities') ? 'cities' : 'one';
    // No specks: the stage looks the same with the options taken away.
    const stage = page.locator('#chart .stage');
    const withOptions = await stage.screenshot({ path: join(out, `forced-${name}-${scheme}-stage.png`) });
    await page.$eval('#chart', (h) => { h.shadowRoot.querySelector('.options').style.visibility = 'hidden'; });
    const without = await stage.screenshot();
    await page.$eval('#chart', (h) => { h.shadowRoot.querySelector('.options').style.visibility = ''; });
    assert.ok(withOptions.equals(without), `${name}: the points' hidden text paints nothing`);
    // The legend: buttons have a border, static items none.
    const legend = await page.$eval('#chart', (h) => [...h.shadowRoot.querySelectorAll('.legend > *')].map((e) => ({
      button: e.localName === 'button', border: parseFloat(getComputedStyle(e).borderTopWidth), style: getComputedStyle(e).borderTopStyle,
    })));
    assert.ok(legend.some((l) => !l.button), `${name}: the legend has static items`);
    for (const l of legend) {
      if (l.button) assert.ok(l.border >= 1 && l.style !== 'none', `${name}: a legend button has its border`);
      else assert.ok(l.border === 0 || l.style === 'none', `${name}: a static legend item has no border (${l.border} ${l.style})`);
    }
    // Every point's tooltip, by pointer: an edge in the forced text colour, off the title.
    const n = await page.$eval('#chart', (h) => h.chart.points.length);
    for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 6))) {
      await page.$eval('#chart', (h, i) => h.shadowRoot.querySelectorAll('[role=option]')[i].scrollIntoView({ block: 'center' }), i);
      const c = await page.$eval('#chart', (h, i) => {
        const r = h.shadowRoot.querySelector('canvas').getBoundingClientRect();
        const p = h.chart.points[i];
        return { x: r.x + p.mark.x + p.mark.w / 2, y: r.y + p.mark.y + p.mark.h / 2 };
      }, i);
      await page.mouse.move(2, 2);
      await page.mouse.move(c.x, c.y, { steps: 2 });
      await page.waitForFunction((i) => document.querySelector('#chart').chart.active === i, i, { timeout: 2000 });
      const tip = await page.$eval('#chart', (h) => {
        const tip = h.shadowRoot.querySelector('.tip');
        const cs = getComputedStyle(tip);
        const r = tip.getBoundingClientRect();
        const cap = h.shadowRoot.querySelector('figcaption').getBoundingClientRect();
        return {
          width: parseFloat(cs.borderTopWidth), style: cs.borderTopStyle, color: cs.borderTopColor, fill: cs.backgroundColor,
          overTitle: Math.min(r.right, cap.right) > Math.max(r.left, cap.left) && Math.min(r.bottom, cap.bottom) > Math.max(r.top, cap.top),
        };
      });
      assert.ok(tip.width >= 1 && tip.style === 'solid', `${name} point ${i}: the tooltip has a border`);
      assert.ok(contrast(tip.color, tip.fill) >= 3, `${name} point ${i}: its border ${tip.color} stands out from its fill ${tip.fill}`);
      assert.equal(tip.overTitle, false, `${name} point ${i}: the tooltip is off the title`);
      if (i === 0) await page.locator('#chart').screenshot({ path: join(out, `forced-${name}-${scheme}-tip.png`) });
    }
    assert.deepEqual(errors, []);
    await page.context().close();
  }
});

/** The accessibility tree of the page, as Chromium gives it to assistive technology. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const kids = (n) => (n.childIds || []).map((id) => byId.get(id)).filter(Boolean);
  const prop = (n, name) => n.properties?.find((p) => p.name === name)?.value?.value;
  return { nodes: nodes.filter((n) => !n.ignored), kids, prop, role: (n) => n.role?.value, name: (n) => n.name?.value ?? '' };
}

// 1.3.1 Info and relationships: every row of every table has its row headers — the trend
// table's tier and year, the cities table's area and tier — as the accessibility tree shows.
test('1.3.1: every table row has its row headers in the accessibility tree (trend: tier and year; cities: area and tier)', async (t) => {
  for (const [path, view, heads] of [[`${PAGES}/trend.html`, 'trend', 2], [`${PAGES}/cities.html`, 'cities', 2],
    [`${PAGES}/one.html`, 'compare', 1], [`${PAGES}/one.html`, 'change', 1]]) {
    const { page, errors } = await open(t, path, { viewport: { width: 1000, height: 900 } });
    await page.$eval('#chart', (h, v) => {
      h.chart.setView(v);
      h.shadowRoot.querySelector('.actions button[aria-expanded]').click();
    }, view);
    await page.waitForTimeout(100);
    const ax = await axTree(page);
    const table = ax.nodes.find((n) => ax.role(n) === 'table');
    assert.ok(table, `${view}: a table`);
    const rows = [];
    const walk = (n) => ax.kids(n).forEach((k) => (ax.role(k) === 'row' ? rows.push(k) : walk(k)));
    walk(table);
    const body = rows.filter((r) => !ax.kids(r).some((c) => ax.role(c) === 'columnheader'));
    assert.ok(body.length >= 2, `${view}: ${body.length} rows`);
    for (const r of body) {
      const roles = ax.kids(r).map((c) => ax.role(c));
      assert.deepEqual(roles.slice(0, heads), Array(heads).fill('rowheader'), `${view}: row "${ax.name(r)}" starts with ${heads} row headers: ${roles.join(' ')}`);
      assert.ok(!roles.slice(heads).includes('rowheader'), `${view}: only those`);
    }
    // The two headers of a row differ, so reading down a column says both (the tier and its year).
    if (heads === 2) {
      const pairs = body.map((r) => ax.kids(r).slice(0, 2).map((c) => ax.name(c)).join('|'));
      assert.equal(new Set(pairs).size, pairs.length, `${view}: every row's headers are its own`);
    }
    assert.deepEqual(errors, []);
    await page.context().close();
  }
});

// 2.4.6 and axe's landmark-unique (best practice): two charts of the same title on one page,
// their tables open, are not two landmarks of the same name.
test('axe-core: two charts of the same title, tables open, tooltips shown: no violations (landmark-unique included)', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/same-title.html`, { viewport: { width: 1000, height: 1100 } });
  await page.$$eval('passrate-chart', (hs) => hs.forEach((h) => h.shadowRoot.querySelector('.actions button[aria-expanded]').click()));
  await page.$eval('#b', (h) => h.shadowRoot.querySelector('[role=option]').focus());
  await page.waitForTimeout(100);
  const titles = await page.$$eval('passrate-chart', (hs) => hs.map((h) => h.shadowRoot.querySelector('.title').textContent));
  assert.equal(titles[0], titles[1], 'the same title');
  const violations = await axe(page);
  assert.equal(violations.length, 0, formatViolations(violations));
  assert.deepEqual(errors, []);
});

// Tabbing into the points: the title, the role and one sentence before the first point's own
// words (the second audit heard 200–550 characters); each footnote said once in all a screen
// reader reads, the table closed.
test('entry: one sentence before the first point (≤ 120 characters in Chinese, ≤ 240 in English); each footnote said once', async (t) => {
  for (const [path, lang] of [[`${PAGES}/one.html`, 'zh-CN'], [`${PAGES}/cities.html`, 'zh-CN'], [`${PAGES}/trend.html`, 'zh-CN'],
    [`${PAGES}/one.html`, 'en'], [`${PAGES}/cities.html`, 'en']]) {
    const { page, errors } = await open(t, path, { viewport: { width: 1000, height: 1100 } });
    await page.$eval('#chart', (h, lang) => h.setAttribute('lang', lang), lang);
    await page.waitForTimeout(100);
    for (const view of await page.$eval('#chart', (h) => h.chart.views)) {
      await page.$eval('#chart', (h, v) => h.chart.setView(v), view);
      await page.waitForTimeout(50);
      const ax = await axTree(page);
      const box = ax.nodes.find((n) => ax.role(n) === 'listbox');
      // The role description from the DOM: CDP garbles any non-ASCII one (a tool limit).
      const role = await page.$eval('#chart', (h) => h.shadowRoot.querySelector('[role=listbox]').getAttribute('aria-roledescription'));
      const before = [ax.name(box), role, box.description?.value ?? ''];
      const length = before.join(' ').length;
      const what = `${path} ${lang} ${view}`;
      t.diagnostic(`${what}: ${length} characters before the first point`);
      assert.ok(length <= (lang === 'en' ? 240 : 120), `${what}: ${length} characters before the first point: ${JSON.stringify(before)}`);
      assert.ok((before[2].match(/[。！？]|[.!?](\s|$)/g) || []).length <= 1, `${what}: one sentence: ${before[2]}`);
      // Each footnote, without its marker, in everything read: the words of the page, each
      // option, the listbox's description.
      const notes = await page.$eval('#chart', (h) => [...h.shadowRoot.querySelectorAll('figure > .notes li')].map((li) => li.textContent.replace(/^\S+\s/, '')));
      // Text runs in another language are nodes of their own: the page's words joined as read.
      const read = [ax.nodes.filter((n) => ax.role(n) === 'StaticText').map((n) => ax.name(n)).join(''),
        ...ax.nodes.filter((n) => ax.role(n) === 'option').map((n) => ax.name(n)), box.description?.value].join('\n');
      for (const note of notes) {
        const times = read.split(note).length - 1;
        assert.equal(times, 1, `${what}: the footnote "${note.slice(0, 30)}…" is said ${times} times`);
      }
    }
    assert.deepEqual(errors, []);
    await page.context().close();
  }
});

// 3.3.1 Error identification, 4.1.3 Status messages: with several charts on a page, each error
// alert says which chart failed — by its place on the page and its data file when the data
// never loaded, by its title when a drawn chart fails.
test('3.3.1, 4.1.3: each error alert names its chart: place and data file, or title', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/errors-named.html`, { viewport: { width: 1000, height: 900 } });
  const alerts = await page.$$eval('passrate-chart', (hs) => hs.map((h) => h.shadowRoot.querySelector('[role=alert]')?.textContent ?? null));
  assert.deepEqual(alerts, [
    null,
    '本页第2张图表暂时无法显示（数据：no-such-file.json）。',
    '本页第3张图表暂时无法显示。',
    'Chart 4 on this page (data: gone.csv) cannot be shown right now.',
  ]);
  // A chart that was drawn, then failed for good (its engine could not restart): its title.
  await page.$eval('#good', (h) => h.chart._fail(new Error('test: the engine could not restart')));
  const failed = await page.$eval('#good', (h) => h.shadowRoot.querySelector('[role=alert]')?.textContent);
  assert.equal(failed, '图表“运城市2019年高考本科达线情况”暂时无法显示。');
  // Each failure also goes to the console, for the page's editor (the test expects them).
  assert.ok(errors.length >= 3, errors.join('\n'));
});
