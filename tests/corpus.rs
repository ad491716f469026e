//! The bad-input corpus (`tests/corpus/bad-inputs.json`, written by `tests/corpus/make.mjs`):
//! every case is rejected with the expected kind of error at the expected field path, and
//! never panics. Valid but unusual Unicode loads and lays out.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use passrate_chart::layout::{Mark, Options, Series};
use passrate_chart::load::{from_csv, from_json, from_text};
use passrate_chart::views::{layout, View};
use passrate_chart::words::Lang;
use passrate_chart::ErrorKind;
use serde_json::Value;

const SEED: &str = include_str!("../www/data/yuncheng-2019.json");

/// Builds the large inputs the corpus describes by recipe (shared with the browser runner).
fn generate(recipe: &Value) -> String {
    let seed: Value = serde_json::from_str(SEED).unwrap();
    if let Some(n) = recipe["deep"].as_u64() {
        return format!("{{\"title\":{}{}}}", "[".repeat(n as usize), "]".repeat(n as usize));
    }
    if let Some(mb) = recipe["long_title_mb"].as_u64() {
        let mut d = seed;
        d["title"] = Value::String("a".repeat(mb as usize * 1024 * 1024));
        return d.to_string();
    }
    if let Some(n) = recipe["tiers"].as_u64() {
        let mut d = seed;
        let tiers: Vec<Value> = (0..n).map(|i| serde_json::json!({"tier": format!("T{i}"), "rate": 10.0})).collect();
        d["years"][0]["tiers"] = Value::Array(tiers);
        return d.to_string();
    }
    if let Some(n) = recipe["years"].as_u64() {
        let mut d = seed;
        let years: Vec<Value> =
            (0..n).map(|i| serde_json::json!({"year": 1950 + i, "tiers": [{"tier": "T", "rate": 10.0}]})).collect();
        d["years"] = Value::Array(years);
        return d.to_string();
    }
    if let Some(g) = recipe["grid"].as_array() {
        let n: Vec<u64> = g.iter().map(|v| v.as_u64().unwrap()).collect();
        let regions: Vec<Value> = (0..n[0])
            .map(|r| {
                let years: Vec<Value> = (0..n[1])
                    .map(|y| {
                        let tiers: Vec<Value> =
                            (0..n[2]).map(|t| serde_json::json!({"tier": format!("T{t}"), "rate": 10.0})).collect();
                        serde_json::json!({"year": 1990 + y, "tiers": tiers})
                    })
                    .collect();
                serde_json::json!({"region": format!("R{r}"), "years": years})
            })
            .collect();
        return serde_json::json!({"version": 2, "title": "T", "reference": "P", "regions": regions}).to_string();
    }
    if let Some(n) = recipe["values"].as_u64() {
        return format!("{{\"title\":[{}]}}", vec!["0"; n as usize].join(","));
    }
    panic!("unknown recipe {recipe}");
}

fn kind_name(k: &ErrorKind) -> &'static str {
    k.class()
}

/// Records in `failures` how `result` differs from an error of `kind` at `path` (or under it,
/// with `prefix`), whose message leads with its path and stays short.
fn check(
    failures: &mut Vec<String>,
    name: &str,
    result: Result<passrate_chart::load::Dataset, passrate_chart::Error>,
    kind: &str,
    path: &str,
    prefix: bool,
) {
    match result {
        Ok(_) => failures.push(format!("{name}: accepted")),
        Err(e) => {
            let path_ok = if prefix { e.path.starts_with(path) } else { e.path == path };
            if !path_ok || kind_name(&e.kind) != kind {
                failures.push(format!("{name}: got {} error \"{e}\", want {kind} at {path}", kind_name(&e.kind)));
            }
            let msg = e.to_string();
            if !msg.starts_with(&e.path.text()) || msg.len() > 700 {
                failures.push(format!(
                    "{name}: message does not lead with its path or is too long: {}",
                    &msg[..msg.len().min(200)]
                ));
            }
        }
    }
}

#[test]
fn every_bad_input_is_rejected_at_its_field() {
    let corpus: Vec<Value> = serde_json::from_str(include_str!("corpus/bad-inputs.json")).unwrap();
    assert!(corpus.len() >= 150, "{} cases", corpus.len());
    let mut failures = Vec::new();
    for case in &corpus {
        let name = case["name"].as_str().unwrap();
        let input = match case["input"].as_str() {
            Some(s) => s.to_string(),
            None => generate(&case["generate"]),
        };
        let result = match case["format"].as_str().unwrap() {
            "csv" => from_csv(&input),
            _ => from_json(&input),
        };
        let want_path = case["path"].as_str().unwrap();
        let prefix = case["prefix"].as_bool().unwrap_or(false);
        check(&mut failures, name, result, case["kind"].as_str().unwrap(), want_path, prefix);
        // Read as text without a format (load::from_text; the widget reads text so): the same
        // error, or, where the text is read as the other format, exactly the one `text` names.
        let as_text = from_text(&input);
        match case.get("text") {
            Some(t) => check(
                &mut failures,
                &format!("{name} (as text)"),
                as_text,
                t["kind"].as_str().unwrap(),
                t["path"].as_str().unwrap(),
                false,
            ),
            None => check(
                &mut failures,
                &format!("{name} (as text)"),
                as_text,
                case["kind"].as_str().unwrap(),
                want_path,
                prefix,
            ),
        }
    }
    assert!(failures.is_empty(), "{} of {} cases wrong:\n{}", failures.len(), corpus.len(), failures.join("\n"));
}

/// Every corpus case's message in both languages, as the editor reads it: golden files
/// `tests/golden/text/errors-{en,zh}.txt`, one case a line (`UPDATE_GOLDEN=1` accepts).
#[test]
fn golden_error_messages() {
    let corpus: Vec<Value> = serde_json::from_str(include_str!("corpus/bad-inputs.json")).unwrap();
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/text");
    let mut failures = Vec::new();
    for (lang, file) in [(Lang::En, "errors-en.txt"), (Lang::Zh, "errors-zh.txt")] {
        let mut doc = String::new();
        for case in &corpus {
            let input = match case["input"].as_str() {
                Some(s) => s.to_string(),
                None => generate(&case["generate"]),
            };
            let result = match case["format"].as_str().unwrap() {
                "csv" => from_csv(&input),
                _ => from_json(&input),
            };
            let msg = result.err().map_or("(accepted)".to_string(), |e| e.message(lang));
            doc.push_str(&format!("{}: {}\n", case["name"].as_str().unwrap(), msg.replace('\n', "\\n")));
        }
        if let Err(e) = common::check_exact(&dir.join(file), &doc) {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nIf the new messages are right: UPDATE_GOLDEN=1 cargo test --test corpus",
        failures.join("\n")
    );
}

/// Whether `name` is among `labels`: whole, or wrapped over consecutive labels, the last of
/// which may be cut with an ellipsis ("مدينة", "الاخت…").
fn drawn(labels: &[&str], name: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let whole = squeeze(name);
    (0..labels.len()).any(|i| {
        let mut acc = String::new();
        labels[i..].iter().take(3).any(|l| {
            acc.push_str(&squeeze(l));
            match acc.strip_suffix('…') {
                Some(cut) => cut.chars().count() >= 2 && whole.starts_with(cut),
                None => acc == whole,
            }
        })
    })
}

/// Right-to-left text, emoji, combining marks and joiners inside names are data, not errors.
#[test]
fn unusual_unicode_in_names_loads_and_lays_out() {
    let names = ["مدينة الاختبار", "🎓 一本线", "e\u{301}cole", "甲\u{200d}乙", "שורה"];
    for name in names {
        let text =
            SEED.replace("\"一本线\"", &serde_json::to_string(name).unwrap()).replace("运城市\"", &format!("{name}\""));
        let m = passrate_chart::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(m.current().tiers[0].name, name);
        for view in [View::Compare, View::Change] {
            let l = layout(&m, view, &Options { width: 320.0, ..Options::default() });
            assert_eq!(l.width, 320, "{name} {view:?}");
            // The name is drawn as the first tier's label (wrapped or shortened on a phone), and heads the tooltips of the
            // region's points in that tier (tier · region · year).
            let labels: Vec<&str> = l
                .marks
                .iter()
                .filter_map(|m| if let Mark::Text(t) = m { Some(t.text.as_str()) } else { None })
                .collect();
            assert!(drawn(&labels, name), "{name} {view:?}: not drawn in {labels:?}");
            let points = passrate_chart::describe::points(&m, &l, Lang::Zh);
            let first: Vec<&str> = points
                .iter()
                .filter(|p| p.tier == 0 && matches!(p.series, Series::Region | Series::Previous))
                .map(|p| p.heading.as_str())
                .collect();
            assert!(!first.is_empty(), "{name} {view:?}: no point of the region in the first tier");
            for heading in first {
                assert!(heading.starts_with(&format!("{name} · {name} · ")), "{name} {view:?}: {heading:?}");
            }
        }
    }
}
