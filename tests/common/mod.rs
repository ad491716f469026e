//! Fixtures shared by the native test files.
#![allow(dead_code)]

use std::path::PathBuf;

use passrate_chart::model::Model;

/// `seed.json` / `seed.csv` are the demo's data (`www/data/yuncheng-2019.*`); the rest
/// live in `tests/fixtures/`.
pub fn fixture_path(name: &str) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    match name.strip_prefix("seed.") {
        Some(ext) => root.join("www/data").join(format!("yuncheng-2019.{ext}")),
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
];
