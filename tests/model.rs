//! Derivation, provenance and the cross-checks, on the seed and on purpose-built data.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use passrate_chart::format::fixed;
use passrate_chart::model::{Field, Provenance, Rule, WarningKind};
use passrate_chart::words::Lang;
use passrate_chart::{parse, phrase};

#[test]
fn seed_derives_reference_and_previous_year() {
    let m = common::fixture("seed.json");
    let y = m.current();
    assert_eq!(y.year, 2019);
    let shown: Vec<(String, String, String)> = y
        .tiers
        .iter()
        .map(|t| {
            let f = |x: &passrate_chart::model::Figure| fixed(x.value, x.decimals);
            (f(&t.rate), f(t.reference_rate.as_ref().unwrap()), f(t.previous_rate.as_ref().unwrap()))
        })
        .collect();
    assert_eq!(
        shown,
        vec![("15.5".into(), "14.8".into(), "15.1".into()), ("48.6".into(), "45.2".into(), "46.9".into())]
    );
    let t1 = &y.tiers[0];
    assert!(!t1.rate.is_derived());
    let reference = t1.reference_rate.as_ref().unwrap();
    match &reference.provenance {
        Provenance::Derived { rule, operands, inputs } => {
            assert_eq!(*rule, Rule::ReferenceFromGap);
            assert_eq!(*operands, [15.5, 0.7]);
            let fields: Vec<Field> = inputs.iter().map(|r| r.field).collect();
            assert_eq!(fields, vec![Field::Rate, Field::VsReference]);
        }
        other => panic!("expected a derived reference rate, got {other:?}"),
    }
    // Exact, not 14.799999…
    assert_eq!(reference.value, 14.8);
    assert_eq!(t1.previous_rate.as_ref().unwrap().value, 15.1);
    let prov = phrase::provenance(reference, &m, Lang::Zh);
    assert!(prov.contains("15.5 − 0.7 = 14.8"), "{prov}");
    assert!(prov.contains("与山西省相比 +0.7 个百分点"), "{prov}");
    let prov_en = phrase::provenance(t1.previous_rate.as_ref().unwrap(), &m, Lang::En);
    assert!(prov_en.contains("15.5 − 0.4 = 15.1"), "{prov_en}");
    // Tier 1's rate is stated and contradicted by its counts; tier 2's is stated.
    assert!(phrase::provenance(&t1.rate, &m, Lang::En).starts_with("stated in the source, but another number"));
    assert_eq!(phrase::provenance(&m.current().tiers[1].rate, &m, Lang::En), "stated in the source");
}

#[test]
fn seed_tier_one_counts_contradict_the_rate_and_tier_two_do_not() {
    let m = common::fixture("seed.json");
    assert_eq!(m.warnings.len(), 1, "{:?}", m.warnings);
    let w = &m.warnings[0];
    assert_eq!(w.tier, "一本线");
    match &w.kind {
        WarningKind::CountsDisagree { passed, candidates, computed, stated } => {
            assert_eq!((*passed, *candidates), (5872, 36192));
            assert_eq!(fixed(*computed, 1), "16.2");
            assert_eq!(stated.value, 15.5);
        }
        other => panic!("unexpected {other:?}"),
    }
    let t1 = &m.current().tiers[0];
    // The stated rate, its counts-based twin, and everything derived from it carry the warning.
    assert_eq!(t1.rate.warnings, vec![0]);
    assert_eq!(t1.rate_from_counts.as_ref().unwrap().warnings, vec![0]);
    assert_eq!(t1.reference_rate.as_ref().unwrap().warnings, vec![0]);
    assert_eq!(t1.previous_rate.as_ref().unwrap().warnings, vec![0]);
    // The stated difference itself does not rest on the rate.
    assert!(t1.vs_reference.as_ref().unwrap().warnings.is_empty());
    let t2 = &m.current().tiers[1];
    assert!(t2.rate.warnings.is_empty());
    assert_eq!(fixed(t2.rate_from_counts.as_ref().unwrap().value, 2), "48.57");
    let note = phrase::warning(&m, 0, Lang::Zh);
    assert!(note.contains("5,872 ÷ 36,192 = 16.2%") && note.contains("15.5%"), "{note}");
}

#[test]
fn json_and_csv_give_the_same_model() {
    let from_json = common::fixture("seed.json");
    let from_csv = common::fixture("seed.csv");
    assert_eq!(from_json, from_csv);
}

#[test]
fn stated_numbers_that_disagree_warn() {
    let m = common::fixture("conflicts.json");
    let kinds: Vec<&WarningKind> = m.warnings.iter().map(|w| &w.kind).collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert!(matches!(kinds[0], WarningKind::ReferenceDisagrees { .. }));
    assert!(matches!(kinds[1], WarningKind::PreviousDisagrees { .. }));
    let t = &m.current().tiers[0];
    // 221 / 1000 = 22.1 %: the counts agree with the rate.
    assert!(t.rate.warnings.is_empty());
    assert!(!t.reference_rate.as_ref().unwrap().is_derived());
    assert_eq!(t.reference_rate.as_ref().unwrap().warnings, vec![0]);
    assert_eq!(t.previous_rate.as_ref().unwrap().value, 20.1);
    assert_eq!(t.previous_rate.as_ref().unwrap().warnings, vec![1]);
    let note = phrase::warning(&m, 0, Lang::En);
    assert!(note.contains("19.1%") && note.contains("19.6%"), "{note}");
}

fn one_tier(extra: &str) -> String {
    format!(
        r#"{{"title":"t","region":"A","reference":"B","years":[{{"year":2020,"tiers":[{{"tier":"T",{extra}}}]}}]}}"#
    )
}

#[test]
fn rounding_tolerance_of_the_cross_checks() {
    // 20.1 − 0.5 = 19.6; each of the three stated numbers may be off by 0.05, so a stated 19.5
    // or 19.7 is within what rounding explains, 19.8 and 19.4 are not.
    for (reference, warns) in [("19.5", false), ("19.7", false), ("19.8", true), ("19.4", true)] {
        let m =
            parse(&one_tier(&format!(r#""rate":20.1,"vs_reference_pp":0.5,"reference_rate":{reference}"#))).unwrap();
        assert_eq!(!m.warnings.is_empty(), warns, "reference {reference}");
    }
    // A trailing zero claims no precision: 20.0 is compared as 20, which may be off by 0.5, so
    // 20.0 − 0.5 against a stated 19.0 is within rounding (0.5 + 0.05 + 0.05), and 18.8 is not.
    for (reference, warns) in [("19.0", false), ("18.8", true)] {
        let m =
            parse(&one_tier(&format!(r#""rate":20.0,"vs_reference_pp":0.5,"reference_rate":{reference}"#))).unwrap();
        assert_eq!(!m.warnings.is_empty(), warns, "reference {reference}");
    }
    // passed ÷ candidates within half a unit of the stated rate: 48.57 vs 48.6 passes, 48.64 vs 48.5 fails.
    let ok = parse(&one_tier(r#""candidates":36192,"passed":17579,"rate":48.6"#)).unwrap();
    assert!(ok.warnings.is_empty());
    let off = parse(&one_tier(r#""candidates":10000,"passed":4864,"rate":48.5"#)).unwrap();
    assert_eq!(off.warnings.len(), 1);
    // Half a unit exactly is still rounding.
    let edge = parse(&one_tier(r#""candidates":10000,"passed":4855,"rate":48.6"#)).unwrap();
    assert!(edge.warnings.is_empty(), "{:?}", edge.warnings);
    // Excel's two-decimal percent format writes 18.70: its zero is not a claim, and 7,906 ÷
    // 42,318 = 18.68 agrees with it; 18.0 stated (as a reporter writes it) does not, and the
    // footnote gives both numbers at their own precision and the real difference.
    let excel = parse(&one_tier(r#""candidates":42318,"passed":7906,"rate":"18.70%""#)).unwrap();
    assert!(excel.warnings.is_empty(), "{:?}", excel.warnings);
    let off = parse(&one_tier(r#""candidates":42318,"passed":7906,"rate":"18.0""#)).unwrap();
    assert_eq!(off.warnings.len(), 1);
    let note = phrase::warning(&off, 0, Lang::Zh);
    assert!(note.contains("= 18.7%") && note.contains("18.0%") && note.contains("相差 0.7 个百分点"), "{note}");
    // A whole-number rate: compared at units, written with one decimal to show the difference.
    let whole = parse(&one_tier(r#""candidates":42318,"passed":7906,"rate":18"#)).unwrap();
    let note = phrase::warning(&whole, 0, Lang::En);
    assert!(note.contains("18.7%") && note.contains(" 18%") && note.contains("0.7"), "{note}");
}

#[test]
fn rate_from_counts_when_no_rate_is_stated() {
    let m = parse(&one_tier(r#""candidates":800,"passed":100"#)).unwrap();
    let t = &m.current().tiers[0];
    assert!(t.rate.is_derived());
    assert_eq!(fixed(t.rate.value, t.rate.decimals), "12.5");
    assert!(t.rate_from_counts.is_none());
    assert!(m.warnings.is_empty());
}

#[test]
fn differences_derived_from_explicit_rates() {
    let m = common::fixture("below.json");
    let t = &m.current().tiers[0];
    let gap = t.vs_reference.as_ref().unwrap();
    assert!(gap.is_derived());
    assert_eq!(fixed(gap.value, gap.decimals), "−1.8");
    let t2 = &m.current().tiers[1];
    assert_eq!(fixed(t2.reference_rate.as_ref().unwrap().value, 1), "43.6");
}

#[test]
fn previous_year_entries_are_used_and_checked() {
    let m = common::fixture("fall.json");
    assert!(m.warnings.is_empty(), "{:?}", m.warnings);
    assert_eq!(m.current().year, 2023);
    let t1 = &m.current().tiers[0];
    assert!(!t1.previous_rate.as_ref().unwrap().is_derived());
    assert_eq!(fixed(t1.vs_previous.as_ref().unwrap().value, 1), "−1.3");
    // Years may come in any order.
    let text = common::fixture_text("fall.json");
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["years"].as_array_mut().unwrap().reverse();
    let m2 = parse(&v.to_string()).unwrap();
    assert_eq!(m2.current().year, 2023);
    assert_eq!(m2.current().tiers[0].previous_rate, t1.previous_rate);
}

#[test]
fn decimals_are_kept_as_typed() {
    let m = parse(&one_tier(r#""rate":33.0,"vs_reference_pp":2.00"#)).unwrap();
    let t = &m.current().tiers[0];
    assert_eq!(fixed(t.rate.value, t.rate.decimals), "33.0");
    // A derived figure takes its inputs' significant decimals; written zeros add none, but a
    // number written with a decimal point keeps one.
    let r = t.reference_rate.as_ref().unwrap();
    assert_eq!(fixed(r.value, r.decimals), "31.0");
    for (rate, gap, want) in
        [("\"18.70\"", "2.3", "16.4"), ("\"18.75\"", "2.3", "16.45"), ("16", "1", "15"), ("15.0", "1.0", "14.0")]
    {
        let m = parse(&one_tier(&format!(r#""rate":{rate},"vs_reference_pp":{gap}"#))).unwrap();
        let r = m.current().tiers[0].reference_rate.clone().unwrap();
        assert_eq!(fixed(r.value, r.decimals), want, "{rate} − {gap}");
    }
}

/// Regions in format 2, each `(name, tiers)` with tiers as JSON members, in 2024.
fn regions(list: &[(&str, &str)]) -> String {
    let regions: Vec<String> = list
        .iter()
        .map(|(name, tiers)| format!(r#"{{"region":"{name}","years":[{{"year":2024,"tiers":[{tiers}]}}]}}"#))
        .collect();
    format!(r#"{{"version":2,"title":"t","reference":"省","regions":[{}]}}"#, regions.join(","))
}

/// The cross-region checks' warnings: (tier, first region and its implied rate, the other).
/// A tier's name and the two regions (name, implied reference rate) that disagree.
type Disagreement = (String, (String, f64), (String, f64));

fn references_disagree(m: &passrate_chart::model::Model) -> Vec<Disagreement> {
    m.warnings
        .iter()
        .filter_map(|w| match &w.kind {
            WarningKind::ReferencesDisagree { a, b } => {
                Some((w.tier.clone(), (a.0.clone(), a.1.value), (b.0.clone(), b.1.value)))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn regions_implying_different_reference_rates_are_flagged_beyond_rounding() {
    // Two regions: 20.1 − 5.1 = 15.0 and 18.1 − 2.6 = 15.5 disagree; 18.1 − 2.9 = 15.2 does not
    // (each of the four stated numbers may be off by 0.05).
    let two = parse(&regions(&[
        ("甲", r#"{"tier":"T","rate":20.1,"vs_reference_pp":5.1}"#),
        ("乙", r#"{"tier":"T","rate":18.1,"vs_reference_pp":2.6}"#),
    ]))
    .unwrap();
    assert_eq!(references_disagree(&two), vec![("T".into(), ("甲".into(), 15.0), ("乙".into(), 15.5))]);
    for r in 0..2 {
        assert_eq!(two.regions[r].years[0].tiers[0].reference_rate.as_ref().unwrap().warnings, vec![0], "region {r}");
    }
    let close = parse(&regions(&[
        ("甲", r#"{"tier":"T","rate":20.1,"vs_reference_pp":5.1}"#),
        ("乙", r#"{"tier":"T","rate":18.1,"vs_reference_pp":2.9}"#),
    ]))
    .unwrap();
    assert_eq!(references_disagree(&close), vec![]);
    // Three regions: the warning names the first and the most different (14.0, below it), not
    // the nearer one above it (15.5); per tier: tier U agrees throughout.
    let three = parse(&regions(&[
        ("甲", r#"{"tier":"T","rate":20.1,"vs_reference_pp":5.1},{"tier":"U","rate":30.1,"vs_reference_pp":1.1}"#),
        ("乙", r#"{"tier":"T","rate":18.1,"vs_reference_pp":2.6},{"tier":"U","rate":31.1,"vs_reference_pp":2.1}"#),
        ("丙", r#"{"tier":"T","rate":16.1,"vs_reference_pp":2.1},{"tier":"U","rate":29.1,"vs_reference_pp":0.1}"#),
    ]))
    .unwrap();
    assert_eq!(references_disagree(&three), vec![("T".into(), ("甲".into(), 15.0), ("丙".into(), 14.0))]);
    let carried: Vec<bool> = three
        .regions
        .iter()
        .map(|r| !r.years[0].tiers[0].reference_rate.as_ref().unwrap().warnings.is_empty())
        .collect();
    assert_eq!(carried, vec![true, false, true], "the two named regions' figures carry the warning");
    // The same with the most different region before the nearer one.
    let reversed = parse(&regions(&[
        ("甲", r#"{"tier":"T","rate":20.1,"vs_reference_pp":5.1}"#),
        ("丙", r#"{"tier":"T","rate":16.1,"vs_reference_pp":2.1}"#),
        ("乙", r#"{"tier":"T","rate":18.1,"vs_reference_pp":2.6}"#),
    ]))
    .unwrap();
    assert_eq!(references_disagree(&reversed), vec![("T".into(), ("甲".into(), 15.0), ("丙".into(), 14.0))]);
    // One region has nothing to compare.
    assert!(references_disagree(
        &parse(&regions(&[("甲", r#"{"tier":"T","rate":20.1,"vs_reference_pp":5.1}"#)])).unwrap()
    )
    .is_empty());
}

#[test]
fn the_reference_rate_of_a_tier_is_a_stated_one_where_any_region_states_it() {
    let m = parse(&regions(&[
        ("甲", r#"{"tier":"T","rate":20.0,"vs_reference_pp":5.1}"#),
        ("乙", r#"{"tier":"T","rate":18.0,"reference_rate":15.0}"#),
    ]))
    .unwrap();
    let r = m.reference_rate(2024, "T").unwrap();
    assert!(!r.is_derived(), "{r:?}");
    assert_eq!(r.value, 15.0);
    // Without a stated one, the first region's derived one.
    let m = parse(&regions(&[
        ("甲", r#"{"tier":"T","rate":20.0,"vs_reference_pp":5.1}"#),
        ("乙", r#"{"tier":"T","rate":18.0}"#),
    ]))
    .unwrap();
    assert_eq!(m.reference_rate(2024, "T").unwrap().value, 14.9);
    assert!(m.reference_rate(2024, "U").is_none() && m.reference_rate(2023, "T").is_none());
}

#[test]
fn regions_are_found_by_name_and_the_focus_is_kept_in_range() {
    let mut m = common::fixture("cities.csv");
    let names: Vec<String> = m.regions.iter().map(|r| r.name.clone()).collect();
    assert!(names.len() > 3);
    for (i, name) in names.iter().enumerate() {
        assert_eq!(m.find_region(name), Some(i), "{name}");
    }
    assert_eq!(m.find_region("不存在市"), None);
    m.focus = 2;
    assert_eq!(m.region().name, names[2]);
    // A focus past the end shows the last region rather than panicking.
    m.focus = 99;
    assert_eq!(m.region().name, *names.last().unwrap());
}

#[test]
fn quotes_belong_to_stated_figures_only() {
    let m = parse(
        r#"{"version":2,"title":"t","region":"A","reference":"B","years":[{"year":2024,"tiers":[
            {"tier":"T","rate":15.5,"vs_reference_pp":0.7,"quotes":{"rate":"达线率为15.5%"}}]}]}"#,
    )
    .unwrap();
    let t = &m.current().tiers[0];
    assert_eq!(t.rate.quote(), Some("达线率为15.5%"));
    assert_eq!(t.vs_reference.as_ref().unwrap().quote(), None, "stated, not quoted");
    assert_eq!(t.reference_rate.as_ref().unwrap().quote(), None, "derived");
}

#[test]
fn a_derived_difference_carries_the_warnings_of_both_its_figures() {
    // 2023's counts (50 of 1000 = 5.0 %) contradict its stated 10.0 %; 2024 states only its
    // rate, so the change on the year is 2024's rate − 2023's and rests on the contradiction.
    let m = parse(
        r#"{"title":"t","region":"A","reference":"B","years":[
            {"year":2023,"tiers":[{"tier":"T","rate":10.0,"passed":50,"candidates":1000}]},
            {"year":2024,"tiers":[{"tier":"T","rate":12.0}]}]}"#,
    )
    .unwrap();
    assert_eq!(m.warnings.len(), 1);
    let t = &m.current().tiers[0];
    assert!(t.rate.warnings.is_empty());
    assert_eq!(t.previous_rate.as_ref().unwrap().warnings, vec![0]);
    let change = t.vs_previous.as_ref().unwrap();
    assert!(change.is_derived());
    assert_eq!((change.value, change.warnings.clone()), (2.0, vec![0]));
}
