//! Numbers at the precision they were written, on every surface: JSON text, CSV cells as
//! Excel's cell formats write them (`18.70%`, `48.60`), strings, and bare JS numbers (which
//! keep no written form and take their field's precision). For each case, every figure as
//! the chart prints it with its provenance word, and every footnote in both languages, in
//! one golden file (`tests/golden/text/precision.txt`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use passrate_chart::describe::{page, points};
use passrate_chart::json::Value;
use passrate_chart::layout::{layout, Options, Shown, View};
use passrate_chart::load;
use passrate_chart::words::Lang;

/// A JSON value with every number a bare float, as a JS object reaches the loader
/// (`14.0` arrives as 14).
fn as_js(v: Value) -> Value {
    match v {
        Value::Number(n) => Value::Float(passrate_chart::format::read_decimal(&n, false).unwrap().value),
        Value::Array(a) => Value::Array(a.into_iter().map(as_js).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, as_js(v))).collect()),
        v => v,
    }
}

const CSV_HEAD: &str =
    "title,region,reference,year,tier,area,candidates,passed,rate,vs_reference_pp,vs_previous_year_pp";

fn cases() -> Vec<(&'static str, load::Dataset)> {
    let json = |t: &str| load::from_json(t).unwrap();
    let js = |t: &str| load::from_value(&as_js(passrate_chart::json::parse(t).unwrap())).unwrap();
    let csv = |rows: &str| load::from_csv(&format!("{CSV_HEAD}\n{rows}")).unwrap();
    let one = |tiers: &str| {
        format!(
            r#"{{"title":"T","region":"泽川市","reference":"全省","years":[{{"year":2024,"candidates":42318,"tiers":[{tiers}]}}]}}"#
        )
    };
    vec![
        (
            "JSON text: 18.0 beside 48.6, counts that give 18.68",
            json(&one(r#"{"tier":"一本线","passed":7906,"rate":18.0,"vs_reference_pp":2.3},{"tier":"二本线","rate":48.6,"vs_reference_pp":3.4}"#)),
        ),
        (
            "JS numbers: the same (18.0 arrives as 18, and takes its field's one decimal)",
            js(&one(r#"{"tier":"一本线","passed":7906,"rate":18.0,"vs_reference_pp":2.3},{"tier":"二本线","rate":48.6,"vs_reference_pp":3.4}"#)),
        ),
        (
            "JS numbers: every rate whole (14 and 50), the gaps to one decimal",
            js(&one(r#"{"tier":"一本线","rate":14,"vs_reference_pp":0.8},{"tier":"二本线","rate":50,"vs_reference_pp":1.5}"#)),
        ),
        (
            "CSV from Excel's 0.00% format: 18.70% beside counts that give 18.68 (no contradiction)",
            csv("T,泽川市,全省,2024,一本线,泽川市,\"42,318\",\"7,906\",18.70%,2.30,0.70\n,,,2024,二本线,泽川市,\"42,318\",\"21,455\",50.70%,4.60,-0.40"),
        ),
        (
            "CSV from Excel's 0.00 format on a rate that counts contradict",
            csv("T,泽川市,全省,2024,一本线,泽川市,36192,5872,15.50,0.70,0.40\n,,,2024,二本线,泽川市,36192,17579,48.60,3.40,1.70"),
        ),
        (
            "strings as a report writes them",
            json(&one(r#"{"tier":"一本线","passed":"7,906人","rate":"１８．７％","vs_reference_pp":"+2.3"}"#)),
        ),
        ("the seed: 15.5 against 5,872 of 36,192", load::from_text(&common::fixture_text("seed.json")).unwrap()),
    ]
}

#[test]
fn golden_precision() {
    let mut doc = String::new();
    for (name, ds) in cases() {
        doc.push_str(&format!("==== {name} ====\n"));
        for lang in [Lang::Zh, Lang::En] {
            let model = passrate_chart::model::build_in(&ds, lang);
            let scene = layout(&model, View::Compare, &Options { lang, ..Options::default() });
            for p in points(&model, &scene, lang) {
                doc.push_str(&format!("point: {}\n", p.spoken));
            }
            let text = page(&model, View::Compare, lang, Shown::default());
            for row in &text.table.rows {
                let cells: Vec<String> = row
                    .iter()
                    .map(|c| if c.origin.is_empty() { c.text.clone() } else { format!("{} ({})", c.text, c.origin) })
                    .collect();
                doc.push_str(&format!("row: {}\n", cells.join(" | ")));
            }
            for n in &text.notes {
                doc.push_str(&format!("note: {n}\n"));
            }
            doc.push_str(&format!("summary: {}\n", text.summary));
        }
    }
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/text/precision.txt");
    if let Err(e) = common::check_exact(&path, &doc) {
        panic!("{e}\nIf the new words are right, accept them with: UPDATE_GOLDEN=1 cargo test --test precision");
    }
}
