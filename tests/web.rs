//! The views drawn on a real `<canvas>` in headless Chromium, checked pixel by pixel against
//! the layout: the bar colour where a bar must be, the background where nothing is.
//!
//! Run by `npm test`, or:
//! `CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --target wasm32-unknown-unknown --test web`
#![cfg(target_arch = "wasm32")]

use passrate_chart::format::Lang;
use passrate_chart::layout::{layout, Ink, Layout, Mark, Options, Rect, View};
use passrate_chart::render::{Rgb, Theme};
use passrate_chart::web::Chart;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../www/data/yuncheng-2019.json");
const SEED_CSV: &str = include_str!("../www/data/yuncheng-2019.csv");

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

fn near(a: Rgb, b: Rgb) -> bool {
    let d = |x: u8, y: u8| (x as i32 - y as i32).abs();
    d(a.0, b.0) <= 3 && d(a.1, b.1) <= 3 && d(a.2, b.2) <= 3
}

/// The same layout the chart drew, computed here from the same data.
fn expected(view: View, dpr: f64, lang: Lang) -> Layout {
    let model = passrate_chart::parse(SEED).unwrap();
    layout(&model, view, &Options { width: 640.0, height: 420.0, dpr, lang, ..Options::default() })
}

fn draw(view: &str, dpr: f64, theme: &str) -> HtmlCanvasElement {
    let c = canvas();
    let mut chart = Chart::new(&JsValue::from_str(SEED)).unwrap();
    chart.set_view(view).unwrap();
    chart.set_theme(theme).unwrap();
    chart.draw(&c, 640.0, 420.0, dpr).unwrap();
    c
}

/// Fills of the data marks (bars), in the plot area.
fn bars(l: &Layout, ink: Ink) -> Vec<Rect> {
    l.marks
        .iter()
        .filter_map(|m| match m {
            Mark::Fill { rect, ink: i } if *i == ink && rect.y0 >= l.plot.y0 => Some(*rect),
            _ => None,
        })
        .collect()
}

/// A point in the plot with nothing on it: between the tier groups, between two grid lines.
fn empty_point(l: &Layout) -> (i32, i32) {
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
fn compare_view_paints_bars_where_the_layout_puts_them() {
    let theme = Theme::light();
    for dpr in [1.0, 2.0] {
        let c = draw("compare", dpr, "light");
        let l = expected(View::Compare, dpr, Lang::Zh);
        assert_eq!((c.width(), c.height()), (l.width, l.height), "backing store at dpr {dpr}");
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
                line += (p.2 as i32 > p.0 as i32 + 60) as i32;
            }
            assert!(tint > 0 && line > 0, "hatched bar {r:?}: {tint} tint, {line} line pixels");
        }
        let (x, y) = empty_point(&l);
        assert!(near(pixel(&c, x, y), theme.background), "empty plot at {x},{y}: {:?}", pixel(&c, x, y));
        assert!(near(pixel(&c, l.width as i32 - 2, l.height as i32 - 2), theme.background));
    }
}

#[wasm_bindgen_test]
fn change_view_paints_dots() {
    let theme = Theme::light();
    let c = draw("change", 2.0, "light");
    let l = expected(View::Change, 2.0, Lang::Zh);
    let mut filled = 0;
    let mut hollow = 0;
    for m in &l.marks {
        if let Mark::Dot { center, radius, ink, hollow: h, width } = m {
            if center.1 < l.plot.y0 {
                continue; // legend swatch
            }
            let want = theme.ink(*ink);
            if *h {
                // A ring: background inside, the ink on the ring.
                assert!(near(pixel(&c, center.0, center.1), theme.background) || *ink == Ink::Previous);
                let ring = pixel(&c, center.0 - *radius as i32 + *width as i32 / 2, center.1);
                assert!(ring != theme.background, "ring of {center:?} not drawn");
                hollow += 1;
            } else {
                assert!(
                    near(pixel(&c, center.0, center.1), want),
                    "dot {center:?}: {:?}",
                    pixel(&c, center.0, center.1)
                );
                filled += 1;
            }
        }
    }
    assert_eq!((filled, hollow), (2, 2), "2019 stated (filled), 2018 derived (hollow)");
    let (x, y) = (l.plot.x0 + (l.plot.x1 - l.plot.x0) * 9 / 10, l.plot.y0 + 2);
    assert!(near(pixel(&c, x, y), theme.background), "{:?}", pixel(&c, x, y));
}

#[wasm_bindgen_test]
fn title_text_is_drawn() {
    let c = draw("compare", 2.0, "light");
    let l = expected(View::Compare, 2.0, Lang::Zh);
    let title = l.marks.iter().find_map(|m| if let Mark::Text(t) = m { Some(t.clone()) } else { None }).unwrap();
    let mut dark = 0;
    for x in (title.pos.0..title.pos.0 + 200).step_by(2) {
        for y in title.pos.1..title.pos.1 + title.size as i32 {
            let p = pixel(&c, x, y);
            dark += (p.0 < 100 && p.1 < 100 && p.2 < 100) as i32;
        }
    }
    assert!(dark > 50, "title looks empty ({dark} dark pixels)");
}

#[wasm_bindgen_test]
fn dark_theme_paints_a_dark_background() {
    let c = draw("compare", 1.0, "dark");
    let dark = Theme::dark();
    assert!(near(pixel(&c, 1, 1), dark.background));
    let l = expected(View::Compare, 1.0, Lang::Zh);
    let (x, y) = bars(&l, Ink::Region)[0].center();
    assert!(near(pixel(&c, x, y), dark.region));
}

#[wasm_bindgen_test]
fn csv_and_objects_load_too() {
    let c = canvas();
    let mut chart = Chart::new(&JsValue::from_str(SEED_CSV)).unwrap();
    chart.draw(&c, 640.0, 420.0, 1.0).unwrap();
    let obj = js_sys::JSON::parse(SEED).unwrap();
    let mut chart2 = Chart::new(&obj).unwrap();
    let c2 = canvas();
    chart2.draw(&c2, 640.0, 420.0, 1.0).unwrap();
    let l = expected(View::Compare, 1.0, Lang::Zh);
    for r in bars(&l, Ink::Region) {
        let (x, y) = r.center();
        assert_eq!(pixel(&c, x, y), pixel(&c2, x, y));
    }
    let d1: serde_json::Value = serde_json::from_str(&chart.describe()).unwrap();
    let d2: serde_json::Value = serde_json::from_str(&chart2.describe()).unwrap();
    assert_eq!(d1, d2);
    let note = d1["footnotes"][0].as_str().unwrap();
    assert!(note.contains("16.2%"), "{note}");
}

#[wasm_bindgen_test]
fn bad_data_is_an_error_naming_the_field() {
    let bad = SEED.replace("\"rate\": 48.6", "\"rate\": \"abc\"");
    let err = Chart::new(&JsValue::from_str(&bad)).err().expect("must fail");
    let e: js_sys::Error = JsValue::from(err).unchecked_into();
    let msg: String = e.message().into();
    assert!(msg.starts_with("years[0].tiers[1].rate: expected a percentage"), "{msg}");
    let mut chart = Chart::new(&JsValue::from_str(SEED)).unwrap();
    assert!(chart.set_view("pie").is_err());
    assert!(chart.update(&JsValue::from_f64(3.0)).is_err());
    // Still usable with its old data.
    assert!(chart.draw(&canvas(), 640.0, 420.0, 1.0).is_ok());
}

#[wasm_bindgen_test]
fn hit_returns_the_figure_under_the_pointer() {
    let c = canvas();
    let mut chart = Chart::new(&JsValue::from_str(SEED)).unwrap();
    chart.draw(&c, 640.0, 420.0, 2.0).unwrap();
    let l = expected(View::Compare, 2.0, Lang::Zh);
    let r = bars(&l, Ink::ReferenceTint)[0];
    let (x, y) = r.center();
    let i = chart.hit(x as f64 / 2.0, y as f64 / 2.0);
    assert!(i >= 0);
    let points: serde_json::Value = serde_json::from_str(&chart.points()).unwrap();
    let p = &points[i as usize];
    assert_eq!(p["heading"], "一本线 · 山西省 · 2019年");
    assert_eq!(p["value"], "14.8%");
    assert!(p["lines"].as_array().unwrap().iter().any(|l| l.as_str().unwrap().contains("15.5 − 0.7 = 14.8")), "{p}");
    assert_eq!(chart.hit(1.0, 1.0), -1);
}
