//! Every way the loaders reject data: each case names the field path (or CSV line and
//! column) and what was expected. None may panic.
#![cfg(not(target_arch = "wasm32"))]

use passrate_chart::load::{from_csv, from_json, from_text};

const GOOD_TIER: &str = r#"{"tier":"一本线","rate":15.5}"#;

fn doc(years: &str) -> String {
    format!(r#"{{"title":"T","region":"运城市","reference":"山西省","years":{years}}}"#)
}

fn tier(fields: &str) -> String {
    doc(&format!(r#"[{{"year":2019,"candidates":36192,"tiers":[{GOOD_TIER},{{"tier":"二本线",{fields}}}]}}]"#))
}

fn json_err(text: &str) -> String {
    match from_json(text) {
        Ok(_) => panic!("expected an error for {text}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_issue_example_message() {
    assert_eq!(
        json_err(&tier(r#""rate":"abc""#)),
        r#"years[0].tiers[1].rate: expected a percentage between 0 and 100, got "abc" (write it as a number, without quotes)"#
    );
}

#[test]
fn json_error_paths() {
    let cases: Vec<(String, &str)> = vec![
        ("{".into(), "line 1, column 2: invalid JSON"),
        (r#"{"title": "T",}"#.into(), "line 1, column 15: invalid JSON"),
        ("[1,2]".into(), "(root): expected a JSON object"),
        (r#"{"region":"A","years":[]}"#.into(), "title: missing; expected a non-empty string"),
        (r#"{"title":"  ","region":"A","years":[]}"#.into(), "title: expected a non-empty string, got \"  \""),
        (r#"{"title":7,"region":"A","years":[]}"#.into(), "title: expected a non-empty string, got 7"),
        (r#"{"title":"T","years":[]}"#.into(), "region: missing"),
        (r#"{"titel":"T"}"#.into(), "titel: unknown field; expected one of version, title, region"),
        (r#"{"version":3,"title":"T","region":"A","years":[]}"#.into(), "version: expected 2 (the data format version this build reads)"),
        (r#"{"version":1,"title":"T","regions":[]}"#.into(), "regions: several regions (\"regions\") needs data format version 2"),
        (r#"{"title":"T","region":"A","reference":false,"years":[]}"#.into(), "reference: expected a non-empty string, got false"),
        (r#"{"title":"T","region":"A","source":3,"years":[]}"#.into(), "source: expected an object"),
        (r#"{"title":"T","region":"A","source":{"date":"2019"},"years":[]}"#.into(), "source.name: missing"),
        (r#"{"title":"T","region":"A","source":{"name":"N","when":"x"},"years":[]}"#.into(), "source.when: unknown field"),
        (r#"{"title":"T","region":"A","source":{"name":"N","url":1},"years":[]}"#.into(), "source.url: expected a non-empty string, got 1"),
        (r#"{"title":"T","region":"A"}"#.into(), "years: missing; expected an array of years"),
        (doc("[]"), "years: expected a non-empty array of years, got an empty array"),
        (doc("{}"), "years: expected a non-empty array of years, got an object"),
        (doc("[2019]"), "years[0]: expected an object with \"year\" and \"tiers\", got 2019"),
        (doc(r#"[{"tiers":[]}]"#), "years[0].year: missing; expected a year such as 2019"),
        (doc(r#"[{"year":"twenty","tiers":[]}]"#), "years[0].year: expected a year between 1900 and 2200, got \"twenty\""),
        (doc(r#"[{"year":1800,"tiers":[]}]"#), "years[0].year: expected a year between 1900 and 2200, got 1800"),
        (doc(r#"[{"year":2019.5,"tiers":[]}]"#), "years[0].year: expected a year between 1900 and 2200, got 2019.5"),
        (doc(r#"[{"year":2019,"candidates":0,"tiers":[]}]"#), "years[0].candidates: expected a whole number of people, 1 or more, got 0"),
        (doc(r#"[{"year":2019,"candidates":-5,"tiers":[]}]"#), "years[0].candidates: expected a whole number of people, 1 or more, got -5"),
        (doc(r#"[{"year":2019,"candidates":1.5,"tiers":[]}]"#), "years[0].candidates: expected a whole number"),
        (doc(r#"[{"year":2019}]"#), "years[0].tiers: missing"),
        (doc(r#"[{"year":2019,"tiers":[]}]"#), "years[0].tiers: expected a non-empty array of tiers, got an empty array"),
        (doc(r#"[{"year":2019,"tiers":["一本线"]}]"#), "years[0].tiers[0]: expected an object"),
        (doc(r#"[{"year":2019,"tier":[]}]"#), "years[0].tier: unknown field; expected one of year, candidates, tiers"),
        (doc(&format!(r#"[{{"year":2019,"tiers":[{GOOD_TIER}]}},{{"year":2019,"tiers":[{GOOD_TIER}]}}]"#)), "years[1].year: duplicate year 2019 (first at years[0])"),
        (tier(r#""rate":1"#).replace(r#""tier":"二本线","#, ""), "years[0].tiers[1].tier: missing; expected a non-empty string"),
        (tier(r#""rate":1"#).replace("二本线", "一本线"), "years[0].tiers[1].tier: duplicate tier \"一本线\" in 2019 (first at years[0].tiers[0])"),
        (tier(r#""rate":101"#), "years[0].tiers[1].rate: expected a percentage between 0 and 100, got 101"),
        (tier(r#""rate":-0.1"#), "years[0].tiers[1].rate: expected a percentage between 0 and 100, got -0.1"),
        (tier(r#""rate":48.6,"vs_reference_pp":"3.4%""#), "years[0].tiers[1].vs_reference_pp: expected a difference in percentage points between -100 and 100, got \"3.4%\" (write the number without the % sign)"),
        (tier(r#""rate":"148.6%""#), "years[0].tiers[1].rate: expected a percentage between 0 and 100, got \"148.6%\""),
        (tier(r#""rate":true"#), "years[0].tiers[1].rate: expected a percentage between 0 and 100, got true"),
        (tier(r#""rate":[48.6]"#), "years[0].tiers[1].rate: expected a percentage between 0 and 100, got an array"),
        (tier(r#""rate":48.6,"reference_rate":200"#), "years[0].tiers[1].reference_rate: expected a percentage"),
        (tier(r#""rate":48.6,"vs_reference_pp":150"#), "years[0].tiers[1].vs_reference_pp: expected a difference in percentage points between -100 and 100, got 150"),
        (tier(r#""rate":48.6,"vs_previous_year_pp":"up""#), "years[0].tiers[1].vs_previous_year_pp: expected a difference in percentage points"),
        (tier(r#""rate":48.6,"passed":40000"#), "years[0].tiers[1].passed: expected at most the 36192 candidates, got 40000"),
        (tier(r#""rate":48.6,"passed":-1"#), "years[0].tiers[1].passed: expected a whole number of people, 0 or more, got -1"),
        (tier(r#""rate":48.6,"candidates":"many""#), "years[0].tiers[1].candidates: expected a whole number of people, 1 or more, got \"many\""),
        (tier(r#""rate":48.6,"pased":1"#), "years[0].tiers[1].pased: unknown field; expected one of tier, candidates, passed, rate"),
        (tier(r#""vs_reference_pp":1.0"#), "years[0].tiers[1].rate: missing; expected a pass rate, or \"passed\" together with \"candidates\""),
        (doc(r#"[{"year":2019,"tiers":[{"tier":"T","passed":5}]}]"#), "years[0].tiers[0].rate: missing; expected a pass rate"),
        (tier(&format!(r#""rate":1,"tier":"{}""#, "长".repeat(201))).replace(r#""tier":"二本线","#, ""), "years[0].tiers[1].tier: expected a string of at most 200 characters, got 201 characters"),
    ];
    for (input, want) in cases {
        let got = json_err(&input);
        assert!(got.starts_with(want), "input {input}\n got: {got}\nwant: {want}…");
    }
}

#[test]
fn too_many_tiers_and_years() {
    let tiers: Vec<String> = (0..301).map(|i| format!(r#"{{"tier":"T{i}","rate":1}}"#)).collect();
    let text = doc(&format!(r#"[{{"year":2019,"tiers":[{}]}}]"#, tiers.join(",")));
    assert!(json_err(&text).starts_with("years[0].tiers: expected at most 300 tiers, got 301 tiers"));
    let years: Vec<String> = (0..61).map(|i| format!(r#"{{"year":{},"tiers":[{GOOD_TIER}]}}"#, 1950 + i)).collect();
    assert!(json_err(&doc(&format!("[{}]", years.join(",")))).starts_with("years: expected at most 60 years"));
}

const HEADER: &str = "title,year,tier,area,candidates,passed,rate,vs_reference_pp";

fn csv_err(text: &str) -> String {
    match from_csv(text) {
        Ok(_) => panic!("expected an error for {text}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn csv_error_positions() {
    let row = "T,2019,一本线,运城市,36192,5872,15.5,0.7";
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "(input): missing; expected a CSV header line"),
        (HEADER.into(), "(input): missing; expected at least one data row"),
        ("title,tier,area\nT,一本线,运城市".into(), "line 1 (header): missing; expected a \"year\" column"),
        (
            "year,tier,area,ratio\n2019,a,b,1".into(),
            "line 1, column 4 (\"ratio\"): unknown field; expected one of version, title",
        ),
        (
            "year,tier,area,rate,rate\n2019,a,b,1,2".into(),
            "line 1, column 5: duplicate column \"rate\" (first at column 4)",
        ),
        (
            format!("{HEADER}\n{row},9"),
            "line 2: expected 8 fields like the header, separated by commas as the header's are, got 9 fields",
        ),
        (
            format!("{HEADER}\n{}", row.replace("2019", "19年")),
            "line 2, column 2 (year): expected a year between 1900 and 2200, got \"19年\"",
        ),
        (
            format!("{HEADER}\n{}", row.replace("15.5", "abc")),
            "line 2, column 7 (rate): expected a percentage between 0 and 100, got \"abc\"",
        ),
        (
            format!("{HEADER}\n{}", row.replace("36192", "lots")),
            "line 2, column 5 (candidates): expected a whole number of people, 1 or more, got \"lots\"",
        ),
        (
            format!("{HEADER}\n{}", row.replace(",0.7", ",-120")),
            "line 2, column 8 (vs_reference_pp): expected a difference in percentage points",
        ),
        (format!("{HEADER}\n{row}\n\"{}", row), "line 3: a quoted field is never closed"),
        (
            format!("{HEADER}\n{}", row.replace("一本线", "一本\"线")),
            "line 2, column 3: a quote inside an unquoted field",
        ),
        (format!("{HEADER}\n{}", row.replace("一本线", "\"一本\"线")), "line 2, column 3: text after a closing quote"),
        (
            format!("{HEADER}\n{row}\n{}", row.replace("T,", "U,").replace("一本线", "二本线")),
            "line 3, column 1 (title): \"title\" is \"U\" here but \"T\" at line 2, column 1 (title)",
        ),
        (format!("{HEADER}\n{}", row.replace("T,", ",")), "column \"title\": missing; expected the chart title"),
        (
            format!("{HEADER}\n{row}\n,2019,一本线,山西省,,,14.8,\n,2019,二本线,北京市,,,1,"),
            "line 4, column 4 (area): expected the region \"运城市\" or the reference \"山西省\", got \"北京市\"",
        ),
        (
            format!("{HEADER}\n{row}\n,2019,一本线,山西省,,100,14.8,"),
            "line 3, column 6 (passed): \"passed\" belongs on the region's rows",
        ),
        (
            format!("{HEADER}\n{row}\n,2019,一本线,山西省,,,,"),
            "line 3, column 7 (rate): missing; expected the reference area's pass rate",
        ),
        (
            format!("{HEADER}\n{row}\n,2019,二本线,山西省,,,45.2,"),
            "line 3, column 3 (tier): a reference rate for 2019 二本线, but no row for the region",
        ),
        (
            format!("{HEADER}\n{row}\n{}", row.replace("T,", ",")),
            "line 3, column 3 (tier): duplicate row for 2019 一本线 运城市 (first at line 2)",
        ),
        (
            format!("{HEADER}\n{}", row.replace("5872", "40000")),
            "line 2 (passed): expected at most the 36192 candidates, got 40000",
        ),
        (
            format!("{HEADER}\n{row}\n,2018,一本线,运城市,,,15.1,\n,2018,一本线,运城市,,,15.1,"),
            "line 4, column 3 (tier): duplicate row for 2018 一本线",
        ),
    ];
    for (input, want) in cases {
        let got = csv_err(&input);
        assert!(got.starts_with(want), "input {input:?}\n got: {got}\nwant: {want}…");
    }
}

#[test]
fn csv_carries_everything_json_can() {
    let text = "version,title,region,reference,source,source_date,source_url,year,tier,area,candidates,passed,rate,vs_reference_pp,vs_previous_year_pp\n\
        1,T,A,B,News,2024-07-01,https://example.org/a,2024,一本线,A,1000,221,22.1,2.5,1.5\n\
        ,,,,,,,2024,一本线,B,,,19.1,,\n\
        ,,,,,,,2023,一本线,A,,,20.1,,\n";
    let ds = from_csv(text).unwrap();
    let json = r#"{"version":1,"title":"T","region":"A","reference":"B",
        "source":{"name":"News","date":"2024-07-01","url":"https://example.org/a"},
        "years":[{"year":2024,"tiers":[{"tier":"一本线","candidates":1000,"passed":221,"rate":22.1,"reference_rate":19.1,"vs_reference_pp":2.5,"vs_previous_year_pp":1.5}]},
                 {"year":2023,"tiers":[{"tier":"一本线","rate":20.1}]}]}"#;
    let a = passrate_chart::model::build(&ds);
    let b = passrate_chart::model::build(&from_json(json).unwrap());
    assert_eq!(a, b);
    assert_eq!(a.warnings.len(), 2);
}

#[test]
fn format_is_detected() {
    assert!(from_text("\u{feff}  {\"title\":1}").unwrap_err().to_string().starts_with("title:"));
    assert!(from_text("year,tier\n").unwrap_err().to_string().contains("\"area\" column"));
}

/// What any loaded model's scene must be, at the default 640 × 420 CSS px and dpr 1: as wide
/// as asked, every tier of the latest year hoverable (in the compare view its region bar), one
/// page text per point, and every point and label within the image.
fn lays_out_whole(model: &passrate_chart::model::Model, l: &passrate_chart::layout::Scene, name: &str) {
    use passrate_chart::layout::{Mark, Series};
    use passrate_chart::views::View;
    assert_eq!(l.width, 640, "{name}: width");
    assert!(l.height >= 200, "{name}: {} px tall", l.height);
    let inside = |x: i32, y: i32| (0..=l.width as i32).contains(&x) && (0..=l.height as i32).contains(&y);
    for h in &l.hits.hits {
        assert!(inside(h.mark.x0, h.mark.y0) && inside(h.mark.x1, h.mark.y1), "{name}: {h:?} outside the image");
        assert!(h.tier < model.current().tiers.len(), "{name}: {h:?} of no tier");
    }
    let tiers = model.current().tiers.len();
    let with = |s: Series| -> Vec<usize> {
        let mut t: Vec<usize> = l.hits.hits.iter().filter(|h| h.series == s).map(|h| h.tier).collect();
        t.dedup();
        t
    };
    if l.view == View::Compare.name() {
        assert_eq!(with(Series::Region), (0..tiers).collect::<Vec<_>>(), "{name}: a region bar per tier");
    }
    let points = passrate_chart::describe::points(model, l, passrate_chart::words::Lang::Zh);
    assert_eq!(points.len(), l.hits.hits.len(), "{name}: a text per point");
    assert!(points.iter().zip(&l.hits.hits).all(|(p, h)| (p.tier, p.series) == (h.tier, h.series)), "{name}");
    for m in &l.marks {
        if let Mark::Text(t) = m {
            assert!(inside(t.pos.0, t.pos.1), "{name}: {:?} at {:?}", t.text, t.pos);
        }
    }
}

/// Random byte edits of valid JSON and CSV: every result is a dataset or an error, never
/// a panic, and every dataset that loads lays out whole in both views.
#[test]
fn mutated_inputs_never_panic() {
    let seeds = [
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/yuncheng-2019.json")).unwrap(),
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/yuncheng-2019.csv")).unwrap(),
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/conflicts.json")).unwrap(),
    ];
    let alphabet: Vec<char> = "0123456789.-+,\"{}[]:e \n\r%一本线abc".chars().collect();
    let mut state: u64 = 0x9e3779b97f4a7c15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut loaded = 0;
    for round in 0..3000 {
        let mut chars: Vec<char> = seeds[round % seeds.len()].chars().collect();
        for _ in 0..1 + next(4) {
            let at = next(chars.len());
            match next(3) {
                0 => chars[at] = alphabet[next(alphabet.len())],
                1 => {
                    chars.remove(at);
                }
                _ => chars.insert(at, alphabet[next(alphabet.len())]),
            }
        }
        let text: String = chars.into_iter().collect();
        if let Ok(model) = passrate_chart::parse(&text) {
            loaded += 1;
            for view in [passrate_chart::views::View::Compare, passrate_chart::views::View::Change] {
                let l = passrate_chart::views::layout(&model, view, &Default::default());
                lays_out_whole(&model, &l, &format!("round {round} {view:?}"));
            }
        }
    }
    assert!(loaded > 100, "mutations too destructive to exercise the model ({loaded} loaded)");
}

/// The JSON Schema and the loader accept the same fields, at every level.
#[test]
fn schema_matches_the_loader() {
    use passrate_chart::load::{
        NAME_FIELDS, QUOTE_FIELDS, REGION_FIELDS, ROOT_FIELDS_V2, SOURCE_FIELDS, TIER_FIELDS_V2, YEAR_FIELDS_V2,
    };
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema/passrate-data.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v["properties"].as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let sorted = |f: &[&str]| -> Vec<String> {
        let mut k: Vec<String> = f.iter().map(|s| s.to_string()).collect();
        k.sort();
        k
    };
    assert_eq!(keys(&schema), sorted(ROOT_FIELDS_V2));
    assert_eq!(keys(&schema["properties"]["source"]["oneOf"][1]), sorted(SOURCE_FIELDS));
    assert_eq!(keys(&schema["properties"]["regions"]["items"]), sorted(REGION_FIELDS));
    let year = &schema["$defs"]["years"]["items"];
    assert_eq!(keys(year), sorted(YEAR_FIELDS_V2));
    let tier = &year["properties"]["tiers"]["items"];
    assert_eq!(keys(tier), sorted(TIER_FIELDS_V2));
    assert_eq!(keys(&tier["properties"]["quotes"]), sorted(QUOTE_FIELDS));
    assert_eq!(keys(&schema["$defs"]["name"]["oneOf"][1]), sorted(NAME_FIELDS));
}

/// The limits are the largest sizes accepted: one more is refused, naming the field.
#[test]
fn limits_accept_their_own_size() {
    use passrate_chart::load::{MAX_REGIONS, MAX_TIERS, MAX_YEARS};
    let tiers: Vec<String> = (0..MAX_TIERS).map(|i| format!(r#"{{"tier":"T{i}","rate":1}}"#)).collect();
    let ds = from_json(&doc(&format!(r#"[{{"year":2019,"tiers":[{}]}}]"#, tiers.join(",")))).unwrap();
    assert_eq!(ds.regions[0].years[0].tiers.len(), MAX_TIERS);
    let years: Vec<String> =
        (0..MAX_YEARS).map(|i| format!(r#"{{"year":{},"tiers":[{GOOD_TIER}]}}"#, 1950 + i)).collect();
    assert_eq!(from_json(&doc(&format!("[{}]", years.join(",")))).unwrap().regions[0].years.len(), MAX_YEARS);
    let regions = |n: usize| -> String {
        let r: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"region":"市{i}","years":[{{"year":2024,"tiers":[{GOOD_TIER}]}}]}}"#))
            .collect();
        format!(r#"{{"version":2,"title":"T","reference":"省","regions":[{}]}}"#, r.join(","))
    };
    assert_eq!(from_json(&regions(MAX_REGIONS)).unwrap().regions.len(), MAX_REGIONS);
    assert_eq!(json_err(&regions(MAX_REGIONS + 1)), "regions: expected at most 250 regions, got 251 regions");
}

/// 16 MB of input is read; a byte more is refused before parsing, saying how large it is.
#[test]
fn inputs_over_16_mb_are_refused_before_parsing() {
    use passrate_chart::load::MAX_INPUT;
    let seed = include_str!("../www/data/yuncheng-2019.json");
    let mut text = String::with_capacity(MAX_INPUT + 1);
    text.push_str(seed.trim_end());
    text.push_str(&" ".repeat(MAX_INPUT - text.len()));
    assert_eq!(text.len(), MAX_INPUT);
    assert!(from_text(&text).is_ok(), "exactly 16 MB");
    text.push(' ');
    let e = from_text(&text).unwrap_err().to_string();
    assert!(e.starts_with("(input): expected at most 16 MB of data, got 16.0 MB"), "{e}");
    let csv = format!("{}\n{}", HEADER, "T,2019,一本线,运城市,1,1,1.0,0.1\n".repeat(MAX_INPUT / 30));
    let e = from_csv(&csv).unwrap_err().to_string();
    let size = format!("{:.1}", csv.len() as f64 / (1024.0 * 1024.0));
    assert!(e.starts_with(&format!("(input): expected at most 16 MB of data, got {size} MB")), "{e}");
}

/// Numbers typed with full-width characters, and counts as spreadsheets write them.
#[test]
fn numbers_as_typed_in_chinese_input_methods() {
    use passrate_chart::load::{normalize_number, read_count};
    assert_eq!(normalize_number(" １５．５％ "), "15.5%");
    assert_eq!(normalize_number("０１２３４５６７８９"), "0123456789");
    assert_eq!(normalize_number("－０．３"), "-0.3");
    assert_eq!(normalize_number("−1，000"), "-1,000");
    assert_eq!(normalize_number("＋2"), "+2");
    assert_eq!(read_count("３６，１９２人"), Some(36192));
    assert_eq!(read_count("36 192"), Some(36192));
    assert_eq!(read_count("999999999999"), Some(999_999_999_999), "twelve digits");
    assert_eq!(read_count("1000000000000"), None, "thirteen digits");
    for bad in ["", "人", "-5", "1.5", "12a", ",", "+3"] {
        assert_eq!(read_count(bad), None, "{bad:?}");
    }
}

/// A JS number keeps no written form: each takes the finest precision its field is written
/// with elsewhere in the dataset (14 beside 15.5 prints as 14.0), field by field.
#[test]
fn numbers_without_a_written_form_take_their_fields_precision() {
    use passrate_chart::json::Value;
    fn floats(v: Value) -> Value {
        match v {
            Value::Number(s) => Value::Float(passrate_chart::format::read_decimal(&s, false).unwrap().value),
            Value::Array(a) => Value::Array(a.into_iter().map(floats).collect()),
            Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, floats(v))).collect()),
            v => v,
        }
    }
    let text = r#"{"title":"T","region":"甲","reference":"乙","years":[{"year":2024,"tiers":[
        {"tier":"一","rate":15.5,"reference_rate":14,"vs_previous_year_pp":0.25},
        {"tier":"二","rate":48,"reference_rate":45.25,"vs_previous_year_pp":1,"candidates":1000,"passed":480}]},
        {"year":2023,"tiers":[{"tier":"一","rate":15,"vs_reference_pp":1.125}]}]}"#;
    let ds = passrate_chart::load::from_value(&floats(passrate_chart::json::parse(text).unwrap())).unwrap();
    let decimals = |y: usize, t: usize| {
        let tier = &ds.regions[0].years[y].tiers[t];
        let d = |s: Option<passrate_chart::load::Stated>| s.map(|s| (s.decimals, s.written));
        (d(tier.rate), d(tier.reference_rate), d(tier.vs_reference_pp), d(tier.vs_previous_year_pp))
    };
    // Each field its own finest: rates 1, reference rates 2, differences to the reference 3,
    // changes on the year 2; none of them written.
    assert_eq!(decimals(0, 0), (Some((1, false)), Some((2, false)), None, Some((2, false))));
    assert_eq!(decimals(0, 1), (Some((1, false)), Some((2, false)), None, Some((2, false))));
    assert_eq!(decimals(1, 0), (Some((1, false)), None, Some((3, false)), None));
    // Counts from JS numbers are whole numbers.
    let t = &ds.regions[0].years[0].tiers[1];
    assert_eq!((t.candidates, t.passed), (Some(1000), Some(480)));
    // Written numbers keep what they say.
    let written = from_json(text).unwrap();
    assert_eq!(written.regions[0].years[0].tiers[1].rate.map(|s| (s.decimals, s.written)), Some((0, true)));
}

/// Messages that depend on how a value went wrong, and implied rates at the edge of 0 %.
#[test]
fn what_is_wrong_with_a_value() {
    // A quoted number out of range is only out of range; a quoted word is told to drop the quotes.
    assert_eq!(
        json_err(&tier(r#""rate":"150""#)),
        r#"years[0].tiers[1].rate: expected a percentage between 0 and 100, got "150""#
    );
    assert!(json_err(&tier(r#""rate":"abc""#)).ends_with(r#"got "abc" (write it as a number, without quotes)"#));
    // A source may be a name, but not a blank one.
    let blank = r#"{"title":"T","region":"A","reference":"B","source":"  ","years":[{"year":2019,"tiers":[{"tier":"T","rate":1.0}]}]}"#;
    assert!(json_err(blank).starts_with("source: expected an object like"), "{}", json_err(blank));
    // 1.0 % up 1.0 point was 0.0 % last year, and 1.00 up 1.04 is −0.04, within rounding of 0;
    // 1.00 up 1.06 is not.
    assert!(from_json(&tier(r#""rate":1.0,"vs_previous_year_pp":1.0"#)).is_ok());
    assert!(from_json(&tier(r#""rate":1.00,"vs_previous_year_pp":1.04"#)).is_ok());
    assert!(json_err(&tier(r#""rate":1.00,"vs_previous_year_pp":1.06"#))
        .starts_with("years[0].tiers[1].vs_previous_year_pp: with a rate of 1.00 % this difference implies a previous-year rate of −0.06 %"));
}

/// The separator is read from the header outside quotes; a quoted field's newlines count as
/// lines for the positions after it.
#[test]
fn csv_quotes_in_the_header_and_across_lines() {
    // A tab-separated header whose quoted first field holds a newline: still tabs.
    let e = csv_err("\"ti\ntle\"\tyear\ttier\tarea\trate\nT\t2019\t一\t甲\t1.0");
    assert!(e.starts_with("line 1, column 1 (\"ti\ntle\"): unknown field"), "{e}");
    // Separated by full-width commas, with a semicolon inside quotes: still full-width commas.
    let e = csv_err("\"a;b\"，year，tier，area，rate\nT，2019，一，甲，1.0");
    assert!(e.starts_with("line 1, column 1 (\"a;b\"): unknown field"), "{e}");
    let e = csv_err("title,year,tier,area,rate\n\"T\nX\",2019,一本线,运城市,15.5\n,2019,二本线,运城市,abc");
    assert!(e.starts_with("line 4, column 5 (rate): expected a percentage"), "{e}");
}

/// Bytes as files arrive: UTF-8 with or without its mark, UTF-16 either way round, GB18030;
/// what is none of them is an error at its byte (and line, where lines can be counted).
#[test]
fn bytes_in_each_encoding() {
    use passrate_chart::load::decode;
    let text = "title,年";
    let utf16 = |bom: [u8; 2], be: bool| -> Vec<u8> {
        let mut out = bom.to_vec();
        for u in text.encode_utf16() {
            out.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        out
    };
    let read = |b: &[u8]| decode(b).map(|(s, e)| (s, e.name())).map_err(|e| e.to_string());
    let le = utf16([0xff, 0xfe], false);
    assert_eq!(read(&le), Ok((text.to_string(), "UTF-16LE")));
    assert_eq!(read(&utf16([0xfe, 0xff], true)), Ok((text.to_string(), "UTF-16BE")));
    assert_eq!(read(b"a,\xd4\xcb\xb3\xc7"), Ok(("a,运城".to_string(), "GB18030")));
    assert_eq!(read(b"a,b"), Ok(("a,b".to_string(), "UTF-8")));
    assert_eq!(read(b"\xef\xbb\xbfa,b"), Ok(("a,b".to_string(), "UTF-8")));
    let neither = "expected text in UTF-8 (GB18030/GBK and UTF-16 with its byte-order mark are read too); \
                   save the file as \"CSV UTF-8\", got bytes that are neither, from byte";
    let mut odd = le.clone();
    odd.push(0x41);
    assert_eq!(read(&odd), Err(format!("(input): {neither} 17")), "an odd byte at the end of UTF-16");
    assert_eq!(
        read(&[0xff, 0xfe, 0x41, 0x00, 0x00, 0xdc, 0x42, 0x00]),
        Err(format!("(input): {neither} 5")),
        "a lone surrogate"
    );
    assert_eq!(
        read(&[0xef, 0xbb, 0xbf, b'a', b'\n', b'b', 0xff]),
        Err(format!("line 2: {neither} 7")),
        "after the UTF-8 mark"
    );
    // 16 MB of bytes are read; a byte more is refused before decoding.
    let big = vec![b' '; passrate_chart::load::MAX_INPUT];
    assert!(decode(&big).is_ok());
    let mut over = big;
    over.push(b' ');
    assert_eq!(read(&over), Err("(input): expected at most 16 MB of data, got 16.0 MB".to_string()));
}
