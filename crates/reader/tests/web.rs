//! The views drawn on a real `<canvas>` in headless Chromium through the shell's one call per
//! frame, checked pixel by pixel against the scene: the bar colour where a bar must be, the
//! background where nothing is.
//!
//! Run by `npm test`, or:
//! `CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --target wasm32-unknown-unknown --test web`
#![cfg(target_arch = "wasm32")]

use passrate_chart::layout::{Ink, Mark, Options, Rect, Scene};
use passrate_chart::render::{Rgb, Theme};
use passrate_chart::views::{layout, View};
use passrate_chart::words::Lang;
use passrate_chart_reader::Chart;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../../../www/data/yuncheng-2019.json");
const SEED_CSV: &str = include_str!("../../../www/data/yuncheng-2019.csv");
const MULTI: &str = include_str!("../../../www/data/example-multi-year.json");
/// The settings a page sends: a view, a language and a theme, every series shown.
fn settings(view: &str, lang: &str, theme: &str) -> String {
    format!(r#"{{"view":"{view}","lang":"{lang}","theme":"{theme}","shown":7}}"#)
}

fn canvas() -> HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&c).unwrap();
    c
}

fn pixel(c: &HtmlCanvasElement, x: i32, y: i32) -> Rgb {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let d = ctx.get_image_data(x as f64, y as f64, 1.0, 1.0).unwrap().data();
    Rgb(d[0], d[1], d[2])
}

/// Within `tol` in every channel.
fn within(a: Rgb, b: Rgb, tol: i32) -> bool {
    let d = |x: u8, y: u8| (x as i32 - y as i32).abs();
    d(a.0, b.0) <= tol && d(a.1, b.1) <= tol && d(a.2, b.2) <= tol
}

fn near(a: Rgb, b: Rgb) -> bool {
    within(a, b, 3)
}

/// The same scene the chart drew, computed here from the same data (furniture on, as the
/// frames below draw it).
fn expected(view: View, dpr: f64, lang: Lang) -> Scene {
    let model = passrate_chart::parse(SEED).unwrap();
    layout(&model, view, &Options { width: 640.0, height: 420.0, dpr, lang, ..Options::default() })
}

/// One frame of the seed: the canvas, and what the frame returned.
fn draw(view: &str, dpr: f64, theme: &str) -> (HtmlCanvasElement, serde_json::Value) {
    let c = canvas();
    let mut chart = Chart::new(&JsValue::from_str(SEED), "zh-CN").unwrap();
    let out = chart.frame(&c, &settings(view, "zh-CN", theme), 640.0, 420.0, dpr, true, true).unwrap();
    (c, serde_json::from_str(&out).unwrap())
}

/// Fills of the data marks (bars), in the plot area.
fn bars(l: &Scene, ink: Ink) -> Vec<Rect> {
    l.marks
        .iter()
        .filter_map(|m| match m {
            Mark::Fill { rect, ink: i } if *i == ink && rect.y0 >= l.plot.y0 => Some(*rect),
            _ => None,
        })
        .collect()
}

/// A point in the plot with nothing on it: between the tier groups, between two grid lines.
fn empty_point(l: &Scene) -> (i32, i32) {
    let mut grid: Vec<i32> = l
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Line { from, to, ink: Ink::Grid | Ink::Axis, .. } if from.1 == to.1 => Some(from.1),
            _ => None,
        })
        .collect();
    grid.sort();
    let x = (l.plot.x0 + l.plot.x1) / 2;
    (x, (grid[0] + grid[1]) / 2)
}

#[wasm_bindgen_test]
fn compare_view_paints_bars_where_the_scene_puts_them() {
    let theme = Theme::light();
    for dpr in [1.0, 2.0] {
        let (c, out) = draw("compare", dpr, "light");
        let l = expected(View::Compare, dpr, Lang::Zh);
        assert_eq!((c.width(), c.height()), (l.width, l.height), "backing store at dpr {dpr}");
        assert_eq!((out["width"].as_u64(), out["height"].as_u64()), (Some(l.width as u64), Some(l.height as u64)));
        let region = bars(&l, Ink::Region);
        assert_eq!(region.len(), 2);
        for r in &region {
            let (x, y) = r.center();
            assert!(near(pixel(&c, x, y), theme.region), "region bar at {x},{y}: {:?}", pixel(&c, x, y));
        }
        // Derived reference bars: tint plus hatching in the reference colour.
        let tinted = bars(&l, Ink::ReferenceTint);
        assert_eq!(tinted.len(), 2);
        for r in &tinted {
            let (mut tint, mut line) = (0, 0);
            for x in r.x0 + 3..r.x1 - 3 {
                let p = pixel(&c, x, (r.y0 + r.y1) / 2);
                tint += near(p, theme.reference_tint) as i32;
                line += within(p, theme.reference, 40) as i32;
            }
            assert!(tint > 4 && line > 2, "hatched bar {r:?}: {tint} tint, {line} line pixels");
        }
        let (x, y) = empty_point(&l);
        assert!(near(pixel(&c, x, y), theme.background), "empty plot at {x},{y}: {:?}", pixel(&c, x, y));
        assert!(near(pixel(&c, l.width as i32 - 2, l.height as i32 - 2), theme.background));
    }
}

/// The box a mark paints, for telling whether a later mark covers a pixel of an earlier one.
fn mark_box(m: &Mark) -> Option<Rect> {
    match m {
        Mark::Fill { rect, .. } | Mark::Hatch { rect, .. } => Some(*rect),
        Mark::Outline { rect, width, .. } => {
            let w = (*width as i32 + 1) / 2;
            Some(Rect { x0: rect.x0 - w, y0: rect.y0 - w, x1: rect.x1 + w, y1: rect.y1 + w })
        }
        Mark::Line { from, to, width, .. } => {
            let w = (*width as i32 + 1) / 2;
            Some(Rect {
                x0: from.0.min(to.0) - w,
                y0: from.1.min(to.1) - w,
                x1: from.0.max(to.0) + w,
                y1: from.1.max(to.1) + w,
            })
        }
        Mark::Dot { center, radius, .. } => {
            let r = *radius as i32;
            Some(Rect { x0: center.0 - r, y0: center.1 - r, x1: center.0 + r, y1: center.1 + r })
        }
        Mark::Polygon { points, .. } => Some(Rect {
            x0: points.iter().map(|p| p.0).min()?,
            y0: points.iter().map(|p| p.1).min()?,
            x1: points.iter().map(|p| p.0).max()?,
            y1: points.iter().map(|p| p.1).max()?,
        }),
        Mark::Text(_) => None,
    }
}

fn ink_of(m: &Mark) -> Option<Ink> {
    match m {
        Mark::Fill { ink, .. }
        | Mark::Outline { ink, .. }
        | Mark::Line { ink, .. }
        | Mark::Dot { ink, .. }
        | Mark::Polygon { ink, .. }
        | Mark::Hatch { ink, .. } => Some(*ink),
        Mark::Text(_) => None,
    }
}

/// Every data mark of the plot in its own colour on the canvas: a bar's or square's centre, an
/// outline's edge, a line's middle, a dot's centre and ring (a hollow dot's centre the
/// background), wherever no later mark of another colour covers the pixel. Tolerance-based
/// (anti-aliasing), and no series excepted: last year's marks are held to their colour too.
/// Returns how many marks of each series' ink were checked.
fn paints_marks_in_their_colours(c: &HtmlCanvasElement, l: &Scene, theme: &Theme) -> [usize; 3] {
    const DATA: [Ink; 3] = [Ink::Region, Ink::Reference, Ink::Previous];
    // Each pixel looked at lies inside its stroke (an outline's edge, a line's or ring's middle),
    // so only rounding is allowed for: close enough to tell last year's grey (120, 128, 138)
    // from the axis grey (140, 148, 158).
    const TOL: i32 = 6;
    let covered = |i: usize, ink: Ink, x: i32, y: i32| {
        l.marks[i + 1..]
            .iter()
            .any(|m| ink_of(m).is_some_and(|k| k != ink) && mark_box(m).is_some_and(|b| b.contains(x as f64, y as f64)))
    };
    let mut checked = [0; 3];
    for (i, m) in l.marks.iter().enumerate() {
        let Some(ink) = ink_of(m).filter(|k| DATA.contains(k)) else { continue };
        if mark_box(m).is_none_or(|b| b.y0 < l.plot.y0) {
            continue; // the legend's swatches
        }
        let want = theme.ink(ink);
        let mut check = |x: i32, y: i32, want: Rgb, tol: i32, what: &str| {
            if !covered(i, ink, x, y) {
                let p = pixel(c, x, y);
                assert!(within(p, want, tol), "{what} of {m:?} at {x},{y}: {p:?}, want {want:?}");
                checked[DATA.iter().position(|k| *k == ink).unwrap()] += 1;
            }
        };
        match m {
            Mark::Fill { rect, .. } => {
                let (x, y) = rect.center();
                check(x, y, want, 3, "centre");
            }
            Mark::Outline { rect, .. } => check(rect.x0, (rect.y0 + rect.y1) / 2, want, TOL, "left edge"),
            Mark::Line { from, to, width, .. } if *width >= 2 => {
                check((from.0 + to.0) / 2, (from.1 + to.1) / 2, want, TOL, "middle")
            }
            Mark::Dot { center, radius, hollow, width, .. } => {
                check(center.0 - *radius as i32 + *width as i32 / 2, center.1, want, TOL, "ring");
                if *hollow {
                    check(center.0, center.1, theme.background, 3, "hollow centre");
                } else {
                    check(center.0, center.1, want, 3, "centre");
                }
            }
            _ => {}
        }
    }
    checked
}

/// The change view: this year's and last year's bars, the reference's line and the change
/// bars, each in its own colour.
#[wasm_bindgen_test]
fn change_view_paints_every_series_in_its_colour() {
    let theme = Theme::light();
    let (c, _) = draw("change", 2.0, "light");
    let l = expected(View::Change, 2.0, Lang::Zh);
    let [region, reference, previous] = paints_marks_in_their_colours(&c, &l, &theme);
    // Two tiers: a bar and a change bar each in the region's colour, a reference line each,
    // and last year's (derived: outlined and hatched) bar each.
    assert!(
        region >= 4 && reference >= 2 && previous >= 2,
        "checked {region} region, {reference} reference, {previous} previous marks"
    );
}

/// The trend view: the region's dots (hollow when derived) and the reference's squares and
/// dashed line, each in its own colour.
#[wasm_bindgen_test]
fn trend_view_paints_dots_in_their_colours() {
    let theme = Theme::light();
    let c = canvas();
    let mut chart = Chart::new(&JsValue::from_str(MULTI), "zh-CN").unwrap();
    chart.frame(&c, &settings("trend", "zh-CN", "light"), 640.0, 420.0, 2.0, true, true).unwrap();
    let model = passrate_chart::parse(MULTI).unwrap();
    let l = layout(&model, View::Trend, &Options { width: 640.0, height: 420.0, dpr: 2.0, ..Options::default() });
    let dots = l.marks.iter().filter(|m| matches!(m, Mark::Dot { center, .. } if center.1 >= l.plot.y0)).count();
    assert!(dots >= 5, "{dots} dots in the plot");
    let [region, reference, _] = paints_marks_in_their_colours(&c, &l, &theme);
    assert!(region >= dots && reference >= 5, "checked {region} region, {reference} reference marks");
}

#[wasm_bindgen_test]
fn title_text_is_drawn() {
    let (c, _) = draw("compare", 2.0, "light");
    let l = expected(View::Compare, 2.0, Lang::Zh);
    let title = l.marks.iter().find_map(|m| if let Mark::Text(t) = m { Some(t.clone()) } else { None }).unwrap();
    let mut dark = 0;
    for x in (title.pos.0..title.pos.0 + 200).step_by(2) {
        for y in title.pos.1..title.pos.1 + title.style.size as i32 {
            let p = pixel(&c, x, y);
            dark += (p.0 < 100 && p.1 < 100 && p.2 < 100) as i32;
        }
    }
    assert!(dark > 50, "title looks empty ({dark} dark pixels)");
}

#[wasm_bindgen_test]
fn dark_theme_paints_a_dark_background() {
    let (c, _) = draw("compare", 1.0, "dark");
    let dark = Theme::dark();
    assert!(near(pixel(&c, 1, 1), dark.background));
    let l = expected(View::Compare, 1.0, Lang::Zh);
    let (x, y) = bars(&l, Ink::Region)[0].center();
    assert!(near(pixel(&c, x, y), dark.region));
    let mut chart = Chart::new(&JsValue::from_str(SEED), "zh-CN").unwrap();
    let text: serde_json::Value =
        serde_json::from_str(&chart.text(&settings("compare", "zh-CN", "dark")).unwrap()).unwrap();
    assert_eq!(text["colors"]["background"], "#161b22");
}

#[wasm_bindgen_test]
fn csv_and_objects_give_the_same_frame() {
    let frame = |data: &JsValue| {
        let c = canvas();
        let mut chart = Chart::new(data, "zh-CN").unwrap();
        let out = chart.frame(&c, &settings("compare", "zh-CN", "light"), 640.0, 420.0, 1.0, true, true).unwrap();
        (c, serde_json::from_str::<serde_json::Value>(&out).unwrap())
    };
    let (c1, d1) = frame(&JsValue::from_str(SEED_CSV));
    let (c2, d2) = frame(&js_sys::JSON::parse(SEED).unwrap());
    let (_, d3) = frame(&JsValue::from_str(SEED));
    let l = expected(View::Compare, 1.0, Lang::Zh);
    for r in bars(&l, Ink::Region) {
        let (x, y) = r.center();
        assert_eq!(pixel(&c1, x, y), pixel(&c2, x, y));
    }
    assert_eq!(d1, d2, "CSV and a JS object");
    assert_eq!(d1, d3, "CSV and JSON text");
    // The footnote of the seed's contradiction, in the page text of the CSV's chart.
    let mut chart = Chart::new(&JsValue::from_str(SEED_CSV), "zh-CN").unwrap();
    let text: serde_json::Value =
        serde_json::from_str(&chart.text(&settings("compare", "zh-CN", "light")).unwrap()).unwrap();
    let notes = text["notes"].to_string();
    assert!(notes.contains("16.2%"), "{notes}");
}

#[wasm_bindgen_test]
fn bad_data_is_one_error_in_two_languages() {
    let bad = SEED.replace("\"rate\": 48.6", "\"rate\": \"abc\"");
    let err = Chart::new(&JsValue::from_str(&bad), "zh-CN").err().expect("must fail");
    let e: js_sys::Error = err.unchecked_into();
    let msg: String = e.message().into();
    assert!(msg.starts_with("years[0].tiers[1].rate: expected a percentage"), "{msg}");
    let local = js_sys::Reflect::get(&e, &JsValue::from_str("localized")).unwrap().as_string().unwrap();
    assert!(local.starts_with("years[0].tiers[1].rate：应为 0 到 100 之间的百分数"), "{local}");
    let mut chart = Chart::new(&JsValue::from_str(SEED), "en").unwrap();
    let c = canvas();
    assert!(chart.frame(&c, &settings("pie", "en", "light"), 640.0, 420.0, 1.0, false, false).is_err());
    assert!(chart.frame(&c, &settings("trend", "en", "light"), 640.0, 420.0, 1.0, false, false).is_err());
    assert!(chart.update(&JsValue::from_f64(3.0), "en").is_err());
    // Still usable with its old data.
    assert!(chart.frame(&c, &settings("compare", "en", "light"), 640.0, 420.0, 1.0, false, false).is_ok());
}

/// A JS object that JSON cannot express is refused with the field's path.
#[wasm_bindgen_test]
fn objects_json_cannot_hold_name_their_field() {
    let obj = js_sys::JSON::parse(SEED).unwrap();
    let tiers = js_sys::Reflect::get(&js_sys::Reflect::get(&obj, &"years".into()).unwrap(), &0.into()).unwrap();
    let tier = js_sys::Reflect::get(&js_sys::Reflect::get(&tiers, &"tiers".into()).unwrap(), &1.into()).unwrap();
    js_sys::Reflect::set(&tier, &"rate".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    let e: js_sys::Error = Chart::new(&obj, "en").err().unwrap().unchecked_into();
    let msg: String = e.message().into();
    assert_eq!(msg, "years[0].tiers[1].rate: expected a finite number, got NaN");
    // A cycle: the object contains itself.
    js_sys::Reflect::set(&tier, &"rate".into(), &tier).unwrap();
    let e: js_sys::Error = Chart::new(&obj, "en").err().unwrap().unchecked_into();
    let msg: String = e.message().into();
    assert!(msg.starts_with("years[0].tiers[1].rate.rate"), "{msg}");
}

#[wasm_bindgen_test]
fn hit_returns_the_point_under_the_pointer_in_reading_order() {
    let c = canvas();
    let mut chart = Chart::new(&JsValue::from_str(SEED), "zh-CN").unwrap();
    let out = chart.frame(&c, &settings("compare", "zh-CN", "light"), 640.0, 420.0, 2.0, true, true).unwrap();
    let out: serde_json::Value = serde_json::from_str(&out).unwrap();
    let l = expected(View::Compare, 2.0, Lang::Zh);
    let r = bars(&l, Ink::ReferenceTint)[0];
    let (x, y) = r.center();
    let i = chart.hit(x as f64 / 2.0, y as f64 / 2.0);
    assert_eq!(i, 1, "region, then reference, in reading order");
    let p = &out["points"][i as usize];
    assert_eq!(p["heading"], "一本线 · 山西省 · 2019年");
    assert_eq!(p["value"], "14.8%");
    assert!(p["lines"].as_array().unwrap().iter().any(|l| l.as_str().unwrap().contains("15.5 − 0.7 = 14.8")), "{p}");
    let b = &out["boxes"][i as usize];
    let inside = |k: usize| b[k].as_i64().unwrap();
    assert!(inside(0) <= x as i64 && x as i64 <= inside(2) && inside(1) <= y as i64 && y as i64 <= inside(3));
    assert_eq!(chart.hit(1.0, 1.0), -1);
}

/// The bytes of a CSV saved by Excel or WPS on Chinese Windows (GB18030/GBK) draw the same
/// chart as its UTF-8 text; bytes that are no text at all are an error, not "������".
#[wasm_bindgen_test]
fn spreadsheet_bytes_in_gbk_load_like_utf8() {
    // 运城 is D4CB B3C7 and 山西 C9BD CEF7 in GBK.
    let gbk: &[u8] = b"title,region,reference,year,tier,area,rate\n\xd4\xcb\xb3\xc7,\xd4\xcb\xb3\xc7,\xc9\xbd\xce\xf7,2019,T1,\xd4\xcb\xb3\xc7,15.5\n";
    let chart = Chart::new(&js_sys::Uint8Array::from(gbk).into(), "zh-CN").unwrap();
    assert_eq!(chart.regions(), "运城");
    let bad: &[u8] = b"title,area\n\x80\xff\xfe";
    let e: js_sys::Error = Chart::new(&js_sys::Uint8Array::from(bad).into(), "en").err().unwrap().unchecked_into();
    let msg: String = e.message().into();
    assert!(msg.starts_with("line 2: expected text in UTF-8"), "the line of the first undecodable byte: {msg}");
}

/// Every kind of JS value a page might pass inside a dataset object, and what each becomes:
/// the message a reader is shown, or `ok`.
#[wasm_bindgen_test]
fn every_kind_of_js_value_is_read_or_named() {
    let cases = js_sys::Function::new_with_args(
        "seed",
        r#"
        const d = (f) => { const x = JSON.parse(seed); f(x); return x; };
        const rate = (v) => d((x) => { x.years[0].tiers[1].rate = v; });
        const candidates = (v) => d((x) => { x.years[0].candidates = v; });
        return [
          JSON.parse(seed),
          new Map(Object.entries(JSON.parse(seed))),
          candidates(10n),
          candidates(2n ** 63n),
          candidates(2n ** 70n),
          candidates(-(2n ** 70n)),
          rate(2 ** 53 + 2),
          rate(1e21),
          rate(-0),
          rate(undefined),
          rate(null),
          rate(true),
          rate([1, 'a', null, true]),
          rate(new Uint8Array([1])),
          rate(new ArrayBuffer(2)),
          rate(new Float64Array([1])),
          rate(() => 1),
          rate(Symbol('x')),
          rate(new Set([1])),
          rate(new Map([[1, 2]])),
          rate(new Map([['a', 1]])),
          rate({ [Symbol.iterator]: 5 }),
          rate(new Date(0)),
          rate(new Number(5)),
          rate(Infinity),
          rate(-Infinity),
        ];
        "#,
    );
    let cases: js_sys::Array = cases.call1(&JsValue::NULL, &JsValue::from_str(SEED)).unwrap().unchecked_into();
    let got: Vec<String> = cases
        .iter()
        .map(|c| match Chart::new(&c, "en") {
            Ok(_) => "ok".to_string(),
            Err(e) => e.unchecked_into::<js_sys::Error>().message().into(),
        })
        .collect();
    let expected = [
        // a plain object
        "ok",
        // a Map
        "ok",
        // the BigInt 10n
        "years[0].tiers[0].passed: expected at most the 10 candidates, got 5872",
        // 2n ** 63n, past i64
        "years[0].candidates: expected a whole number of people, 1 or more, got 9223372036854775807",
        // 2n ** 70n
        "years[0].candidates: expected JSON data (a string, number, boolean, array or object), got a function or symbol",
        // -(2n ** 70n)
        "years[0].candidates: expected JSON data (a string, number, boolean, array or object), got a function or symbol",
        // 2 ** 53 + 2
        "years[0].tiers[1].rate: expected a percentage between 0 and 100, got 9007199254740994",
        // 1e21
        "years[0].tiers[1].rate: expected a percentage between 0 and 100, got 9223372036854775807",
        // -0
        "years[0].tiers[1].vs_reference_pp: with a rate of 0.00 % this difference implies a reference rate of −3.40 %, outside 0–100; check its sign and the rate",
        // undefined
        "ok",
        // null
        "ok",
        // true
        "years[0].tiers[1].rate: expected a percentage between 0 and 100, got true",
        // an array
        "years[0].tiers[1].rate: expected a percentage between 0 and 100, got an array",
        // a Uint8Array
        "years[0].tiers[1].rate: expected JSON data (a string, number, boolean, array or object), got binary data",
        // an ArrayBuffer
        "years[0].tiers[1].rate: expected JSON data (a string, number, boolean, array or object), got binary data",
        // a Float64Array
        "years[0].tiers[1].rate: expected JSON data (a string, number, boolean, array or object), got a function or symbol",
        // a function
        "years[0].tiers[1].rate: expected JSON data (a string, number, boolean, array or object), got a function or symbol",
        // a symbol
        "years[0].tiers[1].rate: expected JSON data (a string, number, boolean, array or object), got a function or symbol",
        // a Set
        "years[0].tiers[1].rate: expected JSON data (a string, number, boolean, array or object), got a function or symbol",
        // a Map with a number key
        "years[0].tiers[1].rate: expected JSON data (a string, number, boolean, array or object), got a function or symbol",
        // a Map with a string key
        "years[0].tiers[1].rate: expected a percentage between 0 and 100, got an object",
        // an object with Symbol.iterator
        "years[0].tiers[1].rate: expected JSON data (a string, number, boolean, array or object), got a function or symbol",
        // a Date
        "years[0].tiers[1].rate: expected a percentage between 0 and 100, got an object",
        // a Number object
        "years[0].tiers[1].rate: expected a percentage between 0 and 100, got an object",
        // Infinity
        "years[0].tiers[1].rate: expected a finite number, got Infinity",
        // -Infinity
        "years[0].tiers[1].rate: expected a finite number, got -Infinity",
    ];
    assert_eq!(got, expected);
}
