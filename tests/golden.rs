//! Golden SVG snapshots: one file per chart under `tests/golden/views/`.
//!
//! Numbers are normalised (rounded to one decimal) before comparing, so a change in the
//! 10th decimal of a font size does not fail the test. On a mismatch the new rendering is
//! written beside the golden as `<name>-changed.svg`; open both, and if the new one is
//! right, accept every change with:
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test --test golden
//! ```
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;

use passrate_chart::layout::Options;
use passrate_chart::render::{svg, Theme};
use passrate_chart::views::{layout, View};
use passrate_chart::words::Lang;

struct Case {
    name: String,
    fixture: &'static str,
    /// The region `highlight` names, if any.
    highlight: Option<&'static str>,
    view: View,
    opts: Options,
    dark: bool,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for fixture in common::FIXTURES {
        for view in [View::Compare, View::Change] {
            let stem = fixture.trim_end_matches(".json");
            out.push(Case {
                name: format!("{stem}-{}", view.name()),
                fixture,
                highlight: None,
                view,
                opts: Options::default(),
                dark: false,
            });
        }
    }
    for (name, opts) in [
        ("multi-year-trend", Options::default()),
        ("multi-year-trend-en", Options { lang: Lang::En, ..Options::default() }),
        ("multi-year-trend-320", Options { width: 320.0, height: 560.0, ..Options::default() }),
        // A page's height that just holds both panels: a page takes every panel that fits.
        ("multi-year-trend-480", Options { height: 480.0, max_height: 480.0, ..Options::default() }),
    ] {
        out.push(Case {
            name: name.to_string(),
            fixture: "multi-year.json",
            highlight: None,
            view: View::Trend,
            opts,
            dark: false,
        });
    }
    for view in [View::Compare, View::Change] {
        let en = Options { lang: Lang::En, ..Options::default() };
        out.push(Case {
            name: format!("seed-{}-en", view.name()),
            fixture: "seed.json",
            highlight: None,
            view,
            opts: en,
            dark: false,
        });
        let narrow = Options { width: 320.0, height: 480.0, ..Options::default() };
        out.push(Case {
            name: format!("seed-{}-320", view.name()),
            fixture: "seed.json",
            highlight: None,
            view,
            opts: narrow,
            dark: false,
        });
        let narrow5 = Options { width: 320.0, height: 520.0, ..Options::default() };
        out.push(Case {
            name: format!("five-tiers-{}-320", view.name()),
            fixture: "five-tiers.json",
            highlight: None,
            view,
            opts: narrow5,
            dark: false,
        });
    }
    for (fixture, view) in [("seed.json", View::Compare), ("seed.json", View::Change), ("multi-year.json", View::Trend)]
    {
        let stem = fixture.trim_end_matches(".json");
        let name = format!("{stem}-{}-dark", view.name());
        out.push(Case { name, fixture, highlight: None, view, opts: Options::default(), dark: true });
    }
    // The cities view: the example province with its highlighted city, in both languages, on a
    // phone and dark; two cities; thirty areas with long names, at desktop and phone width.
    let en = Options { lang: Lang::En, ..Options::default() };
    let narrow = Options { width: 320.0, height: 560.0, ..Options::default() };
    for (name, fixture, highlight, opts, dark) in [
        ("cities", "cities.csv", Some("丙市"), Options::default(), false),
        ("cities-en", "cities.csv", Some("丙市"), en, false),
        ("cities-320", "cities.csv", Some("丙市"), narrow, false),
        ("cities-320-en", "cities.csv", None, Options { lang: Lang::En, ..narrow }, false),
        ("cities-dark", "cities.csv", Some("丙市"), Options::default(), true),
        ("cities-2", "cities-2.csv", None, Options::default(), false),
        ("cities-30", "cities-30.csv", Some("北原各族自治州"), Options::default(), false),
        ("cities-30-320-en", "cities-30.csv", None, Options { lang: Lang::En, ..narrow }, false),
        // Rows as tall as a given height allows; a city without a figure, its heads wrapped.
        ("cities-tall", "cities.csv", None, Options { height: 1400.0, ..Options::default() }, false),
        ("cities-missing-320-en", "text/cities-missing.csv", None, Options { lang: Lang::En, ..narrow }, false),
    ] {
        out.push(Case { name: name.to_string(), fixture, highlight, view: View::Cities, opts, dark });
    }
    // A trend whose last year's two values nearly meet: their end labels pushed apart.
    for (name, width) in [("trend-below-trend", 800.0), ("trend-below-trend-320", 320.0)] {
        out.push(Case {
            name: name.to_string(),
            fixture: "text/trend-below.json",
            highlight: None,
            view: View::Trend,
            opts: Options { width, ..Options::default() },
            dark: false,
        });
    }
    // Forty tiers: the change view's compact rows.
    out.push(Case {
        name: "dense-change".to_string(),
        fixture: "text/dense.json",
        highlight: None,
        view: View::Change,
        opts: Options::default(),
        dark: false,
    });
    // A change of exactly zero beside a rise: its diamond as tall as the rise's bar; and the
    // change view's rows given more height than they need, their lines centred in each band.
    for (name, fixture, height) in
        [("zero-change", "text/zero-change.json", 0.0), ("seed-change-tall", "seed.json", 900.0)]
    {
        out.push(Case {
            name: name.to_string(),
            fixture,
            highlight: None,
            view: View::Change,
            opts: Options { height, ..Options::default() },
            dark: false,
        });
    }
    // The other views on many-region data show the highlighted city.
    for view in [View::Compare, View::Change] {
        out.push(Case {
            name: format!("cities-{}", view.name()),
            fixture: "cities.csv",
            highlight: Some("丙市"),
            view,
            opts: Options::default(),
            dark: false,
        });
    }
    out
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/views")
}

#[test]
fn golden_svgs() {
    let dir = golden_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    for case in cases() {
        let model = common::fixture_in(case.fixture, case.opts.lang, case.highlight);
        let chart = layout(&model, case.view, &case.opts);
        let theme = if case.dark { Theme::dark() } else { Theme::light() };
        let doc = svg(&chart, &theme, &model.title);
        // No float noise in the attributes (13 written as 13.000000000000002).
        assert!(!float_noise(&doc), "{}: an attribute with float noise", case.name);
        if let Err(e) = common::check_golden(&dir.join(format!("{}.svg", case.name)), &doc) {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nIf the new renderings are right, accept them with: UPDATE_GOLDEN=1 cargo test --test golden",
        failures.join("\n")
    );
}

/// The words around each chart, as the page shows them (title, legend, notes, source,
/// summary, table, every point's tooltip and spoken line, the controls' labels): one file per
/// fixture and language under `tests/golden/text/`, every view the data supports. Compared
/// exactly (no number rounding); accepted the same way as the SVGs.
#[test]
fn golden_page_text() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/text");
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    let mut cases: Vec<(String, &str, Option<String>)> =
        common::FIXTURES.iter().map(|f| (f.trim_end_matches(".json").to_string(), *f, None)).collect();
    for f in common::CITY_FIXTURES {
        let stem = f.trim_end_matches(".csv");
        cases.push((stem.to_string(), f, None));
        // Another region highlighted: the cities view's sentences about it (not for the thirty
        // areas, whose text is long and says nothing the others do not).
        if *f != "cities-30.csv" {
            let ds = passrate_chart::load::from_text(&common::fixture_text(f)).unwrap();
            cases.push((format!("{stem}-highlighted"), f, Some(ds.regions[1].name.text.clone())));
        }
    }
    // Data made for words that only rare data brings out: quotes from a report, forty tiers (the
    // dense compare view's note), a region below its reference in the latest year of a trend.
    // And a city without a figure for one tier.
    for f in ["text/quotes.json", "text/dense.json", "text/trend-below.json", "text/cities-missing.csv"] {
        let stem = f.trim_start_matches("text/").trim_end_matches(".json").trim_end_matches(".csv");
        cases.push((stem.to_string(), f, None));
    }
    for (stem, fixture, highlight) in cases {
        for lang in [Lang::Zh, Lang::En] {
            let model = common::fixture_in(fixture, lang, highlight.as_deref());
            let mut doc = String::new();
            for view in View::all_for(&model) {
                let scene = layout(&model, view, &Options { lang, ..Options::default() });
                doc.push_str(&format!("==== {} ====\n", view.name()));
                let page = passrate_chart::describe::page(&model, view, lang, Default::default());
                let table = passrate_chart::describe::table(&model, view, lang);
                doc.push_str(&page_text(&page, &table, &passrate_chart::describe::points(&model, &scene, lang)));
                // The words drawn on the canvas, at desktop width, on a phone and at the narrowest (where some
                // labels take a shorter form).
                for width in [800.0, 320.0, 240.0] {
                    let drawn = layout(&model, view, &Options { lang, width, furniture: true, ..Options::default() });
                    let words: Vec<&str> = drawn
                        .marks
                        .iter()
                        .filter_map(|m| match m {
                            passrate_chart::layout::Mark::Text(l) => Some(l.text.as_str()),
                            _ => None,
                        })
                        .collect();
                    doc.push_str(&format!("canvas at {width} px: {}\n", words.join(" | ")));
                }
            }
            let path = dir.join(format!("{stem}-{}.txt", if lang == Lang::En { "en" } else { "zh" }));
            if let Err(e) = common::check_exact(&path, &doc) {
                failures.push(e);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nIf the new words are right, accept them with: UPDATE_GOLDEN=1 cargo test --test golden",
        failures.join("\n")
    );
}

/// A page text one item a line: title, views, legend, notes, source, summary, the table's
/// caption, columns, rows, derivations and notes, each point, the controls' words.
fn page_text(
    t: &passrate_chart::describe::PageText,
    table: &passrate_chart::describe::Table,
    points: &[passrate_chart::describe::PointText],
) -> String {
    let mut out = String::new();
    let mut line = |k: &str, v: String| out.push_str(&format!("{k}: {v}\n"));
    line("title", t.title.clone());
    line("subtitle", t.subtitle.clone());
    line("views", format!("{:?}", t.views));
    for l in &t.legend {
        line("legend", format!("{:?}", l));
    }
    for n in &t.notes {
        line("note", n.clone());
    }
    line("source", t.source.clone());
    if let Some(u) = &t.source_url {
        line("source url", u.clone());
    }
    line("summary", t.summary.clone());
    line("table", table.caption.clone());
    line("columns", table.columns.join(" | "));
    for r in &table.rows {
        line("row", format!("{:?}", r));
    }
    for d in &table.derivations {
        line("derivation", d.clone());
    }
    for n in &table.notes {
        line("table note", n.clone());
    }
    for p in points {
        line("point", format!("{:?}", p));
    }
    line("ui", format!("{:?}", t.ui));
    out
}

/// Whether an attribute value of `svg` has a number with more than four decimals.
fn float_noise(svg: &str) -> bool {
    svg.split('"').skip(1).step_by(2).any(|v| {
        v.split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .any(|n| n.split_once('.').is_some_and(|(_, d)| d.len() > 4))
    })
}

#[test]
fn float_noise_is_found() {
    assert!(float_noise(r#"<text font-size="13.000000000000002">"#));
    assert!(!float_noise(r#"<text font-size="13" x="12.5">14.000000001</text>"#));
}

#[test]
fn normalise_rounds_only_decimals() {
    assert_eq!(common::normalise("x=\"12\" font-size=\"14.516129032258064\""), "x=\"12\" font-size=\"14.5\"");
    assert_eq!(common::normalise("a 2019-08-14 b"), "a 2019-08-14 b");
}
