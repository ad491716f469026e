//! Phrases: a model's figures and warnings in the words of a language, the pieces that the
//! canvas (through the layout) and the page (through [`crate::describe`]) both show — the
//! source line, each warning as a footnote, and where each figure comes from.
//!
//! Below the layout and above the model and the words: it knows no pixels and no scene, so
//! the layout and the page text read the same sentence for the same figure.

use crate::format::{count, fixed, percent, signed};
use crate::lang::Lang;
use crate::model::{Field, Figure, Model, Provenance, Rule, WarningKind};
use crate::text;
use crate::words::{words, Origin, WarningText};

/// "数据来源：运城新闻网（2019-08-14）".
pub fn source_line(model: &Model, lang: Lang) -> String {
    let s = model.source.as_ref();
    words(lang).source_line(s.map(|s| s.name.as_str()), s.and_then(|s| s.date.as_deref()))
}

/// The source line of a static image: the line, then the source's address when the data
/// gives one (an image cannot be clicked, so the address is printed).
pub fn source_lines(model: &Model, lang: Lang) -> Vec<String> {
    let mut out = vec![source_line(model, lang)];
    if let Some(url) = model.source.as_ref().and_then(|s| s.url.as_deref()) {
        out.push(url.to_string());
    }
    out
}

/// A difference in points as the warnings write it: "+0.7 个百分点", zero as "0.0 个百分点".
fn points_or_zero(value: f64, decimals: u8, lang: Lang) -> String {
    words(lang).points(Some(&signed(value, decimals).unwrap_or_else(|| fixed(0.0, decimals))))
}

/// Warning `i` of the model as a footnote, without its marker. Each stated number is written
/// as the source wrote it; what the chart computed is written to the finer of one decimal and
/// the stated rate's, and the difference is the real one at that precision.
pub fn warning(model: &Model, i: usize, lang: Lang) -> String {
    let warn = &model.warnings[i];
    let w = words(lang);
    let tier = match &warn.region {
        Some(r) => w.region_tier(r, &warn.tier),
        None => warn.tier.clone(),
    };
    let (y, tier) = (warn.year, tier.as_str());
    match &warn.kind {
        WarningKind::CountsDisagree { passed, candidates, computed, stated } => {
            let d = stated.for_derivation().max(1);
            w.warning(&WarningText::Counts {
                year: y,
                tier,
                passed: &count(*passed),
                candidates: &count(*candidates),
                computed: &percent(*computed, d),
                stated: &percent(stated.value, stated.decimals),
                apart: &fixed((computed - stated.value).abs(), d),
            })
        }
        WarningKind::ReferenceDisagrees { reference, rate, gap } => {
            let d = rate.for_derivation().max(gap.for_derivation());
            w.warning(&WarningText::Reference {
                year: y,
                tier,
                reference: &model.reference,
                stated: &percent(reference.value, reference.decimals),
                rate: &percent(rate.value, rate.decimals),
                gap: &points_or_zero(gap.value, gap.decimals, lang),
                implied: &percent(rate.value - gap.value, d),
            })
        }
        WarningKind::PreviousDisagrees { previous, rate, change } => {
            let d = rate.for_derivation().max(change.for_derivation());
            w.warning(&WarningText::Previous {
                year: y,
                tier,
                stated: &percent(previous.value, previous.decimals),
                rate: &percent(rate.value, rate.decimals),
                change: &points_or_zero(change.value, change.decimals, lang),
                implied: &percent(rate.value - change.value, d),
            })
        }
        WarningKind::ReferencesDisagree { a, b } => w.warning(&WarningText::References {
            year: y,
            tier,
            reference: &model.reference,
            a: (&a.0, &percent(a.1.value, a.1.decimals)),
            b: (&b.0, &percent(b.1.value, b.1.decimals)),
        }),
    }
}

/// The footnotes of `ids`, each with its marker.
pub fn footnotes(model: &Model, ids: &[usize], lang: Lang) -> Vec<String> {
    ids.iter().map(|&i| crate::cat!(text::marker(i + 1), " ", warning(model, i, lang))).collect()
}

/// The markers of the warnings a figure carries: "①".
pub fn markers(f: &Figure) -> String {
    f.warnings.iter().map(|w| text::marker(w + 1)).collect()
}

/// Where a figure comes from, in one word, the same on every surface: stated, derived, or
/// stated and contradicted by another stated number (a derived figure stays "derived" when it
/// carries its inputs' warnings; its markers say which).
pub fn origin(f: &Figure) -> Origin {
    match (&f.provenance, f.warnings.is_empty()) {
        (Provenance::Derived { .. }, _) => Origin::Derived,
        (Provenance::Stated(_), true) => Origin::Stated,
        (Provenance::Stated(_), false) => Origin::Contradicted,
    }
}

/// The figure's one provenance word with its markers: "原文公布", "推算①", "有矛盾①".
pub fn origin_word(f: &Figure, lang: Lang) -> String {
    crate::cat!(words(lang).origin(origin(f)), markers(f))
}

/// The arithmetic of a derived figure: "15.5 − 0.7 = 14.8", "5,872 ÷ 36,192 × 100 = 16.2".
pub fn formula(f: &Figure) -> Option<String> {
    let Provenance::Derived { rule, operands: [a, b], .. } = &f.provenance else { return None };
    let result = fixed(f.value, f.decimals);
    Some(match rule {
        Rule::RateFromCounts => crate::cat!(count(*a as u64), " ÷ ", count(*b as u64), " × 100 = ", result),
        _ => {
            let b_text = match signed(-*b, f.decimals) {
                Some(s) => s.replacen('+', "+ ", 1).replacen('−', "− ", 1),
                None => "− 0".to_string(),
            };
            let result = match rule {
                Rule::GapFromRates | Rule::ChangeFromRates => signed(f.value, f.decimals).unwrap_or(result),
                _ => result,
            };
            crate::cat!(fixed(*a, f.decimals), " ", b_text, " = ", result)
        }
    })
}

/// Where a figure comes from, in a sentence: "原文公布" / "推算：15.5 − 0.7 = 14.8（由…推算）".
pub fn provenance(f: &Figure, model: &Model, lang: Lang) -> String {
    let w = words(lang);
    match &f.provenance {
        Provenance::Stated(_) if f.warnings.is_empty() => w.origin(Origin::Stated).to_string(),
        Provenance::Stated(_) => w.contradicted(&markers(f)),
        Provenance::Derived { inputs, .. } => {
            let from: Vec<String> = inputs
                .iter()
                .map(|r| {
                    let value = match r.field {
                        Field::Passed | Field::Candidates => count(r.value as u64),
                        Field::VsReference => w.points_vs_reference(signed(r.value, r.decimals).as_deref()),
                        Field::VsPreviousYear => w.points(signed(r.value, r.decimals).as_deref()),
                        _ => percent(r.value, r.decimals),
                    };
                    w.stated_field(r.field, r.year, &r.tier, &model.reference, &value)
                })
                .collect();
            w.derived(&formula(f).unwrap_or_default(), &from)
        }
    }
}

/// A figure in a sentence about another ("高于山西省0.7个百分点"), with its provenance word
/// when it is not stated: "（推算）".
pub fn gap_phrase(d: &Figure, reference: &str, lang: Lang) -> String {
    let w = words(lang);
    let phrase = w.gap_phrase(signed(d.value, d.decimals).as_deref(), &fixed(d.value.abs(), d.decimals), reference);
    crate::cat!(phrase, aside(d, lang))
}

/// The change on the year in a sentence: "比上年提高0.4个百分点", "（推算）" when derived.
pub fn change_phrase(d: &Figure, lang: Lang) -> String {
    let w = words(lang);
    crate::cat!(
        w.change_phrase(signed(d.value, d.decimals).as_deref(), &fixed(d.value.abs(), d.decimals)),
        aside(d, lang)
    )
}

/// What follows a figure mentioned in passing: nothing when stated, "（推算）" when derived,
/// "（有矛盾①）" when contradicted.
pub fn aside(f: &Figure, lang: Lang) -> String {
    match origin(f) {
        Origin::Stated => String::new(),
        o => words(lang).aside(o, &markers(f)),
    }
}
