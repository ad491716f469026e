//! Model: a [`Dataset`] → numbers with provenance and consistency warnings.
//!
//! Every figure the chart can show is a [`Figure`]: its value, the precision it is printed
//! with, whether it was stated by the source or derived (by which rule, from which stated
//! numbers), and the warnings it carries. A derived figure carries the warnings of the
//! figures it was computed from. This room knows nothing of pixels or of the browser.

use crate::format::{pow10, to_units};
use crate::load::{Dataset, Source, Stated, TierInput};

/// Which stated field a number came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Rate,
    ReferenceRate,
    VsReference,
    VsPreviousYear,
    Passed,
    Candidates,
}

/// One number as the source stated it, identified by what it means (not by where it sat in
/// the file), so JSON and CSV give the same model.
#[derive(Debug, Clone, PartialEq)]
pub struct StatedRef {
    pub year: i32,
    pub tier: String,
    pub field: Field,
    pub value: f64,
    pub decimals: u8,
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
    /// Decimals to print; a derived figure takes the finest of its inputs.
    pub decimals: u8,
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

    fn stated(year: i32, tier: &str, field: Field, s: Stated) -> Figure {
        Figure {
            value: s.value,
            decimals: s.decimals,
            provenance: Provenance::Stated(StatedRef {
                year,
                tier: tier.to_string(),
                field,
                value: s.value,
                decimals: s.decimals,
            }),
            warnings: Vec::new(),
        }
    }

    /// `a − b`, computed in units of the finer precision so 15.5 − 0.7 is exactly 14.8.
    fn difference(rule: Rule, a: &Figure, b: &Figure) -> Figure {
        let decimals = a.decimals.max(b.decimals);
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
}

#[derive(Debug, Clone, PartialEq)]
pub struct TierModel {
    pub name: String,
    pub candidates: Option<u64>,
    pub passed: Option<u64>,
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

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub title: String,
    pub region: String,
    pub reference: String,
    pub source: Option<Source>,
    /// Ascending by year.
    pub years: Vec<YearModel>,
    pub warnings: Vec<Warning>,
}

impl Model {
    /// The latest year: the one the compare and change views show.
    pub fn current(&self) -> &YearModel {
        self.years.last().expect("a loaded dataset has at least one year")
    }
}

fn stated_of(f: &Figure) -> Stated {
    Stated { value: f.value, decimals: f.decimals }
}

/// Whether `a` and `b`, printed to `decimals`, differ by more than `units_allowed` units of
/// their last decimal (what rounding can explain).
fn beyond_rounding(a: f64, b: f64, decimals: u8, units_allowed: f64) -> bool {
    (a - b).abs() > units_allowed / pow10(decimals) + 1e-9
}

/// Derives every figure the data implies and cross-checks what it states twice.
pub fn build(ds: &Dataset) -> Model {
    let mut order: Vec<usize> = (0..ds.years.len()).collect();
    order.sort_by_key(|&i| ds.years[i].year);
    let mut warnings = Vec::new();
    let mut years: Vec<YearModel> = Vec::with_capacity(order.len());
    for &i in &order {
        let y = &ds.years[i];
        // Last year's tiers sorted by name, so matching is a binary search, not a scan.
        let mut last: Vec<(&str, &Figure)> = years
            .iter()
            .find(|p| p.year == y.year - 1)
            .map(|p| p.tiers.iter().map(|pt| (pt.name.as_str(), &pt.rate)).collect())
            .unwrap_or_default();
        last.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let tiers = y
            .tiers
            .iter()
            .map(|t| {
                let previous =
                    last.binary_search_by(|(name, _)| (*name).cmp(t.tier.as_str())).ok().map(|i| last[i].1.clone());
                tier(y.year, y.candidates, t, previous, &mut warnings)
            })
            .collect();
        years.push(YearModel { year: y.year, tiers });
    }
    Model {
        title: ds.title.clone(),
        region: ds.region.clone(),
        reference: ds.reference.clone(),
        source: ds.source.clone(),
        years,
        warnings,
    }
}

fn tier(
    year: i32,
    year_candidates: Option<u64>,
    t: &TierInput,
    previous: Option<Figure>,
    warnings: &mut Vec<Warning>,
) -> TierModel {
    let name = t.tier.as_str();
    let candidates = t.candidates.or(year_candidates);
    let counts = t.passed.zip(candidates);
    let from_counts = counts.map(|(p, c)| {
        let decimals = t.rate.map_or(1, |r| r.decimals);
        let inputs = vec![
            StatedRef { year, tier: name.to_string(), field: Field::Passed, value: p as f64, decimals: 0 },
            StatedRef { year, tier: name.to_string(), field: Field::Candidates, value: c as f64, decimals: 0 },
        ];
        Figure {
            value: p as f64 / c as f64 * 100.0,
            decimals,
            provenance: Provenance::Derived { rule: Rule::RateFromCounts, operands: [p as f64, c as f64], inputs },
            warnings: Vec::new(),
        }
    });

    let (mut rate, mut rate_from_counts) = match (t.rate, from_counts) {
        (Some(r), fc) => (Figure::stated(year, name, Field::Rate, r), fc),
        (None, Some(fc)) => (fc, None),
        (None, None) => unreachable_rate(),
    };
    if let (Some(fc), Some((p, c))) = (rate_from_counts.as_mut(), counts) {
        // The stated rate is rounded: it may be off by half a unit of its last decimal.
        if beyond_rounding(fc.value, rate.value, rate.decimals, 0.5) {
            let id = warnings.len();
            warnings.push(Warning {
                year,
                tier: name.to_string(),
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

    let gap = t.vs_reference_pp.map(|g| Figure::stated(year, name, Field::VsReference, g));
    let explicit_reference = t.reference_rate.map(|r| Figure::stated(year, name, Field::ReferenceRate, r));
    let (reference_rate, vs_reference) = other_rate(
        &rate,
        explicit_reference,
        gap,
        (Rule::ReferenceFromGap, Rule::GapFromRates),
        |reference, rate, gap| WarningKind::ReferenceDisagrees { reference, rate, gap },
        (year, name, &mut *warnings),
    );
    let change = t.vs_previous_year_pp.map(|c| Figure::stated(year, name, Field::VsPreviousYear, c));
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
        candidates,
        passed: t.passed,
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
            // Rounding of the three stated numbers together can account for 1.5 units.
            if beyond_rounding(implied.value, o.value, o.decimals.max(implied.decimals), 1.5) {
                let id = warnings.len();
                let kind = conflict(stated_of(&o), stated_of(rate), stated_of(&d));
                warnings.push(Warning { year, tier: tier.to_string(), kind });
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
            provenance: Provenance::Derived { rule: Rule::RateFromCounts, operands: [0.0, 0.0], inputs: Vec::new() },
            warnings: Vec::new(),
        },
        None,
    )
}
