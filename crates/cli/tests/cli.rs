//! The `passrate-chart render` command (the static SVG, table and summary) and the `extract`
//! command (a report's text → dataset), run as a user would run them. The demo's static
//! fallback images (`tests/golden/cli/`, served as the demo's `static/`) are its golden output,
//! so they cannot go stale: accept a change with `UPDATE_GOLDEN=1 cargo test --test cli`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../../../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_passrate-chart")).args(args).current_dir(common::repo_root()).output().unwrap()
}

fn root() -> PathBuf {
    common::repo_root()
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
    // The cities demo's fallback: the example province with its highlighted city.
    let out = std::env::temp_dir().join(format!("passrate-cli-cities-{}.svg", std::process::id()));
    let o = run(&[
        "render",
        "www/data/example-cities.csv",
        "--view",
        "cities",
        "--highlight",
        "丙市",
        "--width",
        "720",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("丙市") && svg.contains("3="), "the highlighted city and the tie");
    if let Err(e) = common::check_golden(&root().join("tests/golden/cli/example-cities-cities.svg"), &svg) {
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
    // A document with its charset: opened from a plain server, its Chinese reads right.
    assert!(html.starts_with("<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">"), "{html}");
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
    // What is wrong with the data is said in the language of --lang (Chinese by default).
    let o = run(&["render", bad.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("years[0].tiers[0].rate: expected a percentage between 0 and 100, got \"abc\""), "{err}");
    for args in [vec!["render", bad.to_str().unwrap()], vec!["render", bad.to_str().unwrap(), "--lang", "zh-CN"]] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(err.contains("years[0].tiers[0].rate：应为 0 到 100 之间的百分数，实际为 \"abc\""), "{args:?}: {err}");
    }
    for (args, want) in [
        (vec!["render", "x.json", "--view", "pie"], "--view: expected compare, change or trend, got \"pie\""),
        (vec!["render", "x.json", "--width", "9"], "--width: expected a number of pixels"),
        (vec!["render"], "missing the data file"),
        (vec!["draw", "x.json"], "unknown command \"draw\"; expected \"render\" or \"extract\""),
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

fn run_with_input(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_passrate-chart"))
        .args(args)
        .current_dir(common::repo_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

const SEED_REPORT: &str = "tests/fixtures/reports/yuncheng-2019.txt";

#[test]
fn extract_prints_a_dataset_that_render_takes() {
    let o = run(&["extract", SEED_REPORT]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(0), "{err}");
    let json = String::from_utf8(o.stdout).unwrap();
    let ds = passrate_chart::load::from_json(&json).unwrap();
    assert_eq!(ds.region().name.text, "运城市");
    assert_eq!(ds.region().years[0].tiers[0].quotes.rate.as_deref(), Some("达线率为15.5%"));
    // Every sentence with a number left out, once, with its line; each number and why.
    assert!(err.starts_with("采用 12 个数字，未采用 3 个：\n第 7 行："), "{err}");
    assert!(err.contains("\n  14所：学校的数量，不是达线数据\n"), "{err}");
    assert_eq!(err.matches("第 7 行：山西省理科前3名中").count(), 1, "{err}");

    let file = std::env::temp_dir().join(format!("passrate-cli-extracted-{}.json", std::process::id()));
    std::fs::write(&file, &json).unwrap();
    let s = run(&["render", file.to_str().unwrap(), "--summary"]);
    assert!(s.status.success(), "{}", String::from_utf8_lossy(&s.stderr));
    let summary = String::from_utf8(s.stdout).unwrap();
    assert!(summary.contains("5,872 ÷ 36,192 = 16.2%"), "the contradiction survives: {summary}");
    let svg = run(&["render", file.to_str().unwrap()]);
    assert!(svg.status.success() && svg.stdout.starts_with(b"<svg"));
}

#[test]
fn extract_reads_standard_input_in_any_encoding_and_speaks_english() {
    let text = std::fs::read_to_string(root().join(SEED_REPORT)).unwrap();
    let from_file = run(&["extract", SEED_REPORT]).stdout;
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    for (name, bytes) in [("UTF-8", text.as_bytes().to_vec()), ("GB18030", gb.into_owned()), ("UTF-16", utf16)] {
        let o = run_with_input(&["extract", "-"], &bytes);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(o.stdout, from_file, "{name}");
    }
    let o = run_with_input(&["extract", "--lang", "en"], text.as_bytes());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.starts_with("12 numbers taken, 3 left out:\nline 7: "), "{err}");
    // The date line is the source's date: used, not left out.
    assert!(!err.contains("2019年8月14日"), "{err}");
    assert!(err.contains("\n  14所: a number of schools, not a pass figure\n"), "{err}");

    let o = run(&["extract", "tests/fixtures/reports/datong-2020-en.txt", "--lang", "en"]);
    assert!(o.status.success());
    assert!(String::from_utf8(o.stderr).unwrap().contains("  45 million: an amount of money, not a pass figure"));
}

#[test]
fn extract_with_nothing_found_and_bad_options() {
    let o = run(&["extract", "tests/fixtures/reports/meeting-2024-nothing.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("  23个：其他事物的数量，不是考生人数\n"), "{err}");
    assert!(err.ends_with("没有找到任何批次的达线数据\n"), "{err}");
    let o = run_with_input(&["extract", "--lang", "en"], "No figures at all in 2024.".as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).ends_with("no pass figures for any tier were found\n"));
    let o = run_with_input(&["extract"], "2019年高考，参考人数为5000人，一本达线5872人。".as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("找到的数字不能构成有效的数据"));

    for (args, want) in [
        (vec!["extract", "--lang", "fr"], "--lang: expected zh-CN or en, got \"fr\""),
        (vec!["extract", "a.txt", "b.txt"], "one input file expected, got a second: \"b.txt\""),
        (vec!["extract", "--view", "compare"], "unknown option \"--view\""),
        (vec!["extract", "--lang"], "--lang needs a value"),
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stderr).contains(want), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    }
    let o = run(&["extract", "does-not-exist.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("does-not-exist.txt"));
    let bad = std::env::temp_dir().join(format!("passrate-cli-bad-{}.txt", std::process::id()));
    std::fs::write(&bad, [0x81, 0x20, 0xff]).unwrap();
    let o = run(&["extract", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let help = run(&["extract", "--help"]);
    assert!(help.status.success() && String::from_utf8_lossy(&help.stdout).contains("passrate-chart extract"));
}

/// A text that never states its year: status 2, no dataset, and what is missing said; with
/// --year, its figures are that year's. --source and its date and address go into the dataset,
/// over what the text names, for extract as for render.
#[test]
fn extract_asks_for_the_year_and_takes_the_source() {
    let text = "今年我市高考参考人数为9214人，本科上线5573人，本科上线率为60.5%，较去年提高3.2个百分点。";
    let o = run_with_input(&["extract"], text.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("原文没有写明年份") && err.contains("--year YYYY"), "{err}");
    let o = run_with_input(&["extract", "--lang", "en"], text.as_bytes());
    assert!(String::from_utf8_lossy(&o.stderr).contains("never states its year"));

    let args = ["extract", "--year", "2024", "--source", "青岩市教育局", "--source-date", "2024-06-25"];
    let o = run_with_input(&args, text.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let ds = passrate_chart::load::from_json(&String::from_utf8(o.stdout).unwrap()).unwrap();
    assert_eq!(ds.region().years[0].year, 2024);
    assert_eq!(ds.region().years[0].candidates, Some(9214));
    let source = ds.source.as_ref().unwrap();
    assert_eq!((source.name.as_str(), source.date.as_deref()), ("青岩市教育局", Some("2024-06-25")));

    // The text's own source, when it names one.
    let o = run(&["extract", "tests/corpus/extract/01-zechuan-bureau-header.txt"]);
    let ds = passrate_chart::load::from_json(&String::from_utf8(o.stdout).unwrap()).unwrap();
    let source = ds.source.as_ref().unwrap();
    assert_eq!((source.name.as_str(), source.date.as_deref()), ("泽川市教育局", Some("2019-08-14")));

    for (args, want) in [
        (vec!["extract", "--year", "next"], "--year: expected a year such as 2024, got \"next\""),
        (vec!["extract", "--source"], "--source needs a value"),
        (vec!["render", "tests/fixtures/one-tier.json", "--source-date", "2024-01-01"], "need --source"),
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stderr).contains(want), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    }
    let o = run(&["render", "tests/fixtures/one-tier.json", "--summary", "--source", "某市教育局"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = run(&[
        "render",
        "tests/fixtures/one-tier.json",
        "--source",
        "某市教育局",
        "--source-url",
        "https://example.org/r",
    ]);
    assert!(String::from_utf8_lossy(&svg.stdout).contains("某市教育局"));
}

/// --height holds in every view: a view taller than it is paged, --page picks the page, and
/// no image is taller than the height asked (or than the 4,000 px cap without one).
#[test]
fn the_height_holds_and_tall_charts_are_paged() {
    let out = |name: &str| std::env::temp_dir().join(format!("passrate-cli-{name}-{}.svg", std::process::id()));
    let height_of = |svg: &str| -> f64 {
        let h = svg.split("height=\"").nth(1).and_then(|r| r.split('"').next()).unwrap();
        h.parse().unwrap()
    };
    // 250 areas, one tier: far taller than 4,000 px of rows.
    let mut csv = String::from("title,reference,year,tier,area,rate\nT,P,2024,一本线,P,15.0\n");
    for i in 0..250 {
        csv.push_str(&format!(",,2024,一本线,区县{i},{}.{}\n", 5 + i % 30, i % 10));
    }
    let data = std::env::temp_dir().join(format!("passrate-cli-250-{}.csv", std::process::id()));
    std::fs::write(&data, &csv).unwrap();
    let render = |args: &[&str], name: &str| {
        let path = out(name);
        let mut all = vec!["render", data.to_str().unwrap(), "--view", "cities", "-o", path.to_str().unwrap()];
        all.extend_from_slice(args);
        let o = run(&all);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        std::fs::read_to_string(path).unwrap()
    };
    let whole = render(&[], "cap");
    assert!(height_of(&whole) <= 4000.0, "{}", height_of(&whole));
    assert!(whole.contains("第 1/"), "the page note");
    for (h, page) in [("800", "1"), ("800", "3"), ("300", "2")] {
        let svg = render(&["--height", h, "--page", page], &format!("{h}-{page}"));
        assert!(height_of(&svg) <= h.parse::<f64>().unwrap(), "--height {h} --page {page}: {}", height_of(&svg));
        assert!(svg.contains(&format!("第 {page}/")), "--height {h} --page {page}");
    }
    let past = run(&[
        "render",
        data.to_str().unwrap(),
        "--view",
        "cities",
        "--height",
        "800",
        "--page",
        "99",
        "-o",
        out("past").to_str().unwrap(),
    ]);
    assert_eq!(past.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&past.stderr).contains("--page: expected a page from 1 to"));
}

/// Characters that would make a name show what it does not say never reach an image: the
/// command refuses the data (status 1), naming the field, the character and its place, and
/// writes no file.
#[test]
fn spoofing_and_control_characters_never_reach_an_image() {
    for (field, json) in [
        (
            "region",
            r#"{"title":"T","region":"\u202e%9.99 市川泽","years":[{"year":2024,"tiers":[{"tier":"一本线","rate":12.0}]}]}"#,
        ),
        (
            "title",
            r#"{"title":"泽川市\u000b达线率","region":"A","years":[{"year":2024,"tiers":[{"tier":"一本线","rate":12.0}]}]}"#,
        ),
        (
            "title",
            r#"{"title":"泽川市\u0001","region":"A","years":[{"year":2024,"tiers":[{"tier":"一本线","rate":12.0}]}]}"#,
        ),
        (
            "years[0].tiers[0].tier",
            r#"{"title":"T","region":"A","years":[{"year":2024,"tiers":[{"tier":"二本\u2067%5.99\u2069线","rate":12.0}]}]}"#,
        ),
    ] {
        let data = std::env::temp_dir().join(format!("passrate-cli-spoof-{}.json", std::process::id()));
        std::fs::write(&data, json).unwrap();
        for format in ["svg", "png"] {
            let out = std::env::temp_dir().join(format!("passrate-cli-spoof-{}.{format}", std::process::id()));
            let _ = std::fs::remove_file(&out);
            let o = run(&["render", data.to_str().unwrap(), "--lang", "en", "-o", out.to_str().unwrap()]);
            assert_eq!(o.status.code(), Some(1), "{field} {format}");
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.contains(&format!("{field}: expected text without control characters")), "{err}");
            assert!(err.contains(" at character "), "{err}");
            assert!(!out.exists(), "{field}: no {format} written");
        }
    }
}

/// Data at the limits renders within the budget (5 s and 1 GB on this 2-core machine; asserted
/// with room for a loaded run), as SVG and as a phone PNG; the times are printed.
#[test]
fn the_largest_allowed_data_renders_within_the_budget() {
    let grid = |regions: usize, years: usize, tiers: usize| -> String {
        let r: Vec<String> = (0..regions)
            .map(|r| {
                let y: Vec<String> = (0..years)
                    .map(|y| {
                        let t: Vec<String> = (0..tiers)
                            .map(|t| {
                                format!(
                                    r#"{{"tier":"T{t}","rate":{}.{},"vs_reference_pp":0.5}}"#,
                                    10 + (r + t + y) % 40,
                                    t % 10
                                )
                            })
                            .collect();
                        format!(r#"{{"year":{},"tiers":[{}]}}"#, 2024 - y, t.join(","))
                    })
                    .collect();
                format!(r#"{{"region":"区{r}","years":[{}]}}"#, y.join(","))
            })
            .collect();
        format!(r#"{{"version":2,"title":"T","reference":"P","regions":[{}]}}"#, r.join(","))
    };
    for (name, text, view) in [
        ("250 areas × 6 tiers", grid(250, 1, 6), "cities"),
        ("250 areas × 40 tiers", grid(250, 1, 40), "cities"),
        ("60 years × 40 tiers", grid(1, 60, 40), "trend"),
        ("60 years × 300 tiers", grid(1, 60, 300), "trend"),
        ("100 areas × 12 years × 20 tiers", grid(100, 12, 20), "compare"),
    ] {
        let data = std::env::temp_dir().join(format!("passrate-cli-limit-{}.json", std::process::id()));
        std::fs::write(&data, &text).unwrap();
        for out in ["svg", "png"] {
            let file = std::env::temp_dir().join(format!("passrate-cli-limit-{}.{out}", std::process::id()));
            let t0 = std::time::Instant::now();
            let o = run(&["render", data.to_str().unwrap(), "--view", view, "-o", file.to_str().unwrap()]);
            let took = t0.elapsed();
            assert!(o.status.success(), "{name}: {}", String::from_utf8_lossy(&o.stderr));
            println!("{name}, {view}, {out}: {took:?}");
            assert!(took.as_secs_f64() < 15.0, "{name} {out}: {took:?}");
        }
    }
}
