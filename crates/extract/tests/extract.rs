//! The extractor on report texts written for these tests in the style of education bureau
//! releases and local news (`tests/fixtures/reports/`): every number taken is checked with its
//! field, tier, year and value; every quote is the exact span of the source; every dataset is
//! loaded by the loader and built into a model; every number left out has its reason.
#![cfg(not(target_arch = "wasm32"))]

use passrate_chart::format::decimal;
use passrate_chart::json::{self, Value};
use passrate_chart::load;
use passrate_chart::model::{self, Field, Provenance, Rule, WarningKind};
use passrate_chart::words::Lang;
use passrate_chart_extract::{self as extract, field_name, Extraction, Offsets, Reason, Refusal, Role};

fn report(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/reports").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A figure taken: (year, tier, field, value as the dataset holds it, quote).
type Taken = (i32, Option<&'static str>, &'static str, String, String);

/// Every figure taken, read back from the dataset, after checking that each quote in the
/// dataset is the exact span of the source the extractor points at, and that the dataset
/// holds no figure the extractor does not account for.
fn taken(x: &Extraction, text: &str) -> Vec<Taken> {
    let ds = x.dataset.as_ref().expect("a dataset");
    let mut out = Vec::new();
    for u in &x.used {
        assert!(u.quote.contains(u.number), "{:?} outside its quote {:?}", u.number.of(text), u.quote.of(text));
        let quote = &text[u.quote.start..u.quote.end];
        let Role::Figure(field) = u.role else {
            assert_eq!(u.number, u.quote);
            assert!(u.number.of(text).contains(&u.year.to_string()), "{}", u.number.of(text));
            continue;
        };
        let y = ds.region().years.iter().find(|y| y.year == u.year).expect("the year in the dataset");
        let (value, q) = match (field, u.tier) {
            (Field::Candidates, None) => (y.candidates.map(|c| c.to_string()), y.candidates_quote.clone()),
            (_, Some(t)) => {
                let name = t.name();
                let tier = y.tiers.iter().find(|x| x.tier == name).expect("the tier in the dataset");
                let stated = |s: Option<load::Stated>| s.map(|s| decimal(s.value, s.decimals));
                let v = match field {
                    Field::Passed => tier.passed.map(|p| p.to_string()),
                    Field::Candidates => tier.candidates.map(|c| c.to_string()),
                    Field::Rate => stated(tier.rate),
                    Field::ReferenceRate => stated(tier.reference_rate),
                    Field::VsReference => stated(tier.vs_reference_pp),
                    Field::VsPreviousYear => stated(tier.vs_previous_year_pp),
                };
                (v, tier.quotes.get(field).map(str::to_string))
            }
            other => panic!("{other:?}"),
        };
        assert_eq!(q.as_deref(), Some(quote), "the dataset quotes the source word for word");
        let tier = u.tier.map(|t| leak(t.name().text));
        out.push((u.year, tier, field_name(field), value.expect("a value"), quote.to_string()));
    }
    let stated: usize = ds
        .region()
        .years
        .iter()
        .map(|y| {
            y.candidates.iter().count()
                + y.tiers
                    .iter()
                    .map(|t| {
                        [t.rate, t.reference_rate, t.vs_reference_pp, t.vs_previous_year_pp].iter().flatten().count()
                            + t.passed.iter().count()
                    })
                    .sum::<usize>()
        })
        .sum();
    assert_eq!(stated, out.len(), "every figure of the dataset was taken from the text");
    out
}

/// A tier's name for the expected tuples (a handful per test run).
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn t(year: i32, tier: Option<&'static str>, field: &'static str, value: &str, quote: &str) -> Taken {
    (year, tier, field, value.to_string(), quote.to_string())
}

fn ignored(x: &Extraction, text: &str) -> Vec<(String, Reason)> {
    for i in &x.ignored {
        assert!(i.sentence.contains(i.number) || i.sentence.start <= i.number.start, "{}", i.number.of(text));
    }
    x.ignored.iter().map(|i| (i.number.of(text).to_string(), i.reason.clone())).collect()
}

fn why(number: &str, reason: Reason) -> (String, Reason) {
    (number.to_string(), reason)
}

/// Loads as any dataset does, and writes back the same.
fn loads(x: &Extraction) -> &load::Dataset {
    let ds = x.dataset.as_ref().expect("a dataset");
    let json = load::to_json(ds);
    assert_eq!(&load::from_json(&json).unwrap(), ds);
    ds
}

const ONE: Option<&str> = Some("一本线");
const TWO: Option<&str> = Some("二本线");

#[test]
fn the_seed_report() {
    let text = report("yuncheng-2019.txt");
    let x = extract::extract(&text);
    assert_eq!(x.lang, Lang::Zh);
    assert_eq!(
        taken(&x, &text),
        vec![
            t(2019, None, "candidates", "36192", "今年全市参考人数为36192人"),
            t(2019, ONE, "passed", "5872", "一本达线5872人"),
            t(2019, ONE, "rate", "15.5", "达线率为15.5%"),
            t(2019, ONE, "vs_reference_pp", "0.7", "高于全省0.7个百分点"),
            t(2019, ONE, "vs_previous_year_pp", "0.4", "较去年提高0.4个百分点"),
            t(2019, TWO, "passed", "17579", "二本达线17579人"),
            t(2019, TWO, "rate", "48.6", "达线率为48.6%"),
            t(2019, TWO, "vs_reference_pp", "3.4", "比全省平均水平高出3.4个百分点"),
            t(2019, TWO, "vs_previous_year_pp", "1.7", "比上年提高1.7个百分点"),
        ]
    );
    assert_eq!(
        ignored(&x, &text),
        vec![why("14所", Reason::Schools), why("3名", Reason::Rank), why("2人", Reason::Stream),]
    );
    let ds = loads(&x);
    assert_eq!(ds.region().name.text, "运城市");
    assert_eq!(ds.reference.text, "山西省");
    // The title is neutral (area, year, subject); the headline is offered beside it.
    assert_eq!(ds.title.text, "运城市2019年高考本科达线情况");
    assert_eq!(x.headline.map(|h| h.of(&text)), Some("运城市2019年高考成绩揭晓 本科达线人数再创新高"));
    assert_eq!(ds.region().years[0].tiers[0].tier.en.as_deref(), Some("Tier 1"));

    // Through the model as any dataset: the province's and last year's rates are derived, and
    // tier 1's counts contradict its rate while tier 2's agree.
    let m = model::build(ds);
    let t1 = &m.current().tiers[0];
    assert_eq!(t1.reference_rate.as_ref().unwrap().value, 14.8);
    assert_eq!(t1.previous_rate.as_ref().unwrap().value, 15.1);
    assert_eq!(m.warnings.len(), 1, "{:?}", m.warnings);
    let w = &m.warnings[0];
    assert_eq!(w.tier, "一本线");
    match &w.kind {
        WarningKind::CountsDisagree { passed, candidates, computed, stated } => {
            assert_eq!((*passed, *candidates), (5872, 36192));
            assert_eq!(passrate_chart::format::fixed(*computed, 1), "16.2");
            assert_eq!(stated.value, 15.5);
        }
        other => panic!("{other:?}"),
    }
    assert!(t1.rate.warnings.contains(&0));
    assert_eq!(t1.rate.quote(), Some("达线率为15.5%"), "the tooltip shows the source's words");
    match &t1.reference_rate.as_ref().unwrap().provenance {
        Provenance::Derived { rule, inputs, .. } => {
            assert_eq!(*rule, Rule::ReferenceFromGap);
            let quotes: Vec<Option<&str>> = inputs.iter().map(|r| r.quote.as_deref()).collect();
            assert_eq!(quotes, vec![Some("达线率为15.5%"), Some("高于全省0.7个百分点")]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn below_the_province_and_falling() {
    let text = report("linfen-2021-below.txt");
    let x = extract::extract(&text);
    assert_eq!(
        taken(&x, &text),
        vec![
            t(2021, None, "candidates", "28450", "今年我市共有28450名考生参加高考"),
            t(2021, ONE, "passed", "3921", "本科一批上线3921人"),
            t(2021, ONE, "rate", "13.8", "上线率为13.8%"),
            t(2021, ONE, "vs_reference_pp", "-1.2", "低于全省平均水平1.2个百分点"),
            t(2021, ONE, "vs_previous_year_pp", "-0.6", "比上年下降0.6个百分点"),
            t(2021, TWO, "passed", "11206", "本科二批上线11206人"),
            t(2021, TWO, "rate", "39.4", "上线率为39.4%"),
            t(2021, TWO, "vs_reference_pp", "-2.3", "比全省低2.3个百分点"),
            t(2021, TWO, "vs_previous_year_pp", "-1.1", "较去年减少1.1个百分点"),
            t(2021, ONE, "reference_rate", "15.0", "全省本科一批上线率为15.0%"),
        ]
    );
    assert_eq!(ignored(&x, &text), vec![]);
    let ds = loads(&x);
    assert_eq!(ds.reference.text, "全省", "the province is not named");
    let m = model::build(ds);
    assert!(m.warnings.is_empty(), "15.0 = 13.8 + 1.2: {:?}", m.warnings);
    let t1 = &m.current().tiers[0];
    assert!(!t1.reference_rate.as_ref().unwrap().is_derived(), "the province's rate is stated");
    assert_eq!(t1.previous_rate.as_ref().unwrap().value, 14.4);
    assert_eq!(m.current().tiers[1].reference_rate.as_ref().unwrap().value, 41.7);
}

#[test]
fn unchanged_and_several_years() {
    let text = report("jinzhong-2022-years.txt");
    let x = extract::extract(&text);
    let list = "我市一本达线率分别为15.2%、16.0%和16.0%";
    assert_eq!(
        taken(&x, &text),
        vec![
            t(2022, None, "candidates", "30518", "全市参加高考人数为30518人"),
            t(2022, ONE, "passed", "4883", "一本达线4883人"),
            t(2022, ONE, "rate", "16.0", "达线率16.0%"),
            t(2022, ONE, "vs_previous_year_pp", "0", "与去年持平"),
            t(2022, ONE, "vs_reference_pp", "1.6", "高于全省1.6个百分点"),
            t(2022, TWO, "passed", "14404", "二本达线14404人"),
            t(2022, TWO, "rate", "47.2", "达线率47.2%"),
            t(2022, TWO, "vs_previous_year_pp", "0.9", "较去年上升0.9个百分点"),
            t(2020, ONE, "rate", "15.2", list),
            t(2021, ONE, "rate", "16.0", list),
            t(2020, TWO, "rate", "45.8", "2020年二本达线率为45.8%"),
            t(2021, TWO, "rate", "46.3", "2021年为46.3%"),
        ]
    );
    // 近三年 ends with this year's 16.0%, already taken.
    assert_eq!(ignored(&x, &text), vec![why("16.0%", Reason::Again)]);
    let ds = loads(&x);
    let m = model::build(ds);
    assert!(m.warnings.is_empty(), "{:?}", m.warnings);
    assert_eq!(m.years().iter().map(|y| y.year).collect::<Vec<_>>(), vec![2020, 2021, 2022]);
    assert!(passrate_chart::views::View::Trend.supports(&m));
    let t1 = &m.current().tiers[0];
    assert_eq!(t1.vs_previous.as_ref().unwrap().value, 0.0);
    assert!(!t1.previous_rate.as_ref().unwrap().is_derived(), "2021's rate is stated");
    let summary = passrate_chart::describe::summary(&m, passrate_chart::views::View::Compare, Lang::Zh);
    assert!(summary.contains("与上年持平"), "{summary}");
}

#[test]
fn an_english_report() {
    let text = report("datong-2020-en.txt");
    let x = extract::extract(&text);
    assert_eq!(x.lang, Lang::En);
    assert_eq!(
        taken(&x, &text),
        vec![
            t(
                2020,
                None,
                "candidates",
                "25306",
                "A total of 25,306 candidates sat the 2020 college entrance exam in Datong city"
            ),
            t(2020, ONE, "passed", "3618", "3,618 passed the tier-1 line"),
            t(2020, ONE, "rate", "14.3", "a pass rate of 14.3%"),
            t(2020, ONE, "vs_reference_pp", "0.5", "0.5 percentage points above the provincial rate"),
            t(2020, ONE, "vs_previous_year_pp", "0.8", "up 0.8 points on last year"),
            t(2020, TWO, "passed", "10983", "10,983 candidates reached the tier-2 line"),
            t(2020, TWO, "rate", "43.4", "a pass rate of 43.4%"),
            t(2020, TWO, "vs_reference_pp", "-1.2", "1.2 points below the provincial rate"),
            t(2020, TWO, "vs_previous_year_pp", "0", "unchanged from last year"),
            t(2020, ONE, "reference_rate", "13.8", "Shanxi province's tier-1 rate was 13.8%"),
        ]
    );
    assert_eq!(
        ignored(&x, &text),
        vec![why("45 million", Reason::Money), why("12 schools", Reason::Schools), why("June 2021", Reason::Date),]
    );
    let ds = loads(&x);
    assert_eq!((ds.region().name.text.as_str(), ds.reference.text.as_str()), ("Datong", "Shanxi"));
    assert_eq!(ds.title.text, "Datong: 2020 gaokao undergraduate pass rates");
    assert_eq!(x.headline.map(|h| h.of(&text)), Some("Datong posts higher gaokao pass rates"));
    let m = model::build_in(ds, Lang::En);
    assert_eq!(m.current().tiers[0].name, "Tier 1");
    assert!(m.warnings.is_empty(), "{:?}", m.warnings);
}

#[test]
fn distracting_numbers_are_left_alone() {
    let text = report("changzhi-2023-distractions.txt");
    let x = extract::extract(&text);
    let ug = Some("本科线");
    assert_eq!(
        taken(&x, &text),
        vec![
            t(2023, ug, "rate", "52.7", "全市本科达线率为52.7%"),
            t(2023, ug, "vs_previous_year_pp", "2.1", "较上年提高2.1个百分点"),
        ]
    );
    assert_eq!(
        ignored(&x, &text),
        vec![
            why("2023年6月底", Reason::Date),
            why("12所", Reason::Schools),
            why("12%", Reason::NotPassRate),
            why("1892张", Reason::OtherCount),
            why("3.2万名", Reason::Approximate),
            why("12个", Reason::Districts),
            why("9个", Reason::OtherCount),
            why("58.3%", Reason::OtherArea),
        ]
    );
    let ds = loads(&x);
    // The heading is about a press conference, not the results: the title is built.
    assert_eq!(ds.title.text, "长治市2023年高考本科达线情况");
    assert_eq!(ds.region().years[0].candidates, None, "约3.2万 is not a count");
}

#[test]
fn lists_wan_streams_and_other_cities() {
    let text = report("xinzhou-2020-respectively.txt");
    let x = extract::extract(&text);
    let (passed, rates, province) = (
        "一本、二本上线人数分别为2860人和9933人",
        "上线率分别为13.3%和46.2%",
        "全省一本、二本上线率分别为14.1%和45.0%",
    );
    assert_eq!(
        taken(&x, &text),
        vec![
            t(2020, None, "candidates", "21500", "2020年我市考生共计2.15万人"),
            t(2020, ONE, "passed", "2860", passed),
            t(2020, TWO, "passed", "9933", passed),
            t(2020, ONE, "rate", "13.3", rates),
            t(2020, TWO, "rate", "46.2", rates),
            t(2020, ONE, "reference_rate", "14.1", province),
            t(2020, TWO, "reference_rate", "45.0", province),
        ]
    );
    assert_eq!(
        ignored(&x, &text),
        vec![why("1920人", Reason::Stream), why("18.6%", Reason::OtherArea), why("1位", Reason::Rank)]
    );
    let m = model::build(loads(&x));
    assert!(m.warnings.is_empty(), "2860 ÷ 21500 = 13.3%: {:?}", m.warnings);
    assert_eq!(m.current().tiers[0].vs_reference.as_ref().unwrap().value, -0.8);
}

#[test]
fn a_report_with_nothing_to_extract() {
    let text = report("meeting-2024-nothing.txt");
    let x = extract::extract(&text);
    assert_eq!(x.dataset, None);
    assert_eq!(x.refusal, Some(Refusal::NoFigures));
    assert!(x.used.is_empty());
    assert_eq!(
        ignored(&x, &text),
        vec![
            why("2024年", Reason::YearWithoutFigures),
            why("5月28日", Reason::Date),
            why("6月5日", Reason::Date),
            why("23个", Reason::OtherCount),
            why("1046个", Reason::OtherCount),
        ]
    );
    for text in ["", "今天天气很好。", "No numbers here."] {
        let x = extract::extract(text);
        assert_eq!((x.dataset, x.refusal), (None, Some(Refusal::NoFigures)), "{text:?}");
    }
}

/// (number, reason) for every number a text leaves out.
fn left_out(text: &str) -> Vec<(String, Reason)> {
    ignored(&extract::extract(text), text)
}

#[test]
fn never_guesses() {
    let cases: &[(&str, &[(&str, Reason)])] = &[
        ("2019年高考，我市一本达线率为15.5%，提高0.4个百分点。", &[("0.4个百分点", Reason::NoComparison)]),
        ("2019年高考，我市一本达线率为15.5%，与全省相差0.7个百分点。", &[("0.7个百分点", Reason::NoDirection)]),
        ("2019年高考，我市一本上线率提高了2%，一本达线率为15.5%。", &[("2%", Reason::PercentChange)]),
        ("2019年高考报名人数为37000人，参考人数为36192人，一本达线率为15.5%。", &[("37000人", Reason::Registered)]),
        (
            "2019年高考，我市一本达线率为15.5%。一本达线率为15.6%。一本达线率为15.5%。",
            &[("15.6%", Reason::Contradicts { first: String::new() }), ("15.5%", Reason::Again)],
        ),
        ("2019年高考，一本达线率为15.5%，二本达线率高于全省3.4个百分点。", &[("3.4个百分点", Reason::Incomplete)]),
        (
            "2019年高考，一本达线率为15.5%，比2017年提高1.0个百分点。",
            &[("2017年", Reason::YearWithoutFigures), ("1.0个百分点", Reason::OtherComparison)],
        ),
        (
            "2019年高考，一本达线率为15.5%；全省一本上线率比上年提高0.5个百分点。",
            &[("0.5个百分点", Reason::ReferenceFigure)],
        ),
        ("2019年高考，一本达线率为15.5%，比上年提高近1个百分点。", &[("1个百分点", Reason::Approximate)]),
        ("2019年高考，一本达线率为15.5%，考生共计3.61925万人。", &[("3.61925万人", Reason::NotWhole)]),
        ("2019年高考，全市达线率为15.5%。", &[("2019年", Reason::YearWithoutFigures), ("15.5%", Reason::NoTier)]),
        ("今年我市一本达线率为15.5%。", &[("15.5%", Reason::NoYear)]),
        ("2019年高考，一本达线率为15.5%，全国一本达线率为12.0%。", &[("12.0%", Reason::OtherArea)]),
        ("2019年高考，一本达线率为15.5%，高于全国3.1个百分点。", &[("3.1个百分点", Reason::OtherComparison)]),
        ("2019年高考，一本达线率为15.5%，其中理科达线率为17.2%。", &[("17.2%", Reason::Stream)]),
        ("2019年高考，一本达线率为15.5%，一本分数线为520分。", &[("520分", Reason::Score)]),
        ("2019年高考，一本达线率为15.5%，全市有5872个。", &[("5872个", Reason::OtherCount)]),
        ("2019年高考，一本达线率为15.5%，另有5872。", &[("5872", Reason::Unclear)]),
        (
            "2019年高考，一本、二本达线率分别为15.5%、48.6%和60.1%。二本达线率为48.6%。",
            &[("15.5%", Reason::ListMismatch), ("48.6%", Reason::ListMismatch), ("60.1%", Reason::ListMismatch)],
        ),
        (
            "In the 2019 gaokao, the tier-1 pass rate was 15.5%, about 0.4 points higher than last year.",
            &[("0.4 points", Reason::Approximate)],
        ),
        ("In the 2019 gaokao, the tier-1 pass rate was 15.5%; the budget grew 12%.", &[("12%", Reason::NotPassRate)]),
        (
            "In the 2019 gaokao, 37,000 students registered; the tier-1 pass rate was 15.5%.",
            &[("37,000 students", Reason::Registered)],
        ),
        (
            "In the 2019 gaokao, the tier-1 pass rate was 15.5%; in one county the rate was 21.0%.",
            &[("21.0%", Reason::OtherArea)],
        ),
        (
            "In the 2019 gaokao, the tier-1 pass rate was 15.5%. Science candidates did better, 17.2%.",
            &[("17.2%", Reason::Stream)],
        ),
    ];
    for (text, want) in cases {
        let got: Vec<(String, Reason)> = left_out(text)
            .into_iter()
            .map(|(n, r)| match r {
                Reason::Contradicts { .. } => (n, Reason::Contradicts { first: String::new() }),
                r => (n, r),
            })
            .collect();
        let want: Vec<(String, Reason)> = want.iter().map(|(n, r)| (n.to_string(), r.clone())).collect();
        assert_eq!(got, want, "{text}");
    }
    // The contradiction names the figure kept.
    let x = extract::extract("2019年高考，我市一本达线率为15.5%。一本达线率为15.6%。");
    assert_eq!(x.ignored[0].reason, Reason::Contradicts { first: "15.5%".into() });
    assert_eq!(x.dataset.unwrap().region().years[0].tiers[0].rate.unwrap().value, 15.5);
}

#[test]
fn phrase_shapes() {
    // (text, year, tier, field, value, quote)
    #[rustfmt::skip]
    let cases: &[(&str, i32, &str, &str, &str, &str)] = &[
        ("2019年高考，我市一本上线5872人，达线率为15.5%。", 2019, "一本线", "passed", "5872", "我市一本上线5872人"),
        ("2019年高考，达一本线的考生5872人，达线率为15.5%。", 2019, "一本线", "passed", "5872", "达一本线的考生5872人"),
        ("2019年高考，我市本科一批达线5872人，达线率为15.5%。", 2019, "一本线", "passed", "5872", "我市本科一批达线5872人"),
        ("2019年高考，重点本科上线率为15.5%。", 2019, "一本线", "rate", "15.5", "重点本科上线率为15.5%"),
        ("2019年高考，特控线达线率15.5%。", 2019, "一本线", "rate", "15.5", "特控线达线率15.5%"),
        ("2019年高考，我市一本率为15.5%。", 2019, "一本线", "rate", "15.5", "我市一本率为15.5%"),
        ("2019年高考，本科达线人数为20000人，本科达线率为55.3%。", 2019, "本科线", "passed", "20000", "本科达线人数为20000人"),
        ("2019年高考，专科上线率为92.1%。", 2019, "专科线", "rate", "92.1", "专科上线率为92.1%"),
        ("2019年高考，高职达线率为92.1%。", 2019, "专科线", "rate", "92.1", "高职达线率为92.1%"),
        ("2019年高考，二本达线率为48.6%，同比提高1.7个百分点。", 2019, "二本线", "vs_previous_year_pp", "1.7", "同比提高1.7个百分点"),
        ("2019年高考，二本达线率为48.6%，比2018年提高1.7个百分点。", 2019, "二本线", "vs_previous_year_pp", "1.7", "比2018年提高1.7个百分点"),
        ("2019年高考，二本达线率为48.6%，较上年回落0.2个百分点。", 2019, "二本线", "vs_previous_year_pp", "-0.2", "较上年回落0.2个百分点"),
        ("2019年高考，二本达线率为48.6%，低于全省0.3个百分点。", 2019, "二本线", "vs_reference_pp", "-0.3", "低于全省0.3个百分点"),
        ("2019年高考，二本达线率为48.6%，与全省持平。", 2019, "二本线", "vs_reference_pp", "0", "与全省持平"),
        ("2019年高考，二本达线率为48.6%，较去年的46.9%有所提高。", 2018, "二本线", "rate", "46.9", "较去年的46.9%"),
        ("2019年高考，一本达线率为15.5%，全省为14.8%。", 2019, "一本线", "reference_rate", "14.8", "全省为14.8%"),
        ("2019年高考，一本达线率为15.5%，去年为15.1%。", 2018, "一本线", "rate", "15.1", "去年为15.1%"),
        ("2019年高考，一本达线率为１５．５％。", 2019, "一本线", "rate", "15.5", "一本达线率为１５．５％"),
        ("2019年高考，全市一本达线率为15.50%。", 2019, "一本线", "rate", "15.50", "全市一本达线率为15.50%"),
        ("In the 2019 gaokao, 5,872 passed the tier-1 line (15.5%).", 2019, "一本线", "rate", "15.5", "15.5%"),
        ("In the 2019 gaokao, the first-tier pass rate rose 0.4 percentage points year on year to 15.5%.", 2019, "一本线", "vs_previous_year_pp", "0.4", "the first-tier pass rate rose 0.4 percentage points year on year"),
        ("In the 2019 gaokao, the first-tier pass rate rose 0.4 percentage points year on year to 15.5%.", 2019, "一本线", "rate", "15.5", "to 15.5%"),
        ("2019年高考，一本达线率比上年提高0.4个百分点，达到15.5%。", 2019, "一本线", "rate", "15.5", "达到15.5%"),
        ("In the 2019 gaokao, the tier-2 pass rate was 48.6%, 3.4 points higher than the province.", 2019, "二本线", "vs_reference_pp", "3.4", "3.4 points higher than the province"),
        ("In the 2019 gaokao, the tier-2 pass rate was 48.6%, down 0.2 points from last year.", 2019, "二本线", "vs_previous_year_pp", "-0.2", "down 0.2 points from last year"),
        ("In the 2019 gaokao, the tier-1 pass rate was 15.5%. The provincial tier-1 rate was 14.8%.", 2019, "一本线", "reference_rate", "14.8", "The provincial tier-1 rate was 14.8%"),
        ("In the 2019 gaokao, the tier-2 pass rate was 48.6%. Last year's tier-2 rate was 46.9%.", 2018, "二本线", "rate", "46.9", "Last year's tier-2 rate was 46.9%"),
        ("In the 2019 gaokao, the tier-1 and tier-2 pass rates were 15.5% and 48.6% respectively.", 2019, "二本线", "rate", "48.6", "the tier-1 and tier-2 pass rates were 15.5% and 48.6% respectively"),
    ];
    for &(text, year, tier, field, value, quote) in cases {
        let x = extract::extract(text);
        let found = x.dataset.as_ref().map(|_| taken(&x, text)).unwrap_or_default();
        let want = t(year, Some(tier), field, value, quote);
        assert!(found.contains(&want), "{text}\n  want {want:?}\n  got {found:?}\n  left out {:?}", left_out(text));
    }
}

#[test]
fn quotes_are_spans_of_the_source() {
    for name in std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/reports"))
        .unwrap()
    {
        let path = name.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let x = extract::extract(&text);
        for u in &x.used {
            assert!(text.is_char_boundary(u.quote.start) && text.is_char_boundary(u.quote.end));
            let quote = &text[u.quote.start..u.quote.end];
            assert_eq!(quote, quote.trim(), "{}", path.display());
            assert!(quote.chars().count() <= load::MAX_QUOTE);
        }
        for i in &x.ignored {
            assert!(i.sentence.start <= i.number.start && i.number.start < i.sentence.end, "{}", path.display());
        }
        if x.dataset.is_some() {
            taken(&x, &text);
        }
    }
}

#[test]
fn json_for_the_playground_counts_utf16_units() {
    // 𠀀 is two UTF-16 units and four bytes; 运 one unit and three bytes.
    let text = "𠀀运城市2019年高考，一本达线率为15.5%，约3万人参考。";
    let x = extract::extract(text);
    let v = json::parse(&x.to_json(text, Lang::En, Offsets::Utf16)).unwrap();
    let used = match v.get("used") {
        Some(Value::Array(a)) => a,
        other => panic!("{other:?}"),
    };
    let num = |v: &Value, k: &str| match v.get(k) {
        Some(Value::Number(n)) => n.parse::<usize>().unwrap(),
        other => panic!("{k}: {other:?}"),
    };
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let slice = |a: usize, b: usize| String::from_utf16(&utf16[a..b]).unwrap();
    let rate = used.iter().find(|u| u.get("field").and_then(Value::as_str) == Some("rate")).unwrap();
    assert_eq!(slice(num(rate, "start"), num(rate, "end")), "一本达线率为15.5%");
    assert_eq!(slice(num(rate, "number_start"), num(rate, "number_end")), "15.5%");
    assert_eq!(rate.get("tier").and_then(Value::as_str), Some("Tier 1"));
    let left = match v.get("ignored") {
        Some(Value::Array(a)) => &a[0],
        other => panic!("{other:?}"),
    };
    assert_eq!(slice(num(left, "start"), num(left, "end")), "3万人");
    assert_eq!(slice(num(left, "sentence_start"), num(left, "sentence_end")), text);
    assert!(left.get("reason").and_then(Value::as_str).unwrap().starts_with("an approximate number"));
    let ds = v.get("dataset").unwrap();
    assert_eq!(ds.get("region").and_then(Value::as_str), Some("运城市"));
    assert_eq!(v.get("error"), Some(&Value::Null));

    // Bytes, for Rust callers; and a refusal in Chinese.
    let bytes = x.to_json(text, Lang::Zh, Offsets::Bytes);
    let v = json::parse(&bytes).unwrap();
    let first = match v.get("used") {
        Some(Value::Array(a)) => {
            a.iter().find(|u| u.get("field").and_then(Value::as_str) == Some("rate")).unwrap().clone()
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(&text[num(&first, "number_start")..num(&first, "number_end")], "15.5%");
    let none = extract::extract("今天天气很好。").to_json("今天天气很好。", Lang::Zh, Offsets::Utf16);
    let v = json::parse(&none).unwrap();
    assert_eq!(v.get("dataset"), Some(&Value::Null));
    assert_eq!(v.get("error").and_then(Value::as_str), Some("没有找到任何批次的达线数据"));
}

#[test]
fn figures_the_loader_refuses_are_no_dataset() {
    let x = extract::extract("2019年高考，参考人数为5000人，一本达线5872人，达线率为15.5%。");
    assert_eq!(x.dataset, None);
    match &x.refusal {
        Some(Refusal::Invalid(e)) => assert_eq!(e.path.text(), "years[0].tiers[0].passed"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn odd_text_never_panics() {
    // Pieces of every report, cut at arbitrary characters and put together in a scrambled
    // order, with stray digits, signs and separators between them.
    let mut pieces: Vec<String> = Vec::new();
    for entry in
        std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/reports"))
            .unwrap()
    {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for chunk in chars.chunks(7) {
            pieces.push(chunk.iter().collect());
        }
    }
    let extra =
        ["1", "２", ".", "．", ",", "，", "-", "−", "+", "%", "万", "年", "月", "(", "）", "\n", " ", "𠀀", "\u{200b}"];
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..next(40) {
            text.push_str(&pieces[next(pieces.len())]);
            if next(3) == 0 {
                text.push_str(extra[next(extra.len())]);
            }
        }
        let x = extract::extract(&text);
        for u in &x.used {
            assert!(text.get(u.quote.start..u.quote.end).is_some(), "{text:?}");
        }
        for i in &x.ignored {
            assert!(text.get(i.number.start..i.number.end).is_some(), "{text:?}");
        }
        let _ = x.to_json(&text, Lang::En, Offsets::Utf16);
    }
}

/// A report that never names its city: the region is "the whole city" in the report's own
/// language, never a guessed name.
#[test]
fn a_report_without_the_city_s_name() {
    let zh = extract::extract("2024年高考，全市参考人数为1000人，一本达线100人，达线率为10.0%，高于全省1.0个百分点。");
    assert_eq!(loads(&zh).region().name.text, "全市");
    let en = extract::extract(
        "A total of 1,000 candidates sat the 2024 college entrance exam in the city. Of these, 100 passed the tier-1 line, a pass rate of 10.0%, 1.0 percentage points above the provincial rate.",
    );
    assert_eq!(loads(&en).region().name.text, "the city");
}

/// The extractor is a leaf: the core never names it, and it reaches the core only through the
/// public modules below.
#[test]
fn the_extractor_is_a_leaf() {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    // Its own crate: Cargo keeps the core from depending on it. What it may use of the core:
    let core = ["load", "model", "lang", "error", "json", "text", "format"];
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut wrong = Vec::new();
    let mut mine = Vec::new();
    files(&here.join("src"), &mut mine);
    for f in mine {
        let text = std::fs::read_to_string(&f).unwrap();
        for (at, _) in text.match_indices("passrate_chart::") {
            let name: String = text[at + 16..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !core.contains(&name.as_str()) {
                wrong.push(format!("{}: passrate_chart::{name}", f.display()));
            }
        }
    }
    // And the core never names it (its sentences, types or functions).
    let mut theirs = Vec::new();
    files(&here.join("../../src"), &mut theirs);
    for f in theirs {
        let text = std::fs::read_to_string(&f).unwrap();
        if !f.ends_with("lib.rs") && (text.contains("extract::") || text.contains("extract_")) {
            wrong.push(format!("{}: names the extractor", f.display()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The cases of the issue on the extractor, in sentences written for this test: a year stated
/// once while 今年 recurs, a rank count before the real count, a subject carried over after
/// ；, wire copy's "some" and appositive rate, and what the playground is told.
#[test]
fn the_year_the_ranks_the_carried_subject_and_the_wire() {
    let text = "2019年全市共有3210名考生参加高考，一本达线520人，达线率16.2%。\n\n今年我市还将新建学校两所。";
    let x = extract::extract(text);
    assert!(!x.needs_year);
    let got = taken(&x, text);
    assert!(got.contains(&t(2019, None, "candidates", "3210", "2019年全市共有3210名考生参加高考")), "{got:?}");
    assert!(got.contains(&t(2019, ONE, "rate", "16.2", "达线率16.2%")), "{got:?}");

    let text = "2020年高考，全市有5名考生进入全省前100名，参考人数为21378人，一本达线3527人，达线率16.5%。";
    let x = extract::extract(text);
    assert_eq!(loads(&x).region().years[0].candidates, Some(21378));
    assert!(ignored(&x, text).contains(&why("5名", Reason::Rank)));

    let text = "2020年高考，我市一本上线3527人，上线率16.5%，高出全省1.7个百分点，全省一本上线率为14.8%；二本上线10254人，上线率48.0%。";
    let x = extract::extract(text);
    let got = taken(&x, text);
    assert!(got.contains(&t(2020, ONE, "reference_rate", "14.8", "全省一本上线率为14.8%")), "{got:?}");
    assert!(got.contains(&t(2020, TWO, "rate", "48.0", "上线率48.0%")), "the region's again after ；: {got:?}");
    assert!(got.contains(&t(2020, TWO, "passed", "10254", "二本上线10254人")), "{got:?}");

    let text = "In the 2023 gaokao, some 27,542 students, or 53.6 percent, cleared the tier-two line. About 30,000 had registered.";
    let x = extract::extract(text);
    let got = taken(&x, text);
    assert!(got.iter().any(|g| g.2 == "passed" && g.3 == "27542" && g.4.starts_with("some 27,542")), "{got:?}");
    assert!(got.iter().any(|g| g.2 == "rate" && g.3 == "53.6"), "{got:?}");
    assert!(ignored(&x, text).contains(&why("30,000", Reason::Approximate)));

    // No year anywhere: read, not dated, and said so (to the playground too).
    let text = "今年我市高考参考人数为9214人，本科上线5573人，本科上线率为60.5%。";
    let x = extract::extract(text);
    assert!(x.needs_year && x.dataset.is_none());
    let json = json::parse(&x.to_json(text, Lang::Zh, Offsets::Bytes)).unwrap();
    assert_eq!(json.get("needs_year"), Some(&Value::Bool(true)));
    let x = extract::extract_with(text, &extract::Options { year: Some(2024), ..Default::default() });
    assert_eq!(loads(&x).region().years[0].year, 2024);

    // The source and the headline, with where they stand.
    let text = "泽川市高考再创佳绩\n时间：2019-08-14  来源：泽川市教育局\n\n2019年全市一本达线率为15.6%。";
    let x = extract::extract(text);
    assert_eq!(x.source_name.map(|s| s.of(text)), Some("泽川市教育局"));
    assert_eq!(x.source_date.map(|s| s.of(text)), Some("2019-08-14"));
    let source = loads(&x).source.clone().unwrap();
    assert_eq!((source.name.as_str(), source.date.as_deref()), ("泽川市教育局", Some("2019-08-14")));
    let json = json::parse(&x.to_json(text, Lang::Zh, Offsets::Bytes)).unwrap();
    assert_eq!(json.get("headline").and_then(Value::as_str), Some("泽川市高考再创佳绩"));
    assert_eq!(loads(&x).title.text, "泽川市2019年高考本科达线情况");
}

/// A rate in brackets after its count is quoted from inside the bracket, not from the count's
/// last character.
#[test]
fn a_bracketed_rate_is_quoted_inside_its_bracket() {
    let text = "2019年运城市高考参考人数36,192人，一本上线5,872人（上线率15.5%），高于全省0.7个百分点。";
    let x = extract::extract(text);
    let ds = x.dataset.as_ref().expect("a dataset");
    let tier = &ds.region().years[0].tiers[0];
    assert_eq!(tier.quotes.rate.as_deref(), Some("上线率15.5%"));
    assert_eq!(tier.quotes.passed.as_deref(), Some("一本上线5,872人"));
}

/// An English story that names a place in Chinese characters too is still English: its
/// verbs and its "percent" are read.
#[test]
fn an_english_story_with_a_chinese_name_is_read_as_english() {
    let text = "ZIBO, June 25, 2023 -- Some 27,542 students, or 53.6 percent, cleared the second-tier line in Zibo (淄博) this year, the education bureau said.";
    let x = extract::extract(text);
    let ds = x.dataset.as_ref().expect("a dataset");
    let tier = &ds.region().years[0].tiers[0];
    assert_eq!(tier.rate.map(|r| r.value), Some(53.6));
    assert_eq!(tier.passed, Some(27542));
}

/// Why a number was left out, in each language: the words the playground lists under the
/// text and the command line prints.
#[test]
fn the_reasons_are_said_in_both_languages() {
    use passrate_chart_extract::words::words;
    let text = "2019年6月26日，运城市教育局发布：全市高考参考人数36,192人，一本上线5,872人，上线率15.5%。";
    let x = extract::extract(text);
    let date = x.ignored.iter().find(|i| i.reason == Reason::Date).expect("the date left out");
    assert_eq!(words(Lang::Zh).ignored_reason(&date.reason), "日期，不是达线数据");
    assert_eq!(words(Lang::En).ignored_reason(&date.reason), "a date, not a pass figure");
}

/// A pasted table's candidates column belongs to no tier and is taken; its tier's columns
/// give the passed counts and rates of each year's row.
#[test]
fn a_pasted_tables_candidates_need_no_tier() {
    let text = "运城市历年高考本科达线情况\n\n年份\t参考人数\t一本上线人数\t一本上线率\n2018\t35010\t5285\t15.1%\n2019\t36192\t5872\t15.5%\n";
    let x = extract::extract_with(text, &extract::Options { year: Some(2019), ..Default::default() });
    let ds = x.dataset.as_ref().expect("a dataset");
    let years: Vec<(i32, Option<u64>)> = ds.region().years.iter().map(|y| (y.year, y.candidates)).collect();
    assert_eq!(years, [(2018, Some(35010)), (2019, Some(36192))]);
}

/// "27,542 or more" is hedged after the number: approximate, left out, never a count.
#[test]
fn a_hedge_after_the_number_makes_it_approximate() {
    let text = "ZIBO, June 25, 2023 -- 27,542 or more students, or 53.6 percent, cleared the second-tier line in Zibo this year, the education bureau said.";
    let x = extract::extract(text);
    let passed = x
        .dataset
        .as_ref()
        .map(|d| d.region().years.iter().flat_map(|y| y.tiers.iter().filter_map(|t| t.passed)).collect::<Vec<_>>());
    assert!(passed.unwrap_or_default().is_empty(), "no count taken");
    assert!(ignored(&x, text).iter().any(|(n, _)| n == "27,542"), "{:?}", ignored(&x, text));
}

/// "3,118 of the 22,113 candidates … cleared the line": the whole after "of the" sat the
/// exam, the part before it passed.
#[test]
fn a_part_of_the_whole_in_english() {
    let text = "DATONG, June 24, 2021 -- Some 3,118 of the 22,113 candidates who sat the exam in Datong cleared the tier-one line this year.";
    let x = extract::extract(text);
    let y = &loads(&x).region().years[0];
    assert_eq!(y.year, 2021);
    let counts: Vec<(Option<u64>, Option<u64>)> = y.tiers.iter().map(|t| (t.passed, t.candidates)).collect();
    assert_eq!((y.candidates, counts), (Some(22113), vec![(Some(3118), None)]));
}

/// 实际参加考试考生…（报名人数为…）: the sitting word right before the number decides, the
/// registered count after it is another number.
#[test]
fn the_sitting_word_before_the_count_wins_over_registration_after_it() {
    let text = "2021年我市实际参加考试考生22,415人（报名人数为23,067人），一本上线3,402人，上线率15.2%。";
    let x = extract::extract(text);
    assert_eq!(loads(&x).region().years[0].candidates, Some(22415));
    assert!(ignored(&x, text).contains(&why("23,067人", Reason::Registered)), "{:?}", ignored(&x, text));
}

/// 一本线率: a tier, then 线率, is the tier's rate (and reading it moves on past it).
#[test]
fn a_tier_s_line_rate() {
    let text = "2021年我市一本线率为15.2%，全省一本线率为14.1%。";
    let x = extract::extract(text);
    let got = taken(&x, text);
    assert!(got.contains(&t(2021, ONE, "rate", "15.2", "2021年我市一本线率为15.2%")), "{got:?}");
    assert!(got.contains(&t(2021, ONE, "reference_rate", "14.1", "全省一本线率为14.1%")), "{got:?}");
}

/// 全省一本上线率13.9%、二本上线率44.6%，我市分别高出1.2个和2.5个百分点: the list's items are
/// the tiers the sentence named before, and the region named after the province's rates is
/// above them.
#[test]
fn a_list_of_differences_after_the_province_s_rates() {
    let text = "2024年我市一本、二本上线率分别为15.1%和47.1%。全省一本上线率13.9%、二本上线率44.6%，我市分别高出1.2个和2.5个百分点。";
    let x = extract::extract(text);
    let got = taken(&x, text);
    let quote = "我市分别高出1.2个和2.5个百分点";
    assert!(got.contains(&t(2024, ONE, "vs_reference_pp", "1.2", quote)), "{got:?}");
    assert!(got.contains(&t(2024, TWO, "vs_reference_pp", "2.5", quote)), "{got:?}");
    // Without the province's rate before it, 高出 says nothing of what it is above.
    let text = "2024年我市一本上线率15.1%，我市高出1.2个百分点。";
    assert!(ignored(&extract::extract(text), text).contains(&why("1.2个百分点", Reason::NoComparison)));
}

/// `全省：46.1％` on its own line above a two-column table of cities is the province's rate
/// for the table's column.
#[test]
fn the_whole_s_line_above_a_table_of_areas() {
    let text = "2022年全省各市本科二批达线率\n\n全省：46.1％\n\n地市        二本达线率\n云州        52.4％\n朔方        43.0％\n代川        44.7％\n";
    let x = extract::extract(text);
    let ds = loads(&x);
    assert_eq!(ds.regions.len(), 3);
    for r in &ds.regions {
        let tier = &r.years[0].tiers[0];
        assert_eq!(tier.reference_rate.map(|s| s.value), Some(46.1), "{}", r.name.text);
        assert_eq!(tier.quotes.reference_rate.as_deref(), Some("全省：46.1％"));
    }
}

/// A wire story's first clause starts after its dateline: the quote is the clause, not
/// "2023 -- Some 27,542 students".
#[test]
fn a_wire_quote_starts_after_the_dateline() {
    let text = "ZIBO, June 25, 2023 -- Some 27,542 students, or 53.6 percent, cleared the second-tier line in Zibo this year, the education bureau said.";
    let x = extract::extract(text);
    let tier = &loads(&x).region().years[0].tiers[0];
    assert_eq!(tier.quotes.passed.as_deref(), Some("Some 27,542 students"));
}

/// An English province-wide story names its cities only where their figures are said: each
/// is an area, its percentage the one tier's pass rate the story opened with, a bracketed
/// "(down 0.3)" compared as the sentence's first change was, and "respectively" pairs a list.
#[test]
fn an_english_province_wide_story_in_running_prose() {
    let text = "JINAN, July 2, 2021 -- Shandong's tier-one pass rate was 16.2 percent this year, the provincial exam authority said.\n\nQingdao led with 21.4 percent, up 0.6 points on last year, followed by Yantai at 18.9 percent (down 0.3). Weifang's rate was 17.0 percent. Heze and Liaocheng posted 12.1 percent and 13.5 percent respectively. A total of 598,000 students registered.";
    let x = extract::extract(text);
    let ds = loads(&x);
    type Row = (String, Option<f64>, Option<f64>, Option<f64>);
    let got: Vec<Row> = ds
        .regions
        .iter()
        .map(|r| {
            let t = &r.years[0].tiers[0];
            assert_eq!((r.years[0].year, t.tier.text.as_str()), (2021, "一本线"));
            let v = |s: Option<load::Stated>| s.map(|s| s.value);
            (r.name.text.clone(), v(t.rate), v(t.reference_rate), v(t.vs_previous_year_pp))
        })
        .collect();
    let want = [
        ("Qingdao", 21.4, Some(0.6)),
        ("Yantai", 18.9, Some(-0.3)),
        ("Weifang", 17.0, None),
        ("Heze", 12.1, None),
        ("Liaocheng", 13.5, None),
    ];
    let want: Vec<_> = want.iter().map(|(n, r, c)| (n.to_string(), Some(*r), Some(16.2), *c)).collect();
    assert_eq!(got, want);
    assert_eq!(ds.reference.text, "Shandong");
    assert!(ignored(&x, text).contains(&why("598,000 students", Reason::Registered)), "{:?}", ignored(&x, text));
}

/// 10%至14%之间 is a range: neither end is a rate, whatever area stands before it; 嵩阳、伊洛、
/// 颍川三市 lists three places, and 三市 is none.
#[test]
fn ranges_and_counted_lists_of_places() {
    let text = "2022年全省本科一批上线率为13.7%。嵩阳、伊洛、颍川三市本科一批上线率分别为19.6%、15.9%和14.2%，其余各市均在10%至14%之间。嵩阳市较上年提高0.6个百分点。";
    let x = extract::extract(text);
    let ds = loads(&x);
    let got: Vec<(&str, Option<f64>)> =
        ds.regions.iter().map(|r| (r.name.text.as_str(), r.years[0].tiers[0].rate.map(|s| s.value))).collect();
    assert_eq!(got, [("嵩阳", Some(19.6)), ("伊洛", Some(15.9)), ("颍川", Some(14.2))]);
    // 嵩阳市 later is 嵩阳, named as the list first named it.
    assert_eq!(ds.regions[0].years[0].tiers[0].vs_previous_year_pp.map(|s| s.value), Some(0.6));
    let text2 = text.replace("较上年", "较2021年");
    let x2 = extract::extract(&text2);
    assert!(
        x2.used.iter().any(|u| u.role == Role::Year && u.number.of(&text2) == "2021年"),
        "{:?}",
        ignored(&x2, &text2)
    );
    let left = ignored(&x, text);
    assert!(left.contains(&why("10%", Reason::Range)) && left.contains(&why("14%", Reason::Range)), "{left:?}");
    let text = "Rates ranged between 10 and 14 percent; 10.5-12.0 percent in the north.";
    let left =
        ignored(&extract::extract_with(text, &extract::Options { year: Some(2022), ..Default::default() }), text);
    for n in ["10", "14 percent", "10.5", "12.0 percent"] {
        assert!(left.contains(&why(n, Reason::Range)), "{n}: {left:?}");
    }
}

/// "the tier-two undergraduate cutoff" is tier two; 2024高考 says the year.
#[test]
fn a_tier_named_in_full_and_a_year_without_nian() {
    let text = "XINGTAI, July 1, 2020 -- Of the 29,455 students who sat the exam, 13,870, or 47.1 percent, reached the tier-two undergraduate cutoff.";
    let x = extract::extract(text);
    assert_eq!(loads(&x).region().years[0].tiers[0].tier.text, "二本线");
    let text = "2024高考放榜！参加考试：5,826人，本科线上线：3,190人｜上线率54.8%";
    let x = extract::extract(text);
    assert!(!x.needs_year);
    assert_eq!(loads(&x).region().years[0].year, 2024);
}

/// Readings of counts and differences that only some texts call for.
#[test]
fn counts_and_signs_read_by_their_nearest_words() {
    // 上线 in the lead, 考生…参加高考 right after the number: the nearer word says it sat.
    let text = "2021年我市本科上线情况良好，全市共有12088名考生参加高考，本科上线6,215人，上线率51.4%。";
    let x = extract::extract(text);
    let y = &loads(&x).region().years[0];
    assert_eq!((y.candidates, y.tiers[0].passed), (Some(12088), Some(6215)));
    // The same count stated twice is one figure.
    let text = "2021年我市参考人数为12,088人，一本上线1,830人，上线率15.1%。全市12,088名考生中，一本上线率为15.1%。";
    let x = extract::extract(text);
    let y = &loads(&x).region().years[0];
    assert_eq!(y.candidates, Some(12088));
    let left = ignored(&x, text);
    assert!(left.contains(&why("12,088名", Reason::Again)) && left.contains(&why("15.1%", Reason::Again)), "{left:?}");
    // A written minus with no word for the direction.
    let text = "2021年我市一本上线率为15.1%，同比-0.3个百分点。";
    let x = extract::extract(text);
    let tier = &loads(&x).region().years[0].tiers[0];
    assert_eq!(tier.vs_previous_year_pp.map(|s| s.value), Some(-0.3));
    // "of" before the whole, without "the".
    let text = "DATONG, June 24, 2021 -- 3,118 of 22,113 candidates who sat the exam cleared the tier-one line.";
    let x = extract::extract(text);
    let y = &loads(&x).region().years[0];
    assert_eq!((y.candidates, y.tiers[0].passed), (Some(22113), Some(3118)));
    // A tier named in a clause of its own is the next clause's.
    let text = "2021年高考一本批次，我市上线率为15.1%，比上年提高0.4个百分点。";
    let x = extract::extract(text);
    let tier = &loads(&x).region().years[0].tiers[0];
    assert_eq!((tier.tier.text.as_str(), tier.rate.map(|s| s.value)), ("一本线", Some(15.1)));
    // A paragraph's lines share its tier; a blank line ends it.
    let text = "2021年我市本科一批达线率为15.1%。\n全省达线率为14.2%。";
    let x = extract::extract(text);
    let tier = &loads(&x).region().years[0].tiers[0];
    assert_eq!(tier.reference_rate.map(|s| s.value), Some(14.2));
    let text = "2021年我市本科一批达线率为15.1%。\n\n全省达线率为14.2%。";
    assert!(ignored(&extract::extract(text), text).contains(&why("14.2%", Reason::NoTier)));
}

/// A dateline that gives the report's year is used as the year (and the source's date), not
/// left out as a date; a text of many areas keeps its years and its left-out numbers.
#[test]
fn datelines_and_years_in_a_text_of_many_areas() {
    let text = "嵩岭省教育考试院　2022年6月26日\n\n全省本科一批上线率为13.7%。嵩阳、伊洛、颍川三市本科一批上线率分别为19.6%、15.9%和14.2%，考试于6月7日开始。";
    let x = extract::extract(text);
    let date = x.used.iter().find(|u| u.number.of(text) == "2022年6月26日").expect("the dateline used");
    assert_eq!((date.role, date.year), (Role::Year, 2022));
    assert!(!ignored(&x, text).iter().any(|(n, _)| n == "2022年6月26日"));
    assert!(ignored(&x, text).contains(&why("6月7日", Reason::Date)), "{:?}", ignored(&x, text));
    assert_eq!(loads(&x).regions.len(), 3);
}

/// What the command line says when the year is missing names the option that gives it.
#[test]
fn the_missing_year_is_asked_for_by_its_option() {
    use passrate_chart_extract::words::words;
    for lang in [Lang::Zh, Lang::En] {
        let said = words(lang).needs_year();
        assert!(said.contains("--year"), "{said}");
    }
    assert!(words(Lang::Zh).needs_year().contains("年份"));
    assert!(words(Lang::En).needs_year().contains("year"));
}

/// Readings the held-out texts asked for: the passive, a score band, arrows and 略降, a new
/// value after its year, a list's heading, an English list by its shape.
#[test]
fn passive_score_bands_arrows_and_shapes() {
    let text = "XIANGTAN, June 25, 2024 -- Of the 28,630 candidates who sat the exam, the tier-two line was cleared by 14,201 students, a rate of 49.6 percent. A record 312 students scored 650 or higher.";
    let x = extract::extract(text);
    let y = &loads(&x).region().years[0];
    assert_eq!((y.candidates, y.tiers[0].passed), (Some(28630), Some(14201)));
    assert!(ignored(&x, text).contains(&why("312 students", Reason::ScoreBand)), "{:?}", ignored(&x, text));
    let text = "2021年我市参考人数12,088人，600分以上1,203人，一本上线率15.1%，较去年⬆️0.5个百分点，二本上线率46.0%，较上年略降0.2个百分点。";
    let x = extract::extract(text);
    assert!(ignored(&x, text).contains(&why("1,203人", Reason::ScoreBand)), "{:?}", ignored(&x, text));
    let changes: Vec<Option<f64>> =
        loads(&x).region().years[0].tiers.iter().map(|t| t.vs_previous_year_pp.map(|s| s.value)).collect();
    assert_eq!(changes, [Some(0.5), Some(-0.2)]);
    let text = "2023年我市二本上线率由2022年的45.9%升至2023年的47.6%。";
    let x = extract::extract(text);
    let rates: Vec<(i32, Option<f64>)> =
        loads(&x).region().years.iter().map(|y| (y.year, y.tiers[0].rate.map(|s| s.value))).collect();
    assert_eq!(rates, [(2022, Some(45.9)), (2023, Some(47.6))]);
    let text = "2023年全市本科上线率为43.5%。分县区看：河口县47.2%，岚城县40.8%；石河县36.5%。";
    let ds = loads(&extract::extract(text)).clone();
    let got: Vec<(&str, Option<f64>)> =
        ds.regions.iter().map(|r| (r.name.text.as_str(), r.years[0].tiers[0].rate.map(|s| s.value))).collect();
    assert_eq!(got, [("河口县", Some(47.2)), ("岚城县", Some(40.8)), ("石河县", Some(36.5))]);
}

/// "Zibo and Yantai were next, at 44.6 and 44.1 percent": a list by its shape pairs the
/// places named since the sentence's last number, in order; without the shape it does not.
#[test]
fn an_english_list_by_its_shape() {
    let head = "JINAN, July 2, 2021 -- Shandong's undergraduate pass rate stood at 42.3 percent this year.\n\n";
    let text = format!("{head}Qingdao topped the list at 51.8 percent. Weifang's rate stood at 45.0 percent, and Zibo and Yantai were next, at 44.6 and 44.1 percent.");
    let x = extract::extract(&text);
    let got: Vec<(String, Option<f64>)> =
        loads(&x).regions.iter().map(|r| (r.name.text.clone(), r.years[0].tiers[0].rate.map(|s| s.value))).collect();
    let want = [("Qingdao", 51.8), ("Weifang", 45.0), ("Zibo", 44.6), ("Yantai", 44.1)];
    assert_eq!(got, want.map(|(n, r)| (n.to_string(), Some(r))));
}

/// ２３，６８０ in full-width digits is one count; a work summary signed in January dates its
/// figures by its own year, and a paragraph that opens with its year keeps it.
#[test]
fn full_width_counts_signatures_and_paragraph_years() {
    let text = "２０２２年全市共有２３，６８０名考生参加高考，一本上线３，６７１人，上线率１５．５％。";
    let x = extract::extract(text);
    let y = &loads(&x).region().years[0];
    assert_eq!((y.candidates, y.tiers[0].passed), (Some(23680), Some(3671)));
    let text = "阜川市教育局工作总结\n\n2022年，全市教育系统稳中求进。普通高考参考考生14,385人，本科一批上线2,216人，上线率15.4%。\n\n阜川市教育局\n2023年1月10日";
    let x = extract::extract(text);
    let ds = loads(&x);
    assert_eq!(ds.region().years[0].year, 2022);
    assert_eq!(ds.source.as_ref().and_then(|s| s.date.as_deref()), Some("2023-01-10"));
}

/// "Nanchang (21.0%), Jingdezhen (17.5%) and Xinyu (16.2%) did best": cities with their
/// rates in brackets.
#[test]
fn english_cities_with_bracketed_rates() {
    let text = "Jiangxi's tier-one pass rate reached 15.1 percent in the 2021 college entrance exam.\n\nOf the province's cities, Nanchang (21.0%), Jingdezhen (17.5%) and Xinyu (16.2%) did best.";
    let x = extract::extract(text);
    let got: Vec<(String, Option<f64>)> =
        loads(&x).regions.iter().map(|r| (r.name.text.clone(), r.years[0].tiers[0].rate.map(|s| s.value))).collect();
    let want = [("Nanchang", 21.0), ("Jingdezhen", 17.5), ("Xinyu", 16.2)];
    assert_eq!(got, want.map(|(n, r)| (n.to_string(), Some(r))));
}

/// The adversarial batch's traps: a share of the province, admissions, repeat candidates, a
/// score band said earlier in the clause, a Markdown table of two years five apart, and an
/// English year after its number.
#[test]
fn adversarial_traps_are_left_out_with_their_reasons() {
    let text = "2021年我市参考考生28,416人，一本上线4,633人，上线率16.3%，全市一本上线人数占全省的7.4%。全市已有11,236名考生被各类高校录取，其中含复读考生4,126人。全市600分以上考生由2019年的213人增至今年的655人。";
    let x = extract::extract(text);
    let left = ignored(&x, text);
    for (n, r) in [
        ("7.4%", Reason::NotPassRate),
        ("11,236名", Reason::OtherCount),
        ("4,126人", Reason::OtherCount),
        ("213人", Reason::ScoreBand),
        ("655人", Reason::ScoreBand),
    ] {
        assert!(left.contains(&why(n, r.clone())), "{n} {r:?}: {left:?}");
    }
    let y = &loads(&x).region().years[0];
    assert_eq!(
        (y.candidates, y.tiers[0].passed, y.tiers[0].rate.map(|s| s.value)),
        (Some(28416), Some(4633), Some(16.3))
    );

    let text = "栖梧市2023年高考\n\n| 指标 | 2019年 | 2023年 | 变化 |\n|---|---|---|---|\n| 参考人数 | 18512 | 21374 | +2862 |\n| 一本上线率 | 12.7% | 16.1% | +3.4个百分点 |\n";
    let x = extract::extract(text);
    let got: Vec<(i32, Option<u64>, Option<f64>)> = loads(&x)
        .region()
        .years
        .iter()
        .map(|y| (y.year, y.candidates, y.tiers.first().and_then(|t| t.rate.map(|s| s.value))))
        .collect();
    assert_eq!(got, [(2019, Some(18512), Some(12.7)), (2023, Some(21374), Some(16.1))]);
    assert!(ignored(&x, text).contains(&why("+3.4个百分点", Reason::OtherComparison)), "{:?}", ignored(&x, text));

    let text = "YANLING, June 28, 2024 -- The undergraduate pass rate reached 50.3 percent, up from 48.9 percent last year and from 41.2 percent in 2019.";
    let x = extract::extract(text);
    let rates: Vec<(i32, Option<f64>)> =
        loads(&x).region().years.iter().map(|y| (y.year, y.tiers[0].rate.map(|s| s.value))).collect();
    assert_eq!(rates, [(2019, Some(41.2)), (2023, Some(48.9)), (2024, Some(50.3))]);
}

/// In a release of many areas: a city's rate never becomes the province's when the province
/// states none, and the province's rate for a tier no area has is left out, saying why.
#[test]
fn the_whole_s_rates_only_where_stated_and_used() {
    let text = "2021年高考本科一批达线情况。分市看，太原市一本达线率为21.3%，大同市为12.6%，阳泉市为15.8%。";
    let x = extract::extract(text);
    let ds = loads(&x);
    assert_eq!(ds.regions.len(), 3);
    assert!(ds.regions.iter().all(|r| r.years[0].tiers[0].reference_rate.is_none()), "no province rate was stated");
    let text = "2021年全省本科一批达线率为14.8%，本科二批达线率为45.0%。分市看，太原市一本达线率为21.3%，大同市为12.6%，阳泉市为15.8%。";
    let x = extract::extract(text);
    assert!(loads(&x).regions.iter().all(|r| r.years[0].tiers[0].reference_rate.map(|s| s.value) == Some(14.8)));
    let left = ignored(&x, text);
    assert!(
        left.contains(&why("45.0%", Reason::Incomplete)) && !left.contains(&why("14.8%", Reason::Incomplete)),
        "{left:?}"
    );
}

/// A pasted table whose rows give their years needs no report year: nothing is left undated.
#[test]
fn a_table_of_years_needs_no_report_year() {
    let text = "运城市历年高考本科达线情况\n\n年份\t参考人数\t一本上线人数\t一本上线率\n2018\t35010\t5285\t15.1%\n2019\t36192\t5872\t15.5%\n";
    let x = extract::extract(text);
    assert!(!x.needs_year);
    let years: Vec<i32> = loads(&x).region().years.iter().map(|y| y.year).collect();
    assert_eq!(years, [2018, 2019]);
    // A line of prose without its year still asks for one.
    let with_prose = format!("{text}\n今年一本上线率为16.0%。");
    assert!(extract::extract(&with_prose).needs_year);
}

/// The date line that dates the source is used (as the source's date), not left out.
#[test]
fn the_source_s_date_line_is_used() {
    let text = report("yuncheng-2019.txt");
    let x = extract::extract(&text);
    let date = x.used.iter().find(|u| u.number.of(&text) == "2019年8月14日").expect("the date line used");
    assert_eq!((date.role, date.year), (Role::SourceDate, 2019));
    assert!(!x.ignored.iter().any(|i| i.number == date.number));
    let json = json::parse(&x.to_json(&text, Lang::Zh, Offsets::Bytes)).unwrap();
    let Some(Value::Array(used)) = json.get("used") else { panic!("used") };
    let fields: Vec<&str> = used.iter().filter_map(|u| u.get("field").and_then(Value::as_str)).collect();
    assert!(fields.contains(&"source_date"), "{fields:?}");
}

/// Years and titles: a text with its year and no figures needs no year; the source's date
/// keeps its own year; a year a change is measured from is used; a release of many areas is
/// titled by the whole.
#[test]
fn years_used_and_titles() {
    let x = extract::extract("2024年全市教育工作会议召开，部署下一阶段工作。");
    assert!(!x.needs_year && x.dataset.is_none());
    let text = "2022年12月1日起，全市开始高考报名。2023年全市参考人数为12,088人，一本上线1,830人，上线率15.1%。\n\n泽川市教育局\n2023年6月26日";
    let x = extract::extract(text);
    let date = x.used.iter().find(|u| u.role == Role::SourceDate).expect("the signature's date used");
    assert_eq!((date.number.of(text), date.year), ("2023年6月26日", 2023));
    let text = "2021年我市一本上线率为15.1%，较2020年提高0.4个百分点。";
    let x = extract::extract(text);
    assert!(x.used.iter().any(|u| u.role == Role::Year && u.number.of(text) == "2020年"), "{:?}", ignored(&x, text));
    let text = "2022年全省本科一批上线率为13.7%。嵩阳、伊洛、颍川三市本科一批上线率分别为19.6%、15.9%和14.2%。";
    assert_eq!(loads(&extract::extract(text)).title.text, "全省2022年高考本科达线情况");
}

/// An English province-wide story's other shapes: "X the lowest at", "X, at N percent, rose",
/// "while Y slipped 0.4 points to N percent" (compared as the sentence's last change was), a
/// rate "level with last year at N percent" (this year's), and an agency's name in brackets in
/// the dateline.
#[test]
fn highest_lowest_while_and_level_with() {
    let text = "SHIJIAZHUANG, June 26, 2023 (Xinhua) -- Hebei's undergraduate pass rate rose to 46.2 percent this year.\n\nHengshui posted the highest rate at 58.7 percent and Zhangjiakou the lowest at 37.9 percent. Shijiazhuang, at 50.4 percent, rose 1.3 points on last year, while Handan slipped 0.4 points to 44.1 percent. Baoding's rate was level with last year at 45.6 percent.";
    let x = extract::extract(text);
    assert!(!x.needs_year);
    type Row = (String, i32, Option<f64>, Option<f64>);
    let got: Vec<Row> = loads(&x)
        .regions
        .iter()
        .map(|r| {
            let (y, t) = (&r.years[0], &r.years[0].tiers[0]);
            (r.name.text.clone(), y.year, t.rate.map(|s| s.value), t.vs_previous_year_pp.map(|s| s.value))
        })
        .collect();
    let want = [
        ("Hengshui", 58.7, None),
        ("Zhangjiakou", 37.9, None),
        ("Shijiazhuang", 50.4, Some(1.3)),
        ("Handan", 44.1, Some(-0.4)),
        ("Baoding", 45.6, Some(0.0)),
    ];
    assert_eq!(got, want.map(|(n, r, c)| (n.to_string(), 2023, Some(r), c)));
}

/// A city's overview of its counties: the city's own rate, stated as 全市's, is every
/// county's reference rate, and the city is the reference.
#[test]
fn a_city_s_rate_over_its_counties() {
    let text = "汾川市2023年各县区高考本科上线率出炉：全市本科上线率为43.5%。分县区看：河口县47.2%，岚城县40.8%；石河县36.5%。";
    let x = extract::extract(text);
    let ds = loads(&x);
    assert_eq!(ds.reference.text, "汾川市");
    let got: Vec<(&str, Option<f64>)> = ds
        .regions
        .iter()
        .map(|r| (r.name.text.as_str(), r.years[0].tiers[0].reference_rate.map(|s| s.value)))
        .collect();
    assert_eq!(got, [("河口县", Some(43.5)), ("岚城县", Some(43.5)), ("石河县", Some(43.5))]);
}

/// A quote starts after a headline's 】 or a #tag#, at its own clause.
#[test]
fn a_quote_starts_after_a_headline_in_brackets() {
    let text = "#2023高考# 【汾川市2023年高考本科上线率出炉】全市本科上线率为43.5%，较上年提高1.2个百分点。";
    let x = extract::extract(text);
    let tier = &loads(&x).region().years[0].tiers[0];
    assert_eq!(tier.quotes.rate.as_deref(), Some("全市本科上线率为43.5%"));
}

/// The nearer word decides what a count counts: 上线 in a heading-like lead against 考生 right
/// after the number; 考生 after the number against the next number's 上线.
#[test]
fn the_nearer_word_decides_a_count() {
    let text = "2020年我市高考本科上线情况：全市共有12088名考生参加高考，本科上线6,215人，上线率51.4%。";
    let x = extract::extract(text);
    let y = &loads(&x).region().years[0];
    assert_eq!((y.candidates, y.tiers[0].passed), (Some(12088), Some(6215)));
    let text = "2021年全市12,088名考生中一本上线1,830人，上线率15.1%。";
    let x = extract::extract(text);
    let y = &loads(&x).region().years[0];
    assert_eq!((y.candidates, y.tiers[0].passed), (Some(12088), Some(1830)));
    // Passing said right before the number, candidates only later in its clause.
    let text = "2021年我市一本上线1,830人，占参考考生的15.1%。";
    let x = extract::extract(text);
    assert_eq!(loads(&x).region().years[0].tiers[0].passed, Some(1830));
}

/// A rate whose lead names what it is compared with belongs to that: the year before, a year
/// named, the province, another city.
#[test]
fn a_rate_belongs_to_what_its_lead_compares_with() {
    let text = "2021年我市一本上线率为15.5%，较前年的14.9%提高0.6个百分点，较2020年的15.0%提高0.5个百分点，高于全省的14.8%，低于大同市的16.0%。";
    let x = extract::extract(text);
    let ds = loads(&x);
    let rates: Vec<(i32, Option<f64>, Option<f64>)> = ds
        .region()
        .years
        .iter()
        .map(|y| (y.year, y.tiers[0].rate.map(|s| s.value), y.tiers[0].reference_rate.map(|s| s.value)))
        .collect();
    assert_eq!(rates, [(2019, Some(14.9), None), (2020, Some(15.0), None), (2021, Some(15.5), Some(14.8))]);
    assert!(ignored(&x, text).contains(&why("16.0%", Reason::OtherArea)), "{:?}", ignored(&x, text));
    // English: a year after the number is its own, whatever the lead compares it with.
    let text = "DATONG, June 24, 2023 -- The city's tier-one pass rate was 15.5 percent, above the provincial rate of 14.8 percent in 2022.";
    let x = extract::extract(text);
    // (of 2022, when the story gives the city nothing for 2022: left out, never this year's)
    assert!(loads(&x).region().years.iter().all(|y| y.tiers[0].reference_rate.is_none()));
    assert!(ignored(&x, text).contains(&why("14.8 percent", Reason::Incomplete)), "{:?}", ignored(&x, text));
}

/// The lines the command line prints around what was left out, in each language.
#[test]
fn the_report_s_lines_in_both_languages() {
    use passrate_chart_extract::words::words;
    let (zh, en) = (words(Lang::Zh), words(Lang::En));
    assert_eq!(zh.extract_summary(12, 3), "采用 12 个数字，未采用 3 个：");
    assert_eq!(zh.extract_summary(12, 0), "采用 12 个数字，未采用 0 个。");
    assert_eq!(en.extract_summary(12, 3), "12 numbers taken, 3 left out:");
    assert_eq!(en.extract_summary(12, 0), "12 numbers taken, 0 left out.");
    assert_eq!(zh.ignored_sentence(7, "全市14所学校"), "第 7 行：全市14所学校");
    assert_eq!(en.ignored_sentence(7, "12 schools"), "line 7: 12 schools");
    assert_eq!(zh.ignored_number("14所", "学校的数量"), "  14所：学校的数量");
    assert_eq!(en.ignored_number("12 schools", "schools"), "  12 schools: schools");
    assert_eq!(en.refusal(&extract::Refusal::NoFigures), "no pass figures for any tier were found");
    assert_eq!(zh.refusal(&extract::Refusal::NoFigures), "没有找到任何批次的达线数据");
}

/// Lists and counts by their words: a list after another tier was named earlier in the
/// sentence takes its own clause's tiers; "一本上线3,210名考生" passed (the passing word is
/// nearer than the candidates').
#[test]
fn lists_and_counts_by_their_words() {
    let text = "2021年我市专科上线率为92.0%，一本、二本上线人数分别为3,210人和9,933人，上线率分别为15.1%和46.0%。";
    let x = extract::extract(text);
    let passed: Vec<(String, Option<u64>)> =
        loads(&x).region().years[0].tiers.iter().map(|t| (t.tier.text.clone(), t.passed)).collect();
    assert!(
        passed.contains(&("一本线".into(), Some(3210))) && passed.contains(&("二本线".into(), Some(9933))),
        "{passed:?}"
    );
    let text = "2021年全市一本上线3,210名考生，上线率15.1%。";
    let x = extract::extract(text);
    let y = &loads(&x).region().years[0];
    assert_eq!((y.candidates, y.tiers[0].passed), (None, Some(3210)));
}

/// A rate in brackets after its city is quoted as the bracket holds it, not past it.
#[test]
fn a_bracketed_rate_s_quote_ends_at_its_bracket() {
    let text = "Jiangxi's tier-one pass rate reached 15.1 percent in the 2021 college entrance exam.\n\nOf the province's cities, Nanchang (21.0%), Jingdezhen (17.5%) and Xinyu (16.2%) did best.";
    let x = extract::extract(text);
    let quotes: Vec<Option<String>> =
        loads(&x).regions.iter().map(|r| r.years[0].tiers[0].quotes.rate.clone()).collect();
    assert_eq!(quotes, [Some("21.0%".into()), Some("17.5%".into()), Some("16.2%".into())]);
}
