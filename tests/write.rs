//! `load::to_json`: every dataset the project ships, JSON or CSV, written and read back equal.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use passrate_chart::load::{self, Dataset, Place};

/// Every data file of `tests/fixtures/` and `www/data/`.
fn data_files() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/fixtures", "www/data"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if matches!(path.extension().and_then(|e| e.to_str()), Some("json" | "csv")) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The dataset without where each item sat in its input (a CSV line, a JSON path), which
/// says nothing about the data.
fn without_places(mut ds: Dataset) -> Dataset {
    for r in &mut ds.regions {
        r.place = Place::Json(String::new());
        for y in &mut r.years {
            y.place = Place::Json(String::new());
            for t in &mut y.tiers {
                t.place = Place::Json(String::new());
            }
        }
    }
    ds
}

#[test]
fn every_fixture_round_trips() {
    let files = data_files();
    assert!(files.len() >= 10, "{files:?}");
    for path in files {
        let name = path.display().to_string();
        let (text, _) = load::decode(&std::fs::read(&path).unwrap()).unwrap();
        let ds = load::from_text(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let json = load::to_json(&ds);
        let back = load::from_json(&json).unwrap_or_else(|e| panic!("{name}: {e}\n{json}"));
        assert_eq!(without_places(back.clone()), without_places(ds.clone()), "{name}\n{json}");
        if name.ends_with(".json") {
            // Same layout, so the places agree too.
            assert_eq!(back, ds, "{name}");
        }
        assert_eq!(load::to_json(&back), json, "{name}: the text is a fixed point");
        assert_eq!(passrate_chart::model::build(&back), passrate_chart::model::build(&ds), "{name}: the same chart");
    }
}

#[test]
fn several_regions_names_and_reference_years() {
    let text = r#"{ "version": 2, "title": {"zh-CN": "三市对比", "en": "Three cities"},
      "reference": {"zh-CN": "山西省", "en": "Shanxi"},
      "source": {"name": "示例", "date": "2024-07-01", "url": "https://example.org/a?b=1&c=\"2\""},
      "regions": [
        {"region": {"zh-CN": "甲市", "en": "City A"}, "years": [{"year": 2024, "tiers": [{"tier": "一本线", "rate": 20.10}]}]},
        {"region": "乙市", "years": [{"year": 2024, "candidates": 800, "tiers": [
          {"tier": {"zh-CN": "一本线", "en": "Tier 1"}, "passed": 120, "vs_previous_year_pp": 0}]}]}
      ],
      "reference_years": [{"year": 2024, "tiers": [{"tier": "一本线", "rate": 18.0, "quotes": {"rate": "全省18.0%"}}]}] }"#;
    let ds = load::from_json(text).unwrap();
    let json = load::to_json(&ds);
    assert!(json.contains("\"regions\": ["), "{json}");
    assert!(json.contains("\"rate\":20.10"), "{json}");
    assert!(json.contains("\"reference_rate\":18.0"), "{json}");
    let back = load::from_json(&json).unwrap();
    assert_eq!(back, ds);
}
