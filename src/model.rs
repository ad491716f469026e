//! Model: a [`Dataset`] → numbers with provenance and consistency warnings, with the names
//! in the reader's language.
//!
//! Every figure the chart can show is a [`Figure`]: its value, the precision it is printed
//! with, whether it was stated by the source (and, when the data quotes it, in which words)
//! or derived (by which rule, from which stated numbers), and the warnings it carries. A
//! derived figure carries the warnings of the figures it was computed from. Every rule holds
//! for each region of a dataset; across regions, two regions whose stated differences imply
//! different rates for their one reference are a contradiction too. This room knows nothing
//! of pixels or of the browser.

use crate::format::{pow10, to_units};
use crate::lang::Lang;
use crate::load::{Dataset, Quotes, Source, Stated, TierInput};

pub use crate::load::Field;

/// One number as the source stated it, identified by what it means (not by where it sat in
/// the file), so JSON and CSV give the same model.
#[derive(Debug, Clone, PartialEq)]
pub struct StatedRef {
    pub year: i32,
    pub tier: String,
    pub field: Field,
    pub value: f64,
    pub decimals: u8,
    /// Where the source says it, word for word, when the data quotes it.
    pub quote: Option<String>,
}

/// How a derived figure was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// reference rate = rate − vs_reference_pp
    ReferenceFromGap,
    /// previous-year rate = rate − vs_previous_year_pp
    PreviousFromChange,
    /// vs_reference_pp = rate − reference rate
    GapFromRates,
    /// vs_previous_year_pp = rate − previous-year rate
    ChangeFromRates,
    /// rate = passed ÷ candidates × 100
    RateFromCounts,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Provenance {
    Stated(StatedRef),
    Derived {
        rule: Rule,
        /// The two operands as used, e.g. `[15.5, 0.7]` for 15.5 − 0.7, or `[5872, 36192]`.
        operands: [f64; 2],
        /// The stated numbers the figure ultimately rests on.
        inputs: Vec<StatedRef>,
    },
}

/// A number the chart can show.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub value: f64,
    /// Decimals to print: a stated figure's as written, a derived figure's the finest its
    /// inputs give ([`Stated::for_derivation`]).
    pub decimals: u8,
    /// The decimals it gives what is derived from it.
    pub derives: u8,
    pub provenance: Provenance,
    /// Indexes into [`Model::warnings`].
    pub warnings: Vec<usize>,
}

impl Figure {
    pub fn is_derived(&self) -> bool {
        matches!(self.provenance, Provenance::Derived { .. })
    }

    /// The stated numbers behind this figure (itself, if stated).
    pub fn inputs(&self) -> Vec<StatedRef> {
        match &self.provenance {
            Provenance::Stated(r) => vec![r.clone()],
            Provenance::Derived { inputs, .. } => inputs.clone(),
        }
    }

    fn stated(year: i32, tier: &str, field: Field, s: Stated, quotes: &Quotes) -> Figure {
        Figure {
            value: s.value,
            decimals: s.decimals,
            derives: s.for_derivation(),
            provenance: Provenance::Stated(StatedRef {
                year,
                tier: tier.to_string(),
                field,
                value: s.value,
                decimals: s.decimals,
                quote: quotes.get(field).map(str::to_string),
            }),
            warnings: Vec::new(),
        }
    }

    /// How far the figure may be from the truth through rounding alone: half a unit of the
    /// last non-zero decimal of each stated number it rests on (a cell format's trailing zero
    /// in 18.70 claims nothing), and of its own last decimal when it was rounded from counts.
    /// Counts are exact.
    pub fn slack(&self) -> f64 {
        let of = |r: &StatedRef| match r.field {
            Field::Passed | Field::Candidates => 0.0,
            _ => half_unit(crate::format::significant(r.value, r.decimals)),
        };
        match &self.provenance {
            Provenance::Stated(r) => of(r),
            Provenance::Derived { rule: Rule::RateFromCounts, .. } => 0.0,
            Provenance::Derived { inputs, .. } => {
                let counts = inputs.iter().any(|r| matches!(r.field, Field::Passed | Field::Candidates));
                inputs.iter().map(of).sum::<f64>() + if counts { half_unit(self.decimals) } else { 0.0 }
            }
        }
    }

    /// The source's words for this figure, when it is stated and quoted.
    pub fn quote(&self) -> Option<&str> {
        match &self.provenance {
            Provenance::Stated(r) => r.quote.as_deref(),
            Provenance::Derived { .. } => None,
        }
    }

    /// `a − b`, computed in units of the finer precision so 15.5 − 0.7 is exactly 14.8; a
    /// trailing zero written in either adds no decimal (18.70 − 2.3 is 16.4).
    fn difference(rule: Rule, a: &Figure, b: &Figure) -> Figure {
        let decimals = a.derives.max(b.derives);
        let units = to_units(a.value, decimals) - to_units(b.value, decimals);
        let mut inputs = a.inputs();
        inputs.extend(b.inputs());
        let mut warnings = a.warnings.clone();
        for w in &b.warnings {
            if !warnings.contains(w) {
                warnings.push(*w);
            }
        }
        Figure {
            value: units as f64 / pow10(decimals),
            decimals,
            derives: decimals,
            provenance: Provenance::Derived { rule, operands: [a.value, b.value], inputs },
            warnings,
        }
    }
}

/// A consistency problem in the source: two stated things that cannot both be true.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub year: i32,
    pub tier: String,
    /// The region it is about, when the dataset has several.
    pub region: Option<String>,
    pub kind: WarningKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum WarningKind {
    /// passed ÷ candidates does not round to the stated rate.
    CountsDisagree { passed: u64, candidates: u64, computed: f64, stated: Stated },
    /// An explicit reference rate is not rate − vs_reference_pp (beyond rounding).
    ReferenceDisagrees { reference: Stated, rate: Stated, gap: Stated },
    /// The previous year's stated rate is not rate − vs_previous_year_pp (beyond rounding).
    PreviousDisagrees { previous: Stated, rate: Stated, change: Stated },
    /// Two regions' stated differences imply different rates for their reference.
    ReferencesDisagree { a: (String, Stated), b: (String, Stated) },
}

#[derive(Debug, Clone, PartialEq)]
pub struct TierModel {
    /// The tier's name in the reader's language.
    pub name: String,
    /// Its name in the data, which matches it across years and regions.
    pub key: String,
    pub candidates: Option<u64>,
    pub passed: Option<u64>,
    /// The source's words for the counts, when the data quotes them.
    pub candidates_quote: Option<String>,
    pub passed_quote: Option<String>,
    /// The rate shown: stated, or from counts when no rate was stated.
    pub rate: Figure,
    /// passed ÷ candidates, when both are known and a rate was also stated.
    pub rate_from_counts: Option<Figure>,
    pub reference_rate: Option<Figure>,
    pub vs_reference: Option<Figure>,
    pub previous_rate: Option<Figure>,
    pub vs_previous: Option<Figure>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct YearModel {
    pub year: i32,
    pub tiers: Vec<TierModel>,
}

/// One area reported on (a city) and its years.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// The name in the model's language.
    pub name: String,
    /// The name as the data writes it first (its Chinese name): the same in every language,
    /// it breaks ties in the cities view's ranking.
    pub key: String,
    /// Ascending by year.
    pub years: Vec<YearModel>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub title: String,
    pub reference: String,
    pub source: Option<Source>,
    /// In the data's order; at least one.
    pub regions: Vec<Region>,
    /// The region the compare, change and trend views show.
    pub focus: usize,
    /// Whether `focus` was asked for (a highlighted city), rather than the first by default:
    /// the cities view emphasises it only then.
    pub highlighted: bool,
    /// Every warning of every region, numbered in this order everywhere (①, ②, …).
    pub warnings: Vec<Warning>,
    /// Where each tier of the latest year first appears (region, year, tier index), in the
    /// order they first appear: what [`Model::latest_tiers`] reads, found once.
    latest: Vec<(usize, usize, usize)>,
}

impl Model {
    /// The region the compare, change and trend views show.
    pub fn region(&self) -> &Region {
        &self.regions[self.focus.min(self.regions.len() - 1)]
    }

    /// The shown region's years, ascending.
    pub fn years(&self) -> &[YearModel] {
        &self.region().years
    }

    /// The shown region's latest year: the one the compare and change views show.
    pub fn current(&self) -> &YearModel {
        self.years().last().expect("a loaded dataset has at least one year")
    }

    /// The latest year of any region: the one the cities view shows.
    pub fn latest_year(&self) -> i32 {
        self.regions.iter().filter_map(|r| r.years.last()).map(|y| y.year).max().unwrap_or(0)
    }

    /// The region named `name` (in the reader's language), if there is one.
    pub fn find_region(&self, name: &str) -> Option<usize> {
        self.regions.iter().position(|r| r.name == name)
    }

    /// The tiers of the latest year across the regions, by key, in the order they first
    /// appear: the cities view's panels.
    pub fn latest_tiers(&self) -> Vec<&TierModel> {
        self.latest.iter().map(|&(r, y, t)| &self.regions[r].years[y].tiers[t]).collect()
    }

    /// Region `region`'s tier `key` in `year`.
    pub fn tier_of(&self, region: usize, year: i32, key: &str) -> Option<&TierModel> {
        self.regions.get(region)?.years.iter().find(|y| y.year == year)?.tiers.iter().find(|t| t.key == key)
    }

    /// The reference's rate for tier `key` in `year`, as the cities view draws it: a stated
    /// one if any region's data states it, else the one the first region's difference
    /// implies (where regions imply different ones, a warning says so).
    pub fn reference_rate(&self, year: i32, key: &str) -> Option<&Figure> {
        let all = || (0..self.regions.len()).filter_map(|r| self.tier_of(r, year, key)?.reference_rate.as_ref());
        all().find(|f| !f.is_derived()).or_else(|| all().next())
    }
}

fn stated_of(f: &Figure) -> Stated {
    Stated { value: f.value, decimals: f.decimals, written: true }
}

/// Whether `a` and `b` differ by more than the rounding of what they rest on can explain
/// (the sum of their [`Figure::slack`]).
fn beyond_rounding(a: &Figure, b: &Figure) -> bool {
    (a.value - b.value).abs() > a.slack() + b.slack() + 1e-9
}

/// Half a unit of the `decimals`-th decimal: how far a number rounded there may be off.
fn half_unit(decimals: u8) -> f64 {
    0.5 / pow10(decimals)
}

/// Derives every figure the data implies and cross-checks what it states twice, with names
/// as the data first gives them.
pub fn build(ds: &Dataset) -> Model {
    build_in(ds, Lang::Zh)
}

/// [`build`], with names in `lang` where the data has them in it.
pub fn build_in(ds: &Dataset, lang: Lang) -> Model {
    let mut warnings = Vec::new();
    let several = ds.regions.len() > 1;
    let regions: Vec<Region> = ds
        .regions
        .iter()
        .map(|r| {
            let region_name = r.name.get(lang).to_string();
            let mut order: Vec<usize> = (0..r.years.len()).collect();
            crate::sort::sort_by_key(&mut order, |&i| r.years[i].year);
            let mut years: Vec<YearModel> = Vec::with_capacity(order.len());
            for &i in &order {
                let y = &r.years[i];
                // Last year's tiers sorted by name, so matching is a binary search, not a scan.
                let mut last: Vec<(&str, &Figure)> = years
                    .iter()
                    .find(|p| p.year == y.year - 1)
                    .map(|p| p.tiers.iter().map(|pt| (pt.key.as_str(), &pt.rate)).collect())
                    .unwrap_or_default();
                crate::sort::sort_by(&mut last, |a, b| a.0.cmp(b.0));
                let tiers = y
                    .tiers
                    .iter()
                    .map(|t| {
                        let previous = last
                            .binary_search_by(|(name, _)| (*name).cmp(t.tier.text.as_str()))
                            .ok()
                            .map(|i| last[i].1.clone());
                        let start = warnings.len();
                        let year_candidates = (y.candidates, y.candidates_quote.as_deref());
                        let tm = tier(y.year, year_candidates, t, lang, previous, &mut warnings);
                        for w in &mut warnings[start..] {
                            w.region = several.then(|| region_name.clone());
                        }
                        tm
                    })
                    .collect();
                years.push(YearModel { year: y.year, tiers });
            }
            Region { name: region_name, key: r.name.text.clone(), years }
        })
        .collect();
    let mut model = Model {
        title: ds.title.get(lang).to_string(),
        reference: ds.reference.get(lang).to_string(),
        source: ds.source.clone(),
        regions,
        focus: 0,
        highlighted: false,
        warnings,
        latest: Vec::new(),
    };
    model.latest = latest_of(&model.regions);
    check_references(&mut model);
    model
}

/// Where each tier of the latest year first appears, in the order of the regions and their
/// tiers; names already met are kept in a sorted list, so the cost grows with the tiers
/// times their logarithm, not their square.
fn latest_of(regions: &[Region]) -> Vec<(usize, usize, usize)> {
    let year = regions.iter().filter_map(|r| r.years.last()).map(|y| y.year).max().unwrap_or(0);
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for (ri, r) in regions.iter().enumerate() {
        let Some(yi) = r.years.iter().position(|y| y.year == year) else { continue };
        for (ti, t) in r.years[yi].tiers.iter().enumerate() {
            if let Err(at) = seen.binary_search(&t.key.as_str()) {
                seen.insert(at, &t.key);
                out.push((ri, yi, ti));
            }
        }
    }
    out
}

/// Across regions: the reference's rate each region's stated difference implies (where the
/// reference's rate is not stated) must agree within what rounding explains (two units of the
/// last decimal: each region's rate and difference are rounded). The first and the most
/// different region are named in the warning, which both their derived figures carry.
fn check_references(model: &mut Model) {
    if model.regions.len() < 2 {
        return;
    }
    // (year, tier key) → every (region, year, tier) index whose reference rate comes from its own gap.
    type At = (usize, usize, usize);
    let mut groups: Vec<((i32, String), Vec<At>)> = Vec::new();
    for (ri, r) in model.regions.iter().enumerate() {
        for (yi, y) in r.years.iter().enumerate() {
            for (ti, t) in y.tiers.iter().enumerate() {
                let from_gap = matches!(
                    t.reference_rate.as_ref().map(|f| &f.provenance),
                    Some(Provenance::Derived { rule: Rule::ReferenceFromGap, .. })
                );
                if from_gap {
                    let key = (y.year, t.key.clone());
                    match groups.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, list)) => list.push((ri, yi, ti)),
                        None => groups.push((key, vec![(ri, yi, ti)])),
                    }
                }
            }
        }
    }
    for ((year, _), list) in groups {
        let fig = |&(r, y, t): &At| model.regions[r].years[y].tiers[t].reference_rate.clone();
        let Some(first) = list.first().and_then(fig) else { continue };
        let far = list
            .iter()
            .skip(1)
            .filter_map(|at| fig(at).map(|f| (at, f)))
            .filter(|(_, f)| beyond_rounding(f, &first))
            .max_by(|a, b| (a.1.value - first.value).abs().total_cmp(&(b.1.value - first.value).abs()));
        let Some((at, other)) = far else { continue };
        let (a, b) = (list[0], *at);
        let id = model.warnings.len();
        let name = |(r, _, _): At| model.regions[r].name.clone();
        model.warnings.push(Warning {
            year,
            tier: model.regions[a.0].years[a.1].tiers[a.2].name.clone(),
            region: None,
            kind: WarningKind::ReferencesDisagree { a: (name(a), stated_of(&first)), b: (name(b), stated_of(&other)) },
        });
        for (r, y, t) in [a, b] {
            if let Some(f) = model.regions[r].years[y].tiers[t].reference_rate.as_mut() {
                f.warnings.push(id);
            }
        }
    }
}

fn tier(
    year: i32,
    (year_candidates, year_quote): (Option<u64>, Option<&str>),
    t: &TierInput,
    lang: Lang,
    previous: Option<Figure>,
    warnings: &mut Vec<Warning>,
) -> TierModel {
    let name = t.tier.get(lang);
    let q = &t.quotes;
    let candidates = t.candidates.or(year_candidates);
    // The candidates' words: the tier's own, or the year's when the count is the year's.
    let candidates_quote = match t.candidates {
        Some(_) => q.get(Field::Candidates),
        None => year_quote,
    };
    let counts = t.passed.zip(candidates);
    let from_counts = counts.map(|(p, c)| {
        // As precise as the stated rate it stands beside (without a cell format's zeros).
        let decimals = t.rate.map_or(1, |r| r.for_derivation());
        let count = |field, value: u64| StatedRef {
            year,
            tier: name.to_string(),
            field,
            value: value as f64,
            decimals: 0,
            quote: if field == Field::Candidates { candidates_quote } else { q.get(field) }.map(str::to_string),
        };
        let inputs = vec![count(Field::Passed, p), count(Field::Candidates, c)];
        Figure {
            value: p as f64 / c as f64 * 100.0,
            decimals,
            derives: decimals,
            provenance: Provenance::Derived { rule: Rule::RateFromCounts, operands: [p as f64, c as f64], inputs },
            warnings: Vec::new(),
        }
    });

    let (mut rate, mut rate_from_counts) = match (t.rate, from_counts) {
        (Some(r), fc) => (Figure::stated(year, name, Field::Rate, r, q), fc),
        (None, Some(fc)) => (fc, None),
        (None, None) => unreachable_rate(),
    };
    if let (Some(fc), Some((p, c))) = (rate_from_counts.as_mut(), counts) {
        // The stated rate is rounded: it may be off by half a unit of its last non-zero decimal.
        if beyond_rounding(fc, &rate) {
            let id = warnings.len();
            warnings.push(Warning {
                year,
                tier: name.to_string(),
                region: None,
                kind: WarningKind::CountsDisagree {
                    passed: p,
                    candidates: c,
                    computed: fc.value,
                    stated: stated_of(&rate),
                },
            });
            rate.warnings.push(id);
            fc.warnings.push(id);
        }
    }

    let gap = t.vs_reference_pp.map(|g| Figure::stated(year, name, Field::VsReference, g, q));
    let explicit_reference = t.reference_rate.map(|r| Figure::stated(year, name, Field::ReferenceRate, r, q));
    let (reference_rate, vs_reference) = other_rate(
        &rate,
        explicit_reference,
        gap,
        (Rule::ReferenceFromGap, Rule::GapFromRates),
        |reference, rate, gap| WarningKind::ReferenceDisagrees { reference, rate, gap },
        (year, name, &mut *warnings),
    );
    let change = t.vs_previous_year_pp.map(|c| Figure::stated(year, name, Field::VsPreviousYear, c, q));
    let (previous_rate, vs_previous) = other_rate(
        &rate,
        previous,
        change,
        (Rule::PreviousFromChange, Rule::ChangeFromRates),
        |previous, rate, change| WarningKind::PreviousDisagrees { previous, rate, change },
        (year, name, &mut *warnings),
    );

    TierModel {
        name: name.to_string(),
        key: t.tier.text.clone(),
        candidates,
        passed: t.passed,
        candidates_quote: candidates_quote.map(str::to_string),
        passed_quote: q.get(Field::Passed).map(str::to_string),
        rate,
        rate_from_counts,
        reference_rate,
        vs_reference,
        previous_rate,
        vs_previous,
    }
}

/// Another rate (the reference's, or last year's) and its difference to `rate`, where
/// other = rate − difference: whichever is stated is kept, the missing one derived
/// (`rules.0` derives the rate, `rules.1` the difference); when both are stated they are
/// cross-checked and a disagreement beyond rounding becomes a warning on both.
fn other_rate(
    rate: &Figure,
    other: Option<Figure>,
    difference: Option<Figure>,
    rules: (Rule, Rule),
    conflict: impl FnOnce(Stated, Stated, Stated) -> WarningKind,
    (year, tier, warnings): (i32, &str, &mut Vec<Warning>),
) -> (Option<Figure>, Option<Figure>) {
    match (other, difference) {
        (Some(mut o), Some(mut d)) => {
            let implied = Figure::difference(rules.0, rate, &d);
            // Each of the three stated numbers may be off by half a unit of its last non-zero
            // decimal.
            if beyond_rounding(&implied, &o) {
                let id = warnings.len();
                let kind = conflict(stated_of(&o), stated_of(rate), stated_of(&d));
                warnings.push(Warning { year, tier: tier.to_string(), region: None, kind });
                o.warnings.push(id);
                d.warnings.push(id);
            }
            (Some(o), Some(d))
        }
        (Some(o), None) => {
            let d = Figure::difference(rules.1, rate, &o);
            (Some(o), Some(d))
        }
        (None, Some(d)) => (Some(Figure::difference(rules.0, rate, &d)), Some(d)),
        (None, None) => (None, None),
    }
}

/// `load::check_dataset` rejects a tier with neither a rate nor counts.
#[cold]
fn unreachable_rate() -> (Figure, Option<Figure>) {
    (
        Figure {
            value: 0.0,
            decimals: 1,
            derives: 1,
            provenance: Provenance::Derived { rule: Rule::RateFromCounts, operands: [0.0, 0.0], inputs: Vec::new() },
            warnings: Vec::new(),
        },
        None,
    )
}
