//! Extract: the text of a results report (a bureau's press release, a local news story, in
//! Chinese or English) → a [`Dataset`], every number taken with the words that state it.
//!
//! This room reads report prose and nothing else. It takes a number only when it can tie it
//! to one field of the format (candidates, passed, rate, the province's rate, the difference
//! from the province or from last year) for one tier and one year; every other number is
//! listed with its sentence and a [`Reason`], never used. It derives nothing: the figures it
//! finds are written as a dataset and read back by the loader ([`passrate_chart::load::from_json`]),
//! so the cross-checks and the derivations are the model's, as for any other dataset.
//!
//! ```
//! use passrate_chart::model;
//! use passrate_chart_extract as extract;
//!
//! let report = "我市2019年高考参考人数为36192人。一本达线5872人，达线率为15.5%，高于全省0.7个百分点。";
//! let found = extract::extract(report);
//! let ds = found.dataset.as_ref().unwrap();
//! let tier = &ds.region().years[0].tiers[0];
//! assert_eq!(tier.rate.unwrap().value, 15.5);
//! assert_eq!(tier.quotes.rate.as_deref(), Some("达线率为15.5%"));
//! assert_eq!(model::build(ds).warnings.len(), 1); // 5,872 ÷ 36,192 is 16.2 %, not 15.5 %
//! ```
//!
//! The reading is in three steps: `scan` finds sentences, clauses and numbers with their
//! units; `lexicon` marks the words around them (tiers, areas, years, comparisons); `read`
//! decides, clause by clause, what each number is. This module assembles what was taken.

mod areas;
mod lexicon;
mod read;
mod report;
mod scan;
mod source;
mod table;
pub mod words;

use std::collections::BTreeMap;

pub use report::{field_name, Offsets};

use passrate_chart::error::Error;
use passrate_chart::lang::Lang;
use passrate_chart::load::{Dataset, Name, Place, Quotes, RegionInput, Source, Stated, TierInput, YearInput};
use passrate_chart::model::Field;
use words::words;

/// A stretch of the source text as byte offsets: `&text[span.start..span.end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The words of the span.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The admission lines the extractor knows, whatever the report calls them
/// (一本 / 本科一批 / 重点本科 / 特控线 are all [`Tier::One`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// 一本线: the first undergraduate batch.
    One,
    /// 二本线: the second undergraduate batch.
    Two,
    /// 本科线: one undergraduate line for all universities.
    Undergraduate,
    /// 专科线: higher vocational colleges.
    Vocational,
}

impl Tier {
    /// The tier's name in the dataset: Chinese, with its English form.
    pub fn name(self) -> Name {
        Name {
            text: words(Lang::Zh).tier_name(self).to_string(),
            en: Some(words(Lang::En).tier_name(self).to_string()),
        }
    }
}

/// What a taken number became.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The year its figures belong to.
    Year,
    /// The date of the release, taken as the source's date.
    SourceDate,
    /// A figure of a tier (or, for candidates, of the year).
    Figure(Field),
}

/// A number taken into the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Used {
    /// The number as written, with its unit (`15.5%`), or the word that states it (`持平`).
    pub number: Span,
    /// The clause that states it (`达线率为15.5%`): its quote in the dataset.
    pub quote: Span,
    pub role: Role,
    pub year: i32,
    /// `None` for the candidates of a year and for years.
    pub tier: Option<Tier>,
}

/// A number left out of the dataset, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Ignored {
    /// The sentence it sits in.
    pub sentence: Span,
    /// The number as written, with its unit.
    pub number: Span,
    pub reason: Reason,
}

/// Why a number was not taken. Each language writes it ([`words::Words::ignored_reason`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// 2023年6月底, "August 2".
    Date,
    /// 45 million yuan, 万元.
    Money,
    /// 14所 (schools).
    Schools,
    /// 12个县（市、区）.
    Districts,
    /// 520分: a score, not a rate.
    Score,
    /// 600分以上1,203人, "312 students scored 650 or higher": how many reached a score.
    ScoreBand,
    /// 第1位, 前3名.
    Rank,
    /// 1892张, 23个考点: a count of something other than candidates.
    OtherCount,
    /// 约3.2万, 3000余人, "more than": only exact figures are taken.
    Approximate,
    /// 10%至14%, "between 10 and 14 percent": a range, neither end a figure.
    Range,
    /// 3.62345万人: not a whole number of people.
    NotWhole,
    /// 理科, 文科: one stream, where the dataset holds both together.
    Stream,
    /// A county, a school, another city, the country.
    OtherArea,
    /// The province's counts or its change on last year: the format has no place for them.
    ReferenceFigure,
    /// A percentage with no pass rate named (a budget's growth).
    NotPassRate,
    /// 上线率提高了2%: a change in per cent, which could be relative or in points.
    PercentChange,
    /// A pass figure with no tier named for it.
    NoTier,
    /// A difference that does not say from what (提高0.4个百分点).
    NoComparison,
    /// A difference that does not say which way.
    NoDirection,
    /// Compared with something other than the province or the year before.
    OtherComparison,
    /// 报名人数: registered, not candidates who sat.
    Registered,
    /// A list (分别为, "respectively") whose items and numbers do not pair up.
    ListMismatch,
    /// No year is known for the figure.
    NoYear,
    /// A number whose meaning the extractor cannot tell.
    Unclear,
    /// The same figure stated again; the first statement is the one taken.
    Again,
    /// A different value for a figure already taken (`first`, as written); the first is kept.
    Contradicts { first: String },
    /// The report gives neither a rate nor counts for this tier and year, so the figure has
    /// nothing to stand beside in a chart.
    Incomplete,
    /// A year the report gives no pass figures for.
    YearWithoutFigures,
}

/// Why no dataset came out.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// No tier's pass figures were found.
    NoFigures,
    /// The figures found do not make a valid dataset (a count above the candidates …).
    Invalid(Error),
}

/// What the extractor made of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Extraction {
    /// The language the report is written in.
    pub lang: Lang,
    /// The figures taken, as loaded by the loader; `None` with a [`Refusal`].
    pub dataset: Option<Dataset>,
    pub refusal: Option<Refusal>,
    /// Every number taken, in the order of the text.
    pub used: Vec<Used>,
    /// Every number not taken, in the order of the text.
    pub ignored: Vec<Ignored>,
    /// The text never states its year (only 今年, "this year"), so its figures are left
    /// undated: the year must come from the user ([`Options::year`]). Nothing is dated by guess.
    pub needs_year: bool,
    /// The release's headline, when it has one about the results: offered as the chart's
    /// title instead of the neutral one the dataset holds.
    pub headline: Option<Span>,
    /// The words that name the issuing body (`source.name` of the dataset), when the text
    /// names it.
    pub source_name: Option<Span>,
    /// The words that date the release (`source.date`), when they give its year.
    pub source_date: Option<Span>,
}

/// A value as the report writes it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    Count(u64),
    Number(Stated),
}

/// One figure read from the text, before assembly.
#[derive(Debug, Clone)]
struct Found {
    /// The area, in a text of many areas; `None` for the report's own region (or, in a text
    /// of many areas, the whole they are compared with).
    area: Option<String>,
    year: i32,
    tier: Option<Tier>,
    field: Field,
    value: Value,
    number: Span,
    quote: Span,
    sentence: Span,
}

/// What the user tells the extractor beside the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The year of the report (`--year`), for a text that never states its own: 今年 and
    /// "this year" are this year. A year the text states wins over it.
    pub year: Option<i32>,
    /// `--source`: the issuing body, over what the text names.
    pub source_name: Option<String>,
    /// `--source-date`: the release's date, over what the text says.
    pub source_date: Option<String>,
    /// `--source-url`: where the release is published.
    pub source_url: Option<String>,
}

/// Reads `text` (a report in Chinese or English) and builds its dataset.
pub fn extract(text: &str) -> Extraction {
    extract_with(text, &Options::default())
}

/// Reads `text` with what the user said about it ([`Options`]).
pub fn extract_with(text: &str, options: &Options) -> Extraction {
    let doc = scan::scan(text);
    let mut names = lexicon::names(&doc);
    let no_year = names.year.is_none() && options.year.is_none();
    if names.year.is_none() {
        names.year = options.year.map(|y| (y, usize::MAX));
    }
    let tables = table::tables(&doc, &names);
    let skip: Vec<Span> = tables.iter().map(|t| t.span).collect();
    let mut reading = read::read(&doc, &names, &skip);
    for t in tables {
        reading.found.extend(t.found);
        reading.ignored.extend(t.ignored);
        reading.years.extend(t.years);
    }
    let (reading, whole) = areas::spread(&doc, &names, &skip, reading);
    // A text that never states its year needs one, unless every figure has its own (a pasted
    // table's rows of years) and none was left out for want of one.
    let needs_year =
        no_year && (reading.found.is_empty() || reading.ignored.iter().any(|i| i.reason == Reason::NoYear));
    let found = source::source(&doc);
    let given = Source {
        name: options.source_name.clone().or_else(|| found.name.map(|n| n.of(text).to_string())).unwrap_or_default(),
        date: options.source_date.clone().or_else(|| found.date.as_ref().map(|d| d.1.clone())),
        url: options.source_url.clone(),
    };
    let given = (!given.name.is_empty()).then_some(given);
    let mut x = assemble(&doc, &names, reading, whole, given);
    x.source_name = found.name.filter(|_| options.source_name.is_none());
    x.source_date = found.date.map(|d| d.0).filter(|_| options.source_date.is_none());
    // The dateline that dates the source is used, not a number left out.
    if let (Some(date), true) = (x.source_date, x.dataset.is_some()) {
        if let Some(k) = x.ignored.iter().position(|i| i.number == date) {
            x.ignored.remove(k);
            let year = doc.tokens.iter().find_map(|t| match t.kind {
                scan::Kind::Date(Some(y)) if t.whole == date => Some(y),
                _ => None,
            });
            let used = Used { number: date, quote: date, role: Role::SourceDate, year: year.unwrap_or(0), tier: None };
            let at = x.used.partition_point(|u| u.number.start < date.start);
            x.used.insert(at, used);
        }
    }
    x.needs_year = needs_year;
    if needs_year {
        x.dataset = None;
    }
    x
}

/// One tier of a year as found, field by field.
#[derive(Default)]
struct TierDraft {
    figures: Vec<Found>,
}

impl TierDraft {
    fn get(&self, field: Field) -> Option<&Found> {
        self.figures.iter().find(|f| f.field == field)
    }

    /// Charted only with a rate, or with passed and candidates.
    fn complete(&self, candidates: bool) -> bool {
        self.get(Field::Rate).is_some() || (candidates && self.get(Field::Passed).is_some())
    }
}

#[derive(Default)]
struct YearDraft {
    candidates: Option<Found>,
    tiers: BTreeMap<Tier, TierDraft>,
}

fn same(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Count(a), Value::Count(b)) => a == b,
        (Value::Number(a), Value::Number(b)) => a.value == b.value && a.decimals == b.decimals,
        _ => false,
    }
}

/// The figures of one area, year by year; a figure stated twice is left out the second time.
fn drafts(text: &str, found: Vec<Found>, ignored: &mut Vec<Ignored>) -> BTreeMap<i32, YearDraft> {
    let mut years: BTreeMap<i32, YearDraft> = BTreeMap::new();
    for f in found {
        let year = years.entry(f.year).or_default();
        let slot = match f.tier {
            None => year.candidates.as_ref(),
            Some(t) => year.tiers.get(&t).and_then(|d| d.get(f.field)),
        };
        if let Some(first) = slot {
            let reason = if same(first.value, f.value) {
                Reason::Again
            } else {
                Reason::Contradicts { first: first.number.of(text).to_string() }
            };
            ignored.push(Ignored { sentence: f.sentence, number: f.number, reason });
            continue;
        }
        match f.tier {
            None => year.candidates = Some(f),
            Some(t) => year.tiers.entry(t).or_default().figures.push(f),
        }
    }
    // A tier with neither a rate nor counts has nothing to chart its differences against.
    for year in years.values_mut() {
        let has_candidates = year.candidates.is_some();
        let incomplete: Vec<Tier> =
            year.tiers.iter().filter(|(_, d)| !d.complete(has_candidates)).map(|(t, _)| *t).collect();
        for t in incomplete {
            if let Some(d) = year.tiers.remove(&t) {
                ignored.extend(d.figures.into_iter().map(|f| Ignored {
                    sentence: f.sentence,
                    number: f.number,
                    reason: Reason::Incomplete,
                }));
            }
        }
        if year.tiers.is_empty() {
            if let Some(f) = year.candidates.take() {
                ignored.push(Ignored { sentence: f.sentence, number: f.number, reason: Reason::Incomplete });
            }
        }
    }
    years.retain(|_, y| !y.tiers.is_empty());
    years
}

/// One area's name (`None`: the report's region) and its years.
type Area = (Option<String>, BTreeMap<i32, YearDraft>);

/// The areas of the figures, in the order of the text, each with its drafts; in a text of
/// many areas, the whole's rates go to every area's tier of the same year.
fn areas_of(text: &str, found: Vec<Found>, ignored: &mut Vec<Ignored>) -> Vec<Area> {
    let multi = found.iter().any(|f| f.area.is_some());
    let (whole, mut found): (Vec<Found>, Vec<Found>) =
        if multi { found.into_iter().partition(|f| f.area.is_none()) } else { (Vec::new(), found) };
    found.sort_by_key(|f| f.number.start);
    let mut names: Vec<Option<String>> = Vec::new();
    for f in &found {
        if !names.contains(&f.area) {
            names.push(f.area.clone());
        }
    }
    let mut areas: Vec<Area> = names
        .into_iter()
        .map(|name| {
            let mine: Vec<Found> = found.iter().filter(|f| f.area == name).cloned().collect();
            let years = drafts(text, mine, ignored);
            (name, years)
        })
        .collect();
    for r in whole {
        let mut given = false;
        for (_, years) in areas.iter_mut() {
            let tier = r.tier.and_then(|t| years.get_mut(&r.year).and_then(|y| y.tiers.get_mut(&t)));
            if let Some(d) = tier.filter(|d| d.get(Field::ReferenceRate).is_none()) {
                d.figures.push(r.clone());
                given = true;
            }
        }
        if !given {
            ignored.push(Ignored { sentence: r.sentence, number: r.number, reason: Reason::Incomplete });
        }
    }
    areas.retain(|(_, y)| !y.is_empty());
    areas
}

fn assemble(
    doc: &scan::Doc,
    names: &lexicon::Names,
    reading: read::Reading,
    whole: Option<String>,
    source: Option<Source>,
) -> Extraction {
    let text = doc.text;
    let mut ignored = reading.ignored;
    let areas = areas_of(text, reading.found, &mut ignored);
    let mut used: Vec<Used> = Vec::new();
    for (_, years) in &areas {
        for (&year, draft) in years {
            for f in draft.candidates.iter().chain(draft.tiers.values().flat_map(|d| &d.figures)) {
                let u = Used { number: f.number, quote: f.quote, role: Role::Figure(f.field), year, tier: f.tier };
                if !used.contains(&u) {
                    used.push(u);
                }
            }
        }
    }
    let has_year = |y: i32| areas.iter().any(|(_, years)| years.contains_key(&y));
    // Years: used where the dataset has them, otherwise listed.
    for y in reading.years {
        if has_year(y.year) || (!areas.is_empty() && reading.compared.contains(&y.number)) {
            used.push(Used { number: y.number, quote: y.number, role: Role::Year, year: y.year, tier: None });
        } else {
            let reason = if y.date { Reason::Date } else { Reason::YearWithoutFigures };
            ignored.push(Ignored { sentence: y.sentence, number: y.number, reason });
        }
    }
    used.sort_by_key(|u| (u.number.start, u.quote.start));
    ignored.sort_by_key(|i| (i.number.start, i.number.end));
    ignored.dedup_by(|a, b| a.number == b.number);

    let (dataset, refusal) = if areas.is_empty() {
        (None, Some(Refusal::NoFigures))
    } else {
        let mut draft = draft_dataset(doc, names, &areas, whole);
        draft.source = source;
        // Through the loader, as any dataset: its checks, its places, its precision.
        match passrate_chart::load::from_json(&passrate_chart::load::to_json(&draft)) {
            Ok(ds) => (Some(ds), None),
            Err(e) => (None, Some(Refusal::Invalid(e))),
        }
    };
    let headline = doc.heading.filter(|_| doc.heading_is_title);
    Extraction {
        lang: doc.lang,
        dataset,
        refusal,
        used,
        ignored,
        needs_year: false,
        headline,
        source_name: None,
        source_date: None,
    }
}

/// One area's years as the format holds them.
fn years_input(text: &str, years: &BTreeMap<i32, YearDraft>) -> Vec<YearInput> {
    let quote = |f: &Found| Some(f.quote.of(text).to_string());
    let stated = |f: Option<&Found>| match f.map(|f| f.value) {
        Some(Value::Number(s)) => Some(s),
        _ => None,
    };
    let count = |f: Option<&Found>| match f.map(|f| f.value) {
        Some(Value::Count(n)) => Some(n),
        _ => None,
    };
    years
        .iter()
        .map(|(&year, draft)| YearInput {
            year,
            candidates: count(draft.candidates.as_ref()),
            candidates_quote: draft.candidates.as_ref().and_then(quote),
            tiers: draft
                .tiers
                .iter()
                .map(|(tier, d)| {
                    let q = |field| d.get(field).and_then(quote);
                    TierInput {
                        passed: count(d.get(Field::Passed)),
                        rate: stated(d.get(Field::Rate)),
                        reference_rate: stated(d.get(Field::ReferenceRate)),
                        vs_reference_pp: stated(d.get(Field::VsReference)),
                        vs_previous_year_pp: stated(d.get(Field::VsPreviousYear)),
                        quotes: Quotes {
                            candidates: None,
                            passed: q(Field::Passed),
                            rate: q(Field::Rate),
                            reference_rate: q(Field::ReferenceRate),
                            vs_reference_pp: q(Field::VsReference),
                            vs_previous_year_pp: q(Field::VsPreviousYear),
                        },
                        ..TierInput::empty(tier.name(), Place::Json(String::new()))
                    }
                })
                .collect(),
            place: Place::Json(String::new()),
        })
        .collect()
}

/// The dataset of the areas found: a neutral title (area, year, subject), never the
/// release's headline.
fn draft_dataset(doc: &scan::Doc, names: &lexicon::Names, areas: &[Area], whole: Option<String>) -> Dataset {
    let text = doc.text;
    let w = words(doc.lang);
    let region = names.region.clone().unwrap_or_else(|| w.whole_city().to_string());
    let reference = whole.or_else(|| names.reference.clone()).unwrap_or_else(|| w.whole_province().to_string());
    let all_years = || areas.iter().flat_map(|(_, years)| years.iter());
    let latest = all_years().map(|(y, _)| *y).max().unwrap_or_default();
    let undergraduate = all_years().flat_map(|(_, y)| y.tiers.keys()).all(|t| *t != Tier::Vocational);
    let about = if areas.len() > 1 { &reference } else { &region };
    let title = w.extract_title(about, latest, undergraduate);
    let regions = areas
        .iter()
        .map(|(name, years)| RegionInput {
            name: Name::new(name.clone().unwrap_or_else(|| region.clone())),
            years: years_input(text, years),
            place: Place::Json(String::new()),
        })
        .collect();
    Dataset { title: Name::new(title), reference: Name::new(reference), source: None, regions }
}
