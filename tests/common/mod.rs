//! Fixtures shared by the native test files.
#![allow(dead_code)]

use std::path::PathBuf;

use passrate_chart::model::Model;
use passrate_chart::words::Lang;

/// The repository's top (where `package.json` is), for the tests of every crate of the
/// workspace: fixtures, goldens and the demo's data live there.
pub fn repo_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.ancestors().find(|p| p.join("package.json").is_file()).map(PathBuf::from).unwrap_or(here)
}

/// `seed.json` / `seed.csv`, `multi-year.json` and `cities.csv` are the demo's data
/// (`www/data/`); the rest live in `tests/fixtures/`.
pub fn fixture_path(name: &str) -> PathBuf {
    let root = repo_root();
    match name.strip_prefix("seed.") {
        Some(ext) => root.join("www/data").join(format!("yuncheng-2019.{ext}")),
        None if name == "multi-year.json" => root.join("www/data/example-multi-year.json"),
        None if name == "cities.csv" => root.join("www/data/example-cities.csv"),
        None => root.join("tests/fixtures").join(name),
    }
}

pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn fixture(name: &str) -> Model {
    passrate_chart::parse(&fixture_text(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every JSON fixture that must load cleanly.
pub const FIXTURES: &[&str] = &[
    "seed.json",
    "below.json",
    "fall.json",
    "one-tier.json",
    "five-tiers.json",
    "long-names.json",
    "no-previous.json",
    "conflicts.json",
    "multi-year.json",
];

/// Datasets of many regions against one reference, for the cities view: the demo's example
/// province (eleven cities), two cities, and thirty areas with long names.
pub const CITY_FIXTURES: &[&str] = &["cities.csv", "cities-2.csv", "cities-30.csv"];

/// The model of fixture `name` in `lang`'s names, with `region` (named in either language)
/// highlighted as `highlight="…"` asks, if given.
pub fn fixture_in(name: &str, lang: Lang, region: Option<&str>) -> Model {
    let ds = passrate_chart::load::from_text(&fixture_text(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut m = passrate_chart::model::build_in(&ds, lang);
    if let Some(region) = region {
        m.focus = ds.regions.iter().position(|r| r.name.is(region)).unwrap_or_else(|| panic!("{name}: no {region}"));
        m.highlighted = true;
    }
    m
}

/// Rounds every decimal number in `svg` to one decimal place.
pub fn normalise(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let chars: Vec<char> = svg.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let token: String = chars[start..i].iter().collect();
            match token.parse::<f64>() {
                Ok(v) if token.contains('.') => {
                    let r = format!("{v:.1}");
                    out.push_str(r.trim_end_matches(".0"));
                }
                _ => out.push_str(&token),
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Compares `actual` with the file at `golden` after normalising numbers. On a mismatch writes
/// `<stem>-changed.<ext>` beside it and returns a message; with `UPDATE_GOLDEN` set, accepts.
pub fn check_golden(golden: &std::path::Path, actual: &str) -> Result<(), String> {
    check(golden, actual, |old, new| normalise(old) == normalise(new))
}

/// [`check_golden`] without rounding numbers: in words, 48.57 is not 48.6.
pub fn check_exact(golden: &std::path::Path, actual: &str) -> Result<(), String> {
    check(golden, actual, |old, new| old == new)
}

fn check(golden: &std::path::Path, actual: &str, same: impl Fn(&str, &str) -> bool) -> Result<(), String> {
    let ext = golden.extension().and_then(|e| e.to_str()).unwrap_or("txt");
    let stem = golden.file_stem().and_then(|s| s.to_str()).unwrap_or("golden");
    let changed = golden.with_file_name(format!("{stem}-changed.{ext}"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(golden, actual).unwrap();
        let _ = std::fs::remove_file(&changed);
        return Ok(());
    }
    match std::fs::read_to_string(golden) {
        Ok(old) if same(&old, actual) => {
            let _ = std::fs::remove_file(&changed);
            Ok(())
        }
        Ok(_) => {
            std::fs::write(&changed, actual).unwrap();
            Err(format!("{} differs: see {}", golden.display(), changed.display()))
        }
        Err(_) => {
            std::fs::write(&changed, actual).unwrap();
            Err(format!("{} is missing: see {}", golden.display(), changed.display()))
        }
    }
}

/// A model of one region and one year with as many tiers as `tiers` gives (JSON members of a
/// tier object each), built without the loader's limits: what the views do with more than a
/// valid dataset holds, and what they cost.
pub fn unchecked(tiers: &[String]) -> Model {
    let one = |t: &String| {
        let text =
            format!(r#"{{"title":"T","region":"甲市","reference":"乙省","years":[{{"year":2024,"tiers":[{t}]}}]}}"#);
        passrate_chart::load::from_json(&text).unwrap_or_else(|e| panic!("{t}: {e}"))
    };
    let mut ds = one(&tiers[0]);
    for t in &tiers[1..] {
        let more = one(t);
        ds.regions[0].years[0].tiers.extend(more.regions[0].years[0].tiers.iter().cloned());
    }
    passrate_chart::model::build(&ds)
}
