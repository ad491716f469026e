//! The `passrate-chart render` command: the static SVG, table and summary, run as a user
//! would run it. The demo's static fallback images (`tests/golden/cli/`, served as the demo's `static/`) are its golden output, so
//! they cannot go stale: accept a change with `UPDATE_GOLDEN=1 cargo test --test cli`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_passrate-chart"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn renders_the_demo_fallback_images() {
    let mut failures = Vec::new();
    for view in ["compare", "change"] {
        let out = std::env::temp_dir().join(format!("passrate-cli-{view}-{}.svg", std::process::id()));
        let o = run(&[
            "render",
            "www/data/yuncheng-2019.json",
            "--view",
            view,
            "--width",
            "720",
            "--height",
            "520",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let svg = std::fs::read_to_string(&out).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("<title>运城市2019年高考本科达线情况</title>"));
        assert!(svg.contains("width=\"720\""));
        if let Err(e) = common::check_golden(&root().join(format!("tests/golden/cli/yuncheng-2019-{view}.svg")), &svg) {
            failures.push(e);
        }
    }
    let out = std::env::temp_dir().join(format!("passrate-cli-trend-{}.svg", std::process::id()));
    let o = run(&[
        "render",
        "www/data/example-multi-year.json",
        "--view",
        "trend",
        "--width",
        "720",
        "--height",
        "620",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = std::fs::read_to_string(&out).unwrap();
    if let Err(e) = common::check_golden(&root().join("tests/golden/cli/example-multi-year-trend.svg"), &svg) {
        failures.push(e);
    }
    assert!(failures.is_empty(), "{}\nAccept with: UPDATE_GOLDEN=1 cargo test --test cli", failures.join("\n"));
}

#[test]
fn the_same_chart_from_csv_and_to_stdout() {
    let a = run(&["render", "www/data/yuncheng-2019.json", "--lang", "en"]);
    let b = run(&["render", "www/data/yuncheng-2019.csv", "--lang", "en"]);
    assert!(a.status.success() && b.status.success());
    assert_eq!(a.stdout, b.stdout);
    let text = String::from_utf8(a.stdout).unwrap();
    assert!(text.contains("Hatched = derived"), "English legend");
}

#[test]
fn table_and_summary() {
    let t = run(&["render", "www/data/yuncheng-2019.json", "--table"]);
    assert!(t.status.success());
    let html = String::from_utf8(t.stdout).unwrap();
    if let Err(e) = common::check_golden(&root().join("tests/golden/cli/yuncheng-2019-table.html"), &html) {
        panic!("{e}\nAccept with: UPDATE_GOLDEN=1 cargo test --test cli");
    }
    let s = run(&["render", "www/data/yuncheng-2019.json", "--summary", "--lang", "en"]);
    let summary = String::from_utf8(s.stdout).unwrap();
    assert!(
        summary.starts_with("运城市, 2019. 一本线: 15.5%, 0.7 points above 山西省, up 0.4 points on the year."),
        "{summary}"
    );
    assert!(summary.contains("16.2%"));
}

#[test]
fn errors_say_what_is_wrong() {
    let bad = std::env::temp_dir().join(format!("passrate-cli-bad-{}.json", std::process::id()));
    std::fs::write(&bad, r#"{"title":"t","region":"A","years":[{"year":2020,"tiers":[{"tier":"T","rate":"abc"}]}]}"#)
        .unwrap();
    let o = run(&["render", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("years[0].tiers[0].rate: expected a percentage between 0 and 100, got \"abc\""), "{err}");
    for (args, want) in [
        (vec!["render", "x.json", "--view", "pie"], "--view: expected compare, change or trend, got \"pie\""),
        (vec!["render", "x.json", "--width", "9"], "--width: expected a number of pixels"),
        (vec!["render"], "missing the data file"),
        (vec!["draw", "x.json"], "unknown command \"draw\""),
        (vec!["render", "x.json", "--colour"], "unknown option \"--colour\""),
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stderr).contains(want), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    }
    let o = run(&["render", "does-not-exist.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("does-not-exist.json"));
    assert!(run(&["--help"]).status.success());
}
