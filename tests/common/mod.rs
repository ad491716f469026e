//! Fixtures shared by the native test files.
#![allow(dead_code)]

use std::path::PathBuf;

use passrate_chart::model::Model;

pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
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
