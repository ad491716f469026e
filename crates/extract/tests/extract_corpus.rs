//! The extractor scored on the labelled corpus (`tests/corpus/extract/`, see its README): every
//! text is extracted (with `--year` when its label says the text needs it), every figure of the
//! dataset compared with the hand-made label, field by field.
//!
//! The table (`cargo test --test extract_corpus -- --nocapture`) gives, per field, the figures
//! taken, right, wrong and missed. The test fails on any wrong figure (a figure the label does
//! not have, or a different value; a trap number of `never` taken; a source, date, region or
//! reference name other than the labelled one), when fewer than 95 % of the
//! labelled figures are found, and when a text that never states its year is not said to need
//! one (or one that does is).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::PathBuf;

use passrate_chart::format::decimal;
use passrate_chart::json::{self, Value};
use passrate_chart::load::{Dataset, Stated};
use passrate_chart_extract::{self as extract, Extraction, Options, Reason, Role};

/// The figure fields, in the table's order.
const FIELDS: &[&str] = &["candidates", "passed", "rate", "reference_rate", "vs_reference_pp", "vs_previous_year_pp"];

/// The least share of the labelled figures that must be found.
const MIN_FOUND: f64 = 0.95;

/// The region figures of a multi-area label's reference (`reference_years`) are keyed by this.
const REFERENCE: &str = "(reference)";

/// One figure: (field, area, year, tier) → the value as written.
type Key = (&'static str, String, i32, String);

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/extract")
}

fn texts() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".txt"))
        .map(|n| n.trim_end_matches(".txt").to_string())
        .collect();
    names.sort();
    names
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.clone()),
        _ => None,
    }
}

fn int_of(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(n) => n.parse().ok(),
        _ => None,
    }
}

fn list(v: Option<&Value>) -> &[Value] {
    match v {
        Some(Value::Array(a)) => a,
        _ => &[],
    }
}

/// A difference or rate as the label writes it: no `+`.
fn label_number(s: &str) -> String {
    s.trim_start_matches('+').to_string()
}

fn stated(s: &Stated) -> String {
    decimal(s.value, s.decimals)
}

struct Label {
    needs_year: bool,
    year_arg: Option<i32>,
    source_name: Option<String>,
    source_date: Option<String>,
    reference: Option<String>,
    /// Each area's name and its other names.
    regions: Vec<(String, Vec<String>)>,
    /// Several areas: the reference's rates are keyed by [`REFERENCE`].
    multi: bool,
    figures: BTreeMap<Key, String>,
    never: Vec<String>,
    /// Figures the text states that the format cannot chart (a tier's count without its rate
    /// or the candidates): each must be left out with the reason that says so.
    unchartable: Vec<String>,
}

fn label(name: &str) -> Label {
    let path = corpus().join(format!("{name}.json"));
    let v = json::parse(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{name}.json: {e:?}"));
    let aliases = v.get("region_aliases");
    let mut figures = BTreeMap::new();
    let mut regions = Vec::new();
    let reference_years = list(v.get("reference_years"));
    let region_list = list(v.get("regions"));
    let multi = region_list.len() > 1 || !reference_years.is_empty();
    for r in region_list {
        let area = str_of(r.get("region")).unwrap();
        let other: Vec<String> =
            list(aliases.and_then(|a| a.get(&area))).iter().filter_map(|a| str_of(Some(a))).collect();
        regions.push((area.clone(), other));
        for y in list(r.get("years")) {
            let year = int_of(y.get("year")).unwrap() as i32;
            if let Some(c) = int_of(y.get("candidates")) {
                figures.insert(("candidates", area.clone(), year, String::new()), c.to_string());
            }
            for t in list(y.get("tiers")) {
                let tier = str_of(t.get("tier")).unwrap();
                for field in &FIELDS[1..] {
                    let Some(value) = str_of(t.get(field)) else { continue };
                    let owner = if *field == "reference_rate" && multi { REFERENCE.to_string() } else { area.clone() };
                    figures.insert((field, owner, year, tier.clone()), label_number(&value));
                }
            }
        }
    }
    for y in reference_years {
        let year = int_of(y.get("year")).unwrap() as i32;
        for t in list(y.get("tiers")) {
            let tier = str_of(t.get("tier")).unwrap();
            let rate = str_of(t.get("rate")).unwrap();
            figures.insert(("reference_rate", REFERENCE.to_string(), year, tier), label_number(&rate));
        }
    }
    let source = v.get("source");
    Label {
        needs_year: matches!(v.get("needs_year"), Some(Value::Bool(true))),
        year_arg: int_of(v.get("year_arg")).map(|y| y as i32),
        source_name: str_of(source.and_then(|s| s.get("name"))),
        source_date: str_of(source.and_then(|s| s.get("date"))),
        reference: str_of(v.get("reference")),
        regions,
        multi,
        figures,
        never: list(v.get("never")).iter().filter_map(|s| str_of(Some(s))).collect(),
        unchartable: list(v.get("unchartable")).iter().filter_map(|s| str_of(Some(s))).collect(),
    }
}

/// The label's name for an extracted area: by its name or another name, or the one area of
/// a one-area label when the extraction has one area too.
fn area_of(label: &Label, ds: &Dataset, name: &str) -> Option<String> {
    let by_name = label.regions.iter().find(|(n, other)| n == name || other.iter().any(|o| o == name));
    match by_name {
        Some((n, _)) => Some(n.clone()),
        None if label.regions.len() == 1 && ds.regions.len() == 1 => Some(label.regions[0].0.clone()),
        None => None,
    }
}

/// Every figure of the extracted dataset, keyed as the label keys them.
fn figures(label: &Label, ds: &Dataset) -> BTreeMap<Key, String> {
    let mut out = BTreeMap::new();
    for r in &ds.regions {
        let area = area_of(label, ds, &r.name.text).unwrap_or_else(|| format!("(unlabelled) {}", r.name.text));
        for y in &r.years {
            if let Some(c) = y.candidates {
                out.insert(("candidates", area.clone(), y.year, String::new()), c.to_string());
            }
            for t in &y.tiers {
                let tier = t.tier.text.clone();
                let mut put = |field: &'static str, owner: &str, v: String| {
                    out.insert((field, owner.to_string(), y.year, tier.clone()), v);
                };
                if let Some(p) = t.passed {
                    put("passed", &area, p.to_string());
                }
                if let Some(s) = &t.rate {
                    put("rate", &area, stated(s));
                }
                if let Some(s) = &t.reference_rate {
                    put("reference_rate", if label.multi { REFERENCE } else { &area }, stated(s));
                }
                if let Some(s) = &t.vs_reference_pp {
                    put("vs_reference_pp", &area, stated(s));
                }
                if let Some(s) = &t.vs_previous_year_pp {
                    put("vs_previous_year_pp", &area, stated(s));
                }
            }
        }
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Score {
    labelled: usize,
    taken: usize,
    right: usize,
}

impl Score {
    fn wrong(&self) -> usize {
        self.taken - self.right
    }
    fn missed(&self) -> usize {
        self.labelled - self.right
    }
    fn add(&mut self, o: Score) {
        self.labelled += o.labelled;
        self.taken += o.taken;
        self.right += o.right;
    }
}

/// Scores of one text, and what went wrong in it, one line each.
#[derive(Default)]
struct Outcome {
    fields: BTreeMap<&'static str, Score>,
    names: BTreeMap<&'static str, Score>,
    wrong: Vec<String>,
    missed: Vec<String>,
    name_notes: Vec<String>,
}

/// A name compared: `generic` names (the fallbacks 全市, 全省 …) are missed, not wrong.
fn score_name(out: &mut Outcome, what: &'static str, want: Option<&str>, got: Option<&str>) {
    let generic = ["全市", "全省", "the city", "the province"];
    let got = got.filter(|g| want == Some(*g) || !generic.contains(g));
    let s = out.names.entry(what).or_default();
    s.labelled += want.is_some() as usize;
    s.taken += got.is_some() as usize;
    if want.is_some() && want == got {
        s.right += 1;
    } else if want.is_some() || got.is_some() {
        out.name_notes.push(format!("{what}: labelled {want:?}, extracted {got:?}"));
    }
}

fn score(name: &str, label: &Label, text: &str, x: &Extraction) -> Outcome {
    let mut out = Outcome::default();
    let got = x.dataset.as_ref().map(|ds| figures(label, ds)).unwrap_or_default();
    for field in FIELDS {
        let s = out.fields.entry(field).or_default();
        s.labelled = label.figures.keys().filter(|k| k.0 == *field).count();
        s.taken = got.keys().filter(|k| k.0 == *field).count();
        s.right = got.iter().filter(|(k, v)| k.0 == *field && label.figures.get(*k) == Some(*v)).count();
    }
    for (k, v) in &got {
        match label.figures.get(k) {
            Some(want) if want == v => {}
            want => out.wrong.push(format!("{name}: {k:?} = {v}, labelled {want:?}")),
        }
    }
    for (k, v) in &label.figures {
        if got.get(k) != Some(v) {
            out.missed.push(format!("{name}: {k:?} = {v} missed"));
        }
    }
    // The trap numbers: none of them is taken as a figure.
    let never = out.fields.entry("never").or_default();
    for trap in &label.never {
        never.labelled += 1;
        let hit = text.match_indices(trap.as_str()).any(|(at, _)| {
            x.used
                .iter()
                .any(|u| matches!(u.role, Role::Figure(_)) && u.number.start < at + trap.len() && at < u.number.end)
        });
        if hit {
            never.taken += 1;
            out.wrong.push(format!("{name}: the trap {trap:?} was taken"));
        }
    }
    // The numbers used are listed in the order of the text.
    if x.used.windows(2).any(|w| w[0].number.start > w[1].number.start) {
        out.wrong.push(format!("{name}: the numbers used are out of order"));
    }
    // Every number is accounted for: used, or left out with its reason.
    for at in numbers(text) {
        let seen = |s: &extract::Span| s.start <= at && at < s.end;
        if !x.used.iter().any(|u| seen(&u.number)) && !x.ignored.iter().any(|i| seen(&i.number)) {
            let end = text[at..]
                .find(|c: char| !c.is_ascii_digit() && !('０'..='９').contains(&c))
                .map_or(text.len(), |e| at + e);
            out.wrong.push(format!("{name}: the number {:?} at {at} is neither used nor left out", &text[at..end]));
        }
    }
    // A number is either used or left out, never both.
    for u in &x.used {
        if x.ignored.iter().any(|i| i.number == u.number) {
            out.wrong.push(format!("{name}: {:?} is both used and left out", u.number.of(text)));
        }
    }
    // Stated but not chartable: left out, and the reason says what the chart would need.
    for figure in &label.unchartable {
        let said = x.ignored.iter().any(|i| i.number.of(text) == figure && i.reason == Reason::Incomplete);
        if !said {
            out.wrong.push(format!("{name}: {figure:?} is not left out as needing its rate or candidates"));
        }
    }
    let ds = x.dataset.as_ref();
    let source = ds.and_then(|d| d.source.as_ref());
    score_name(&mut out, "source.name", label.source_name.as_deref(), source.map(|s| s.name.as_str()));
    score_name(&mut out, "source.date", label.source_date.as_deref(), source.and_then(|s| s.date.as_deref()));
    if label.reference.is_some() {
        score_name(&mut out, "reference", label.reference.as_deref(), ds.map(|d| d.reference.text.as_str()));
    }
    if let Some(ds) = ds {
        for r in &ds.regions {
            let got = r.name.text.as_str();
            let named = label.regions.iter().any(|(n, o)| n == got || o.iter().any(|o| o == got));
            let want = if named { Some(got.to_string()) } else { area_of(label, ds, got) };
            score_name(&mut out, "region", want.as_deref(), Some(got));
        }
    }
    for (area, _) in &label.regions {
        if !ds.is_some_and(|d| d.regions.iter().any(|r| area_of(label, d, &r.name.text).as_deref() == Some(area))) {
            out.names.entry("region").or_default().labelled += 1;
            out.names.entry("region").or_default().taken += 0;
            out.name_notes.push(format!("region: {area} missing"));
        }
    }
    out
}

/// Where each number of the text starts: a run of digits that is not part of a word (tier-1,
/// G20) or a keycap (1️⃣), and not the separator or decimals of the number before it.
fn numbers(text: &str) -> Vec<usize> {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !digit(chars[i].1) {
            i += 1;
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let prev2 = i.checked_sub(2).map(|j| chars[j].1);
        let in_word = prev.is_some_and(|p| p.is_ascii_alphabetic())
            || (prev == Some('-') && prev2.is_some_and(|p| p.is_ascii_alphabetic()));
        let mut j = i;
        // 36,192 / 15.5 / ２３，６８０ / 2019-08-14 are one number each.
        while j < chars.len()
            && (digit(chars[j].1) || (",.，．-/:".contains(chars[j].1) && chars.get(j + 1).is_some_and(|c| digit(c.1))))
        {
            j += 1;
        }
        let keycap = chars.get(j).is_some_and(|c| matches!(c.1, '\u{fe0f}' | '\u{20e3}'));
        if !in_word && !keycap {
            out.push(chars[i].0);
        }
        i = j;
    }
    out
}

fn row(name: &str, s: &Score) -> String {
    format!("| {name} | {} | {} | {} | {} | {} |", s.labelled, s.taken, s.right, s.wrong(), s.missed())
}

#[test]
fn the_labelled_corpus() {
    let names = texts();
    assert!(names.len() >= 40, "the corpus has {} texts", names.len());
    let mut total: BTreeMap<&'static str, Score> = BTreeMap::new();
    let mut names_total: BTreeMap<&'static str, Score> = BTreeMap::new();
    let mut wrong = Vec::new();
    let mut missed = Vec::new();
    let mut notes = Vec::new();
    let mut year = Vec::new();
    for name in &names {
        let text = std::fs::read_to_string(corpus().join(format!("{name}.txt"))).unwrap();
        let label = label(name);
        let plain = extract::extract(&text);
        if plain.needs_year != label.needs_year {
            year.push(format!("{name}: needs_year is {}, labelled {}", plain.needs_year, label.needs_year));
        }
        if label.needs_year && plain.dataset.is_some() {
            year.push(format!("{name}: a dataset without the year it needs"));
        }
        let x = match label.year_arg {
            Some(y) => extract::extract_with(&text, &Options { year: Some(y), ..Options::default() }),
            None => plain,
        };
        let o = score(name, &label, &text, &x);
        for (f, s) in &o.fields {
            total.entry(f).or_default().add(*s);
        }
        for (f, s) in &o.names {
            names_total.entry(f).or_default().add(*s);
        }
        wrong.extend(o.wrong);
        missed.extend(o.missed);
        notes.extend(o.name_notes.into_iter().map(|n| format!("{name}: {n}")));
    }
    let mut table = vec![
        "| field | labelled | taken | right | wrong | missed |".to_string(),
        "| --- | ---: | ---: | ---: | ---: | ---: |".to_string(),
    ];
    let mut sum = Score::default();
    for f in FIELDS {
        let s = total[f];
        sum.add(s);
        table.push(row(f, &s));
    }
    table.push(row("**all figures**", &sum));
    let never = total["never"];
    table
        .push(format!("| trap numbers (`never`) taken | {} | {} | | {} | |", never.labelled, never.taken, never.taken));
    for (f, s) in &names_total {
        table.push(row(&format!("{f} (names)"), s));
    }
    let found = sum.right as f64 / sum.labelled.max(1) as f64;
    table.push(format!("\n{} of {} labelled figures found ({:.1} %)", sum.right, sum.labelled, found * 100.0));
    println!("{}", table.join("\n"));
    println!("\nwrong:\n{}", wrong.join("\n"));
    println!("\nmissed:\n{}", missed.join("\n"));
    println!("\nnames:\n{}", notes.join("\n"));
    assert!(year.is_empty(), "the year:\n{}", year.join("\n"));
    assert!(wrong.is_empty(), "wrong figures:\n{}", wrong.join("\n"));
    // A name (source, date, region, reference) the extractor gives is the labelled one.
    let wrong_names: Vec<String> = notes.iter().filter(|n| n.contains("extracted Some")).cloned().collect();
    assert!(wrong_names.is_empty(), "wrong names:\n{}", wrong_names.join("\n"));
    assert!(found >= MIN_FOUND, "{:.1} % of the labelled figures found, below {} %", found * 100.0, MIN_FOUND * 100.0);
    // Every figure missed is a known miss (`known-misses.list`, one per line, as printed above):
    // a change that loses a figure the extractor found fails here, however small.
    let known = std::fs::read_to_string(corpus().join("known-misses.list")).unwrap();
    let known: Vec<&str> = known.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let new: Vec<&String> = missed.iter().filter(|m| !known.contains(&m.as_str())).collect();
    assert!(
        new.is_empty(),
        "figures missed that were found before:\n{}",
        new.iter().map(|m| m.as_str()).collect::<Vec<_>>().join("\n")
    );
    let stale: Vec<&&str> = known.iter().filter(|k| !missed.iter().any(|m| m == **k)).collect();
    assert!(
        stale.is_empty(),
        "found now, remove from known-misses.list:\n{}",
        stale.iter().map(|k| **k).collect::<Vec<_>>().join("\n")
    );
}

/// Cut anywhere, a report still reads without a panic: every prefix of every corpus text (at
/// every fifth character), with and without a year given.
#[test]
fn every_prefix_of_every_text_reads() {
    for name in texts() {
        let text = std::fs::read_to_string(corpus().join(format!("{name}.txt"))).unwrap();
        let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(5).chain([text.len()]).collect();
        for end in ends {
            let part = &text[..end];
            let x = extract::extract(part);
            let with_year = extract::extract_with(part, &Options { year: Some(2024), ..Options::default() });
            assert!(x.dataset.is_some() || x.refusal.is_some() || x.needs_year, "{name} to {end}");
            assert!(!with_year.needs_year, "{name} to {end}");
        }
    }
}
