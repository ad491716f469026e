//! The words of each point of a painted scene: its tooltip's lines and what a screen reader
//! says on reaching it. One [`Points`] per scene holds what every point reads (in the cities
//! view each tier's key and ranking, computed once), so a point costs a lookup, not a ranking.

use super::PointText;
use crate::format::{count, percent, signed};
use crate::lang::Lang;
use crate::layout::{Hit, Series};
use crate::model::{Field, Figure, Model, Provenance, TierModel};
use crate::phrase::{aside, footnotes, origin_word, provenance};
use crate::views::{self, View};
use crate::words::{words, PointKind, Spoken, Words};

/// A tier's ranking as the points read it: each region's rank and whether it is shared (by
/// region index), and how many regions are ranked.
type Ranks = (Vec<Option<(usize, bool)>>, usize);

/// What the points of one scene share.
pub(super) struct Points<'m> {
    model: &'m Model,
    view: View,
    lang: Lang,
    w: &'static dyn Words,
    /// The cities view's tiers, by key, in the order of its hits' `tier`.
    keys: Vec<&'m str>,
    /// Per tier of the cities view: each region's rank and whether it is shared, and how many
    /// regions are ranked.
    ranks: Vec<Ranks>,
}

impl<'m> Points<'m> {
    pub(super) fn new(model: &'m Model, view: View, lang: Lang) -> Points<'m> {
        let (mut keys, mut ranks) = (Vec::new(), Vec::new());
        if view == View::Cities {
            let year = model.latest_year();
            for t in model.latest_tiers() {
                let (ranked, _) = views::ranking(model, year, &t.key);
                let mut of = vec![None; model.regions.len()];
                for r in &ranked {
                    of[r.region] = Some((r.rank, r.tied));
                }
                keys.push(t.key.as_str());
                ranks.push((of, ranked.len()));
            }
        }
        Points { model, view, lang, w: words(lang), keys, ranks }
    }

    /// The tier a hit shows ([`views::tier_in`]), by the cities view's keys looked up once.
    fn tier(&self, h: &Hit) -> Option<&'m TierModel> {
        if self.view == View::Cities {
            return self.model.tier_of(h.region?, h.year, self.keys.get(h.tier)?);
        }
        views::tier_in(self.model, self.view, h)
    }

    /// The figure a hit stands on ([`views::figure`]), likewise.
    fn figure(&self, h: &Hit) -> Option<&'m Figure> {
        if self.view == View::Cities {
            return match h.region {
                Some(_) => self.tier(h).map(|t| &t.rate),
                None => self.model.reference_rate(h.year, self.keys.get(h.tier)?),
            };
        }
        views::figure(self.model, self.view, h)
    }

    /// The tier's name for a hit's heading (the reference's line belongs to no region's tier).
    fn tier_name(&self, h: &Hit) -> String {
        match self.tier(h) {
            Some(t) => t.name.clone(),
            None if self.view == View::Cities => {
                let key = self.keys.get(h.tier).copied().unwrap_or_default();
                self.model.latest_tiers().iter().find(|t| t.key == key).map(|t| t.name.clone()).unwrap_or_default()
            }
            None => String::new(),
        }
    }

    pub(super) fn point(&self, h: &Hit) -> PointText {
        let (model, w) = (self.model, self.w);
        let tier_name = self.tier_name(h);
        let area = match (h.series, h.region) {
            (Series::Reference, _) => model.reference.clone(),
            (_, Some(r)) => model.regions.get(r).map(|r| r.name.clone()).unwrap_or_default(),
            _ => model.region().name.clone(),
        };
        let kind = match h.series {
            Series::FromCounts => PointKind::FromCounts,
            Series::Change => PointKind::Change(h.year),
            _ => PointKind::Year(h.year),
        };
        let mut p = PointText {
            key: h.key(),
            series: h.series,
            tier: h.tier,
            year: h.year,
            region: h.region,
            heading: w.point_heading(&tier_name, &area, kind),
            value: String::new(),
            lines: Vec::new(),
            spoken: String::new(),
        };
        // Every hit of a layout stands on a figure; an empty point keeps the order if not.
        let Some(f) = self.figure(h) else { return p };
        p.value = match h.series {
            Series::Change => w.points(signed(f.value, f.decimals).as_deref()),
            _ => percent(f.value, f.decimals),
        };
        let said = self.lines(h, f, &mut p.lines);
        let origin = origin_word(f, self.lang);
        p.spoken =
            w.spoken(&Spoken { tier: &tier_name, area: &area, kind, value: &p.value, origin: &origin, details: &said });
        p
    }

    /// The tooltip's lines for the hit `h` on figure `f`: its rank (cities), its provenance
    /// (or the source's words), the counts, the change's two rates, the differences each with
    /// its own provenance word, the footnotes. Returns what of it a screen reader says besides
    /// the value.
    fn lines(&self, h: &Hit, f: &Figure, lines: &mut Vec<String>) -> Vec<String> {
        let (model, w, lang) = (self.model, self.w, self.lang);
        let t = self.tier(h);
        let mut said = Vec::new();
        let mut say = |lines: &mut Vec<String>, line: String| {
            said.push(line.clone());
            lines.push(line);
        };
        // In the cities view, the rank first.
        if let Some((Some((rank, tied)), of)) =
            h.region.and_then(|r| self.ranks.get(h.tier).map(|(by, of)| (by[r], *of)))
        {
            say(lines, w.rank_line(rank, tied, of));
        }
        // Then the value's own provenance: the sentence, or the source's words when quoted.
        lines.push(match f.quote() {
            Some(q) if f.warnings.is_empty() => w.quote(q),
            _ => provenance(f, model, lang),
        });
        if let (Some(q), false) = (f.quote(), f.warnings.is_empty()) {
            lines.push(w.quote(q));
        }
        if let (true, Some(t)) = (matches!(h.series, Series::Region | Series::FromCounts), t) {
            if let (Some(p), Some(c)) = (t.passed, t.candidates) {
                say(lines, w.counts_line(&count(p), &count(c)));
                lines.extend(count_quotes(t, f).iter().map(|q| w.quote(q)));
            }
        }
        if let (Series::Change, Some(t)) = (h.series, t) {
            if let Some(p) = &t.previous_rate {
                let from = crate::cat!(percent(p.value, p.decimals), aside(p, lang));
                let to = crate::cat!(percent(t.rate.value, t.rate.decimals), aside(&t.rate, lang));
                say(lines, w.change_from_to(h.year - 1, &from, h.year, &to));
            }
        }
        if let (Series::Region, Some(t)) = (h.series, t) {
            let differences = [
                t.vs_reference.as_ref().map(|d| {
                    (
                        w.vs_reference_line(
                            &w.points_vs_reference(signed(d.value, d.decimals).as_deref()),
                            &model.reference,
                        ),
                        d,
                    )
                }),
                t.vs_previous
                    .as_ref()
                    .map(|d| (w.vs_previous_line(&w.points(signed(d.value, d.decimals).as_deref())), d)),
            ];
            for (line, d) in differences.into_iter().flatten() {
                say(lines, crate::cat!(line, aside(d, lang)));
                if let Some(q) = d.quote() {
                    lines.push(w.quote(q));
                }
            }
        }
        lines.extend(footnotes(model, &f.warnings, lang));
        said
    }
}

/// A stated count's quote, for the counts line.
fn count_quotes(t: &TierModel, f: &Figure) -> Vec<String> {
    // The counts' quotes travel with the rate computed from them, or with the stated rate.
    let inputs = match (&t.rate_from_counts, &f.provenance) {
        (Some(fc), _) => fc.inputs(),
        (None, Provenance::Derived { inputs, .. }) => inputs.clone(),
        _ => Vec::new(),
    };
    inputs
        .into_iter()
        .filter(|r| matches!(r.field, Field::Passed | Field::Candidates))
        .filter_map(|r| r.quote)
        .collect()
}
