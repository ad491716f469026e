//! Describe: the text a page shows around the canvas, built from a model and its scene — the
//! title and subtitle, the tabs, the legend, the footnotes, the summary read by screen
//! readers, the data table behind "查看数据 / View data", and what each point says in its
//! tooltip and to a screen reader.
//!
//! Pure Rust, like the layout that calls it. The words are [`crate::words`]'s; this room picks
//! which figures each sentence states. The shell puts these strings into the DOM with
//! `textContent` only; nothing here is HTML (but [`table_html`], which escapes).

use crate::format::{count, fixed, percent, signed};
use crate::layout::{self, Hit, LegendItem, Options, Scene, Series, View};
use crate::model::{Figure, Model, Provenance, Rule, TierModel, WarningKind};
use crate::text;
use crate::words::{words, CitiesTier, Lang, PointKind, Spoken, Ui, ViewName, WarningText};

/// Everything the page writes around one scene.
#[derive(Debug, Clone, PartialEq)]
pub struct PageText {
    pub lang: Lang,
    pub title: String,
    pub subtitle: String,
    /// The views the data supports, with their tab labels.
    pub views: Vec<(View, String)>,
    pub legend: Vec<LegendItem>,
    /// The warnings this view shows, each with its marker: "① 2019年一本线：…".
    pub notes: Vec<String>,
    pub source: String,
    pub summary: String,
    pub table: Table,
    /// One per hit of the scene, in the same (reading) order.
    pub points: Vec<PointText>,
    pub ui: Ui,
}

/// What a reader hears or sees about one data point.
#[derive(Debug, Clone, PartialEq)]
pub struct PointText {
    pub series: Series,
    /// Index into the latest year's tiers.
    pub tier: usize,
    pub year: i32,
    /// "一本线 · 运城市 · 2019年"
    pub heading: String,
    /// "15.5%"
    pub value: String,
    /// Counts, differences, provenance and warnings, one per line.
    pub lines: Vec<String>,
    /// What a screen reader says about it: the point's name (year included) and value.
    pub spoken: String,
}

/// A table cell: its text and where the number came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub derived: bool,
    /// "原文公布", or the derivation; empty for text cells.
    pub provenance: String,
    /// Footnote markers of the warnings the number carries ("①").
    pub markers: String,
}

/// Every number a view rests on: one row per tier (per tier and year in the trend view).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// How each derived number was computed, one sentence each.
    pub derivations: Vec<String>,
    /// The warnings, each with its marker.
    pub notes: Vec<String>,
}

/// The text for `scene`, a layout of `model` with `opts`.
pub fn page(model: &Model, scene: &Scene, opts: &Options) -> PageText {
    let lang = opts.lang;
    let w = words(lang);
    PageText {
        lang,
        title: model.title.clone(),
        subtitle: subtitle(model, scene.view, lang),
        views: View::all_for(model).into_iter().map(|v| (v, view_label(model, v, lang))).collect(),
        legend: layout::legend(model, scene.view, lang),
        notes: footnotes(model, &scene.footnotes, lang),
        source: source_line(model, lang),
        summary: summary(model, scene.view, lang),
        table: table(model, scene.view, lang),
        points: scene.hits.hits.iter().filter_map(|h| point(model, scene.view, h, lang)).collect(),
        ui: w.ui(),
    }
}

/// The subtitle of `view`.
pub fn subtitle(model: &Model, view: View, lang: Lang) -> String {
    let w = words(lang);
    let year = model.current().year;
    match view {
        View::Compare => w.compare_subtitle(year, &model.region().name, &model.reference),
        View::Change => w.change_subtitle(year, &model.region().name),
        View::Trend => w.trend_subtitle(
            model.years().first().map_or(year, |y| y.year),
            year,
            &model.region().name,
            &model.reference,
        ),
        View::Cities => w.cities_subtitle(model.latest_year(), &model.reference),
    }
}

/// The tab label of a view.
pub fn view_label(model: &Model, view: View, lang: Lang) -> String {
    let name = match view {
        View::Compare => ViewName::Compare,
        View::Change => ViewName::Change,
        View::Trend => ViewName::Trend,
        View::Cities => ViewName::Cities,
    };
    words(lang).view_label(name, &model.reference)
}

/// "数据来源：运城新闻网（2019-08-14）".
pub fn source_line(model: &Model, lang: Lang) -> String {
    let s = model.source.as_ref();
    words(lang).source_line(s.map(|s| s.name.as_str()), s.and_then(|s| s.date.as_deref()))
}

/// Warning `i` of the model as a footnote, without its marker.
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
            words(lang).warning(&WarningText::Counts {
                year: y,
                tier,
                passed: &count(*passed),
                candidates: &count(*candidates),
                computed: &percent(*computed, stated.decimals),
                stated: &percent(stated.value, stated.decimals),
                apart: &fixed((computed - stated.value).abs(), stated.decimals),
            })
        }
        WarningKind::ReferenceDisagrees { reference, rate, gap } => {
            let d = reference.decimals.max(rate.decimals).max(gap.decimals);
            words(lang).warning(&WarningText::Reference {
                year: y,
                tier,
                reference: &model.reference,
                stated: &percent(reference.value, reference.decimals),
                rate: &percent(rate.value, rate.decimals),
                gap: &words(lang)
                    .points(Some(&signed(gap.value, gap.decimals).unwrap_or_else(|| fixed(0.0, gap.decimals)))),
                implied: &percent(rate.value - gap.value, d),
            })
        }
        WarningKind::PreviousDisagrees { previous, rate, change } => {
            let d = previous.decimals.max(rate.decimals).max(change.decimals);
            words(lang).warning(&WarningText::Previous {
                year: y,
                tier,
                stated: &percent(previous.value, previous.decimals),
                rate: &percent(rate.value, rate.decimals),
                change: &words(lang).points(Some(
                    &signed(change.value, change.decimals).unwrap_or_else(|| fixed(0.0, change.decimals)),
                )),
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

fn marks(f: &Figure) -> String {
    f.warnings.iter().map(|w| text::marker(w + 1)).collect()
}

/// Where a figure comes from, in a sentence: "原文公布" / "推算：15.5 − 0.7 = 14.8（由…推算）".
pub fn provenance(f: &Figure, model: &Model, lang: Lang) -> String {
    let w = words(lang);
    match &f.provenance {
        Provenance::Stated(_) => w.stated().to_string(),
        Provenance::Derived { rule, operands: [a, b], inputs } => {
            let result = fixed(f.value, f.decimals);
            let formula = match rule {
                Rule::RateFromCounts => {
                    crate::cat!(count(*a as u64), " ÷ ", count(*b as u64), " × 100 = ", result)
                }
                _ => {
                    let b_text = match signed(-*b, f.decimals) {
                        Some(s) => s.replacen('+', "+ ", 1).replacen('−', "− ", 1),
                        None => "− 0".to_string(),
                    };
                    crate::cat!(fixed(*a, f.decimals), " ", b_text, " = ", result)
                }
            };
            let from: Vec<String> = inputs
                .iter()
                .map(|r| {
                    let value = match r.field {
                        crate::model::Field::Passed | crate::model::Field::Candidates => count(r.value as u64),
                        crate::model::Field::VsReference => {
                            w.points_vs_reference(signed(r.value, r.decimals).as_deref())
                        }
                        crate::model::Field::VsPreviousYear => w.points(signed(r.value, r.decimals).as_deref()),
                        _ => percent(r.value, r.decimals),
                    };
                    w.stated_field(r.field, r.year, &r.tier, &model.reference, &value)
                })
                .collect();
            w.derived(&formula, &from)
        }
    }
}

fn gap_phrase(d: &Figure, reference: &str, lang: Lang) -> String {
    words(lang).gap_phrase(signed(d.value, d.decimals).as_deref(), &fixed(d.value.abs(), d.decimals), reference)
}

fn change_phrase(d: &Figure, lang: Lang) -> String {
    words(lang).change_phrase(signed(d.value, d.decimals).as_deref(), &fixed(d.value.abs(), d.decimals))
}

/// What a reader wants first from `view`, then the warnings. Compare and change: one sentence
/// per tier of the latest year ("运城市一本线达线率15.5%，高于山西省0.7个百分点，比上年提高0.4个百分点。").
/// Trend: each tier from its first year to its last.
pub fn summary(model: &Model, view: View, lang: Lang) -> String {
    if view == View::Cities {
        return cities_summary(model, lang);
    }
    let w = words(lang);
    let year = model.current();
    let region = &model.region().name;
    let mut out = w.summary_lead(region, year.year);
    for t in &year.tiers {
        if view == View::Trend {
            let rate_in = |y: &crate::model::YearModel| {
                y.tiers.iter().find(|x| x.key == t.key).map(|x| (y.year, percent(x.rate.value, x.rate.decimals)))
            };
            let first = model.years().iter().find_map(rate_in);
            let last = model.years().iter().rev().find_map(rate_in);
            if let (Some(a), Some(b)) = (first, last) {
                let gap = t.vs_reference.as_ref().map(|d| gap_phrase(d, &model.reference, lang));
                out.push_str(&w.trend_tier(region, &t.name, (a.0, &a.1), (b.0, &b.1), gap));
            }
            continue;
        }
        let mut parts = Vec::new();
        if let Some(d) = &t.vs_reference {
            parts.push(gap_phrase(d, &model.reference, lang));
        }
        if let Some(d) = &t.vs_previous {
            parts.push(change_phrase(d, lang));
        }
        out.push_str(&w.summary_tier(region, &t.name, &percent(t.rate.value, t.rate.decimals), &parts));
    }
    let shown_years = |y: i32| view == View::Trend || y == year.year;
    let notes: Vec<String> = (0..model.warnings.len())
        .filter(|&i| shown_years(model.warnings[i].year))
        .map(|i| warning(model, i, lang))
        .collect();
    out.push_str(&w.summary_notes(&notes));
    out.trim_end().to_string()
}

/// The cities view's summary: per tier, how many regions are above the reference, where the
/// highlighted one ranks, who rose and who fell most; then the warnings.
fn cities_summary(model: &Model, lang: Lang) -> String {
    let w = words(lang);
    let year = model.latest_year();
    let mut out = String::new();
    for t in model.latest_tiers() {
        let (ranked, _) = layout::ranking(model, year, &t.key);
        let side = |r: &layout::Ranked| r.tier.vs_reference.as_ref().and_then(|d| signed(d.value, d.decimals));
        let above = ranked.iter().filter(|r| side(r).is_some_and(|s| s.starts_with('+'))).count();
        let level = ranked.iter().filter(|r| r.tier.vs_reference.is_some() && side(r).is_none()).count();
        let reference = model.reference_rate(year, &t.key).map(|f| percent(f.value, f.decimals));
        let mine = ranked.iter().find(|r| model.highlighted && r.region == model.focus);
        let highlight = mine.map(|r| {
            (
                model.regions[r.region].name.as_str(),
                percent(r.tier.rate.value, r.tier.rate.decimals),
                w.rank_line(r.rank, r.tied, ranked.len()),
            )
        });
        let change = |r: &&layout::Ranked| r.tier.vs_previous.as_ref().map(|d| d.value);
        let most = |rising: bool| {
            ranked
                .iter()
                .filter(|r| change(r).is_some_and(|v| if rising { v > 0.0 } else { v < 0.0 }))
                .max_by(|a, b| {
                    let (x, y) = (change(a).unwrap_or(0.0), change(b).unwrap_or(0.0));
                    if rising {
                        x.total_cmp(&y)
                    } else {
                        y.total_cmp(&x)
                    }
                })
                .and_then(|r| {
                    let d = r.tier.vs_previous.as_ref()?;
                    Some((model.regions[r.region].name.as_str(), signed(d.value, d.decimals)?))
                })
        };
        let (rose, fell) = (most(true), most(false));
        out.push_str(&w.cities_tier(&CitiesTier {
            tier: &t.name,
            reference: &model.reference,
            reference_rate: reference.as_deref(),
            above,
            level,
            of: ranked.len(),
            highlight: highlight.as_ref().map(|(n, r, k)| (*n, r.as_str(), k.as_str())),
            rose_most: rose.as_ref().map(|(n, d)| (*n, d.as_str())),
            fell_most: fell.as_ref().map(|(n, d)| (*n, d.as_str())),
        }));
    }
    let notes: Vec<String> = (0..model.warnings.len())
        .filter(|&i| model.warnings[i].year == year)
        .map(|i| warning(model, i, lang))
        .collect();
    out.push_str(&w.summary_notes(&notes));
    out.trim_end().to_string()
}

/// What a table cell's figure is: a rate, or a difference to the reference or the year before.
#[derive(Clone, Copy)]
enum CellAs {
    Rate,
    VsReference,
    VsPrevious,
}

fn figure_cell(f: Option<&Figure>, model: &Model, lang: Lang, kind: CellAs) -> Cell {
    match f {
        None => text_cell("—".into()),
        Some(f) => Cell {
            text: match kind {
                CellAs::Rate => percent(f.value, f.decimals),
                CellAs::VsReference => words(lang).points_vs_reference(signed(f.value, f.decimals).as_deref()),
                CellAs::VsPrevious => words(lang).points(signed(f.value, f.decimals).as_deref()),
            },
            derived: f.is_derived(),
            provenance: provenance(f, model, lang),
            markers: marks(f),
        },
    }
}

fn text_cell(s: String) -> Cell {
    Cell { text: s, derived: false, provenance: String::new(), markers: String::new() }
}

/// Every number of `view`: the latest year's for compare and change, every year's for trend.
pub fn table(model: &Model, view: View, lang: Lang) -> Table {
    let w = words(lang);
    let year = model.current();
    let (r, f) = (&model.region().name, &model.reference);
    let (caption, columns, rows): (String, Vec<String>, Vec<Vec<Cell>>) = if view == View::Cities {
        let latest = model.latest_year();
        let mut rows = Vec::new();
        for t in model.latest_tiers() {
            let (ranked, without) = layout::ranking(model, latest, &t.key);
            for x in &ranked {
                rows.push(vec![
                    text_cell(model.regions[x.region].name.clone()),
                    text_cell(x.tier.name.clone()),
                    text_cell(w.rank(x.rank, x.tied)),
                    figure_cell(Some(&x.tier.rate), model, lang, CellAs::Rate),
                    figure_cell(x.tier.vs_reference.as_ref(), model, lang, CellAs::VsReference),
                    figure_cell(x.tier.vs_previous.as_ref(), model, lang, CellAs::VsPrevious),
                ]);
            }
            for &region in &without {
                let mut row = vec![text_cell(model.regions[region].name.clone()), text_cell(t.name.clone())];
                row.extend((0..4).map(|_| text_cell("—".into())));
                rows.push(row);
            }
            if let Some(rf) = model.reference_rate(latest, &t.key) {
                rows.push(vec![
                    text_cell(f.clone()),
                    text_cell(t.name.clone()),
                    text_cell("—".into()),
                    figure_cell(Some(rf), model, lang, CellAs::Rate),
                    text_cell("—".into()),
                    text_cell("—".into()),
                ]);
            }
        }
        (w.cities_caption(&model.title, latest), w.cities_columns(f).to_vec(), rows)
    } else if view == View::Trend {
        let first = model.years().first().map_or(year.year, |y| y.year);
        let mut rows = Vec::new();
        for t in &year.tiers {
            for y in model.years() {
                let Some(yt) = y.tiers.iter().find(|x| x.key == t.key) else { continue };
                rows.push(vec![
                    text_cell(t.name.clone()),
                    text_cell(w.year(y.year)),
                    figure_cell(Some(&yt.rate), model, lang, CellAs::Rate),
                    figure_cell(yt.reference_rate.as_ref(), model, lang, CellAs::Rate),
                    figure_cell(yt.vs_reference.as_ref(), model, lang, CellAs::VsReference),
                ]);
            }
        }
        (w.trend_caption(&model.title, first, year.year), w.trend_columns(r, f).to_vec(), rows)
    } else {
        let rows = year
            .tiers
            .iter()
            .map(|t: &TierModel| {
                vec![
                    text_cell(t.name.clone()),
                    figure_cell(Some(&t.rate), model, lang, CellAs::Rate),
                    figure_cell(t.reference_rate.as_ref(), model, lang, CellAs::Rate),
                    figure_cell(t.vs_reference.as_ref(), model, lang, CellAs::VsReference),
                    figure_cell(t.previous_rate.as_ref(), model, lang, CellAs::Rate),
                    figure_cell(t.vs_previous.as_ref(), model, lang, CellAs::VsPrevious),
                    text_cell(t.passed.map_or("—".into(), count)),
                    text_cell(t.candidates.map_or("—".into(), count)),
                    figure_cell(t.rate_from_counts.as_ref(), model, lang, CellAs::Rate),
                ]
            })
            .collect();
        (w.table_caption(&model.title, year.year), w.table_columns(r, f, year.year - 1).to_vec(), rows)
    };
    let mut derivations = Vec::new();
    for row in &rows {
        // A trend row is named by its tier and year, a cities row by its area and tier.
        let name = if matches!(view, View::Trend | View::Cities) {
            crate::cat!(row[0].text, " ", row[1].text)
        } else {
            row[0].text.clone()
        };
        for (i, cell) in row.iter().enumerate().filter(|(_, c)| c.derived) {
            derivations.push(w.derivation(&name, &columns[i], &cell.text, &cell.provenance));
        }
    }
    let ids: Vec<usize> = (0..model.warnings.len()).collect();
    Table { caption, columns, rows, derivations, notes: footnotes(model, &ids, lang) }
}

/// `s` with `&`, `<`, `>` and `"` escaped for HTML text and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The table as accessible HTML (caption, column and row headers, derived numbers marked and
/// explained, warnings listed), for pages and feeds without JavaScript.
pub fn table_html(t: &Table, lang: Lang) -> String {
    let derived = words(lang).ui().derived;
    let mut h = String::from("<table class=\"passrate-table\">\n");
    h.push_str(&crate::cat!("<caption>", escape_html(&t.caption), "</caption>\n<thead><tr>"));
    for c in &t.columns {
        h.push_str(&crate::cat!("<th scope=\"col\">", escape_html(c), "</th>"));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        h.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let (open, close) = if i == 0 { ("<th scope=\"row\">", "</th>") } else { ("<td>", "</td>") };
            h.push_str(open);
            h.push_str(&escape_html(&cell.text));
            if cell.derived {
                h.push_str(&crate::cat!(" <small>(", derived, ")</small>"));
            }
            if !cell.markers.is_empty() {
                h.push_str(&crate::cat!("<sup>", escape_html(&cell.markers), "</sup>"));
            }
            h.push_str(close);
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
    for (class, items) in [("passrate-derivations", &t.derivations), ("passrate-notes", &t.notes)] {
        if !items.is_empty() {
            h.push_str(&crate::cat!("<ul class=\"", class, "\">\n"));
            for item in items {
                h.push_str(&crate::cat!("<li>", escape_html(item), "</li>\n"));
            }
            h.push_str("</ul>\n");
        }
    }
    h
}

/// The tier a hit of a `view` scene shows: that of the hit's year (the trend view's points
/// belong to every year), or the latest year's for last year's dot (its figure is the latest
/// tier's `previous_rate`); in the cities view, the hit's region's (none for the reference's
/// line).
pub fn tier_in<'a>(model: &'a Model, view: View, hit: &Hit) -> Option<&'a TierModel> {
    if view == View::Cities {
        let key = &model.latest_tiers().get(hit.tier)?.key;
        return model.tier_of(hit.region?, hit.year, key);
    }
    let current = model.current().tiers.get(hit.tier)?;
    if hit.series == Series::Previous || hit.year == model.current().year {
        return Some(current);
    }
    model.years().iter().find(|y| y.year == hit.year)?.tiers.iter().find(|t| t.key == current.key)
}

fn point(model: &Model, view: View, h: &Hit, lang: Lang) -> Option<PointText> {
    let w = words(lang);
    let f = layout::figure(model, view, h)?;
    // None for the cities view's reference line, which no one region's tier holds.
    let t = tier_in(model, view, h);
    let tier_name = match t {
        Some(t) => t.name.clone(),
        None => model.latest_tiers().get(h.tier)?.name.clone(),
    };
    let area = match (h.series, h.region) {
        (Series::Reference, _) => &model.reference,
        (_, Some(r)) => &model.regions.get(r)?.name,
        _ => &model.region().name,
    };
    let kind = match h.series {
        Series::FromCounts => PointKind::FromCounts,
        Series::Change => PointKind::Change(h.year),
        _ => PointKind::Year(h.year),
    };
    let value = match h.series {
        Series::Change => w.points(signed(f.value, f.decimals).as_deref()),
        _ => percent(f.value, f.decimals),
    };
    let mut lines = Vec::new();
    if let (Some(r), Some(t)) = (h.region, t) {
        let (ranked, _) = layout::ranking(model, h.year, &t.key);
        if let Some(me) = ranked.iter().find(|x| x.region == r) {
            lines.push(w.rank_line(me.rank, me.tied, ranked.len()));
        }
    }
    if let (true, Some(t)) = (matches!(h.series, Series::Region | Series::FromCounts), t) {
        if let (Some(p), Some(c)) = (t.passed, t.candidates) {
            lines.push(w.counts_line(&count(p), &count(c)));
        }
    }
    if let (Series::Change, Some(t)) = (h.series, t) {
        if let Some(p) = &t.previous_rate {
            let from = percent(p.value, p.decimals);
            lines.push(w.change_from_to(h.year - 1, &from, h.year, &percent(t.rate.value, t.rate.decimals)));
        }
    }
    if let (Series::Region, Some(t)) = (h.series, t) {
        if let Some(d) = &t.vs_reference {
            lines.push(
                w.vs_reference_line(&w.points_vs_reference(signed(d.value, d.decimals).as_deref()), &model.reference),
            );
        }
        if let Some(d) = &t.vs_previous {
            lines.push(w.vs_previous_line(&w.points(signed(d.value, d.decimals).as_deref())));
        }
    }
    let details = lines.clone();
    let provenance = provenance(f, model, lang);
    lines.push(provenance.clone());
    if let Some(q) = f.quote() {
        lines.push(w.quote(q));
    }
    let notes = footnotes(model, &f.warnings, lang);
    lines.extend(notes.iter().cloned());
    let spoken = w.spoken(&Spoken {
        tier: &tier_name,
        area,
        kind,
        value: &value,
        details: &details,
        provenance: &provenance,
        notes: &notes,
    });
    Some(PointText {
        series: h.series,
        tier: h.tier,
        year: h.year,
        heading: w.point_heading(&tier_name, area, kind),
        value,
        lines,
        spoken,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::layout;

    const SEED: &str = include_str!("../www/data/yuncheng-2019.json");

    #[test]
    fn summary_in_both_languages() {
        let m = crate::parse(SEED).unwrap();
        let zh = summary(&m, View::Compare, Lang::Zh);
        assert!(zh.starts_with("运城市一本线达线率15.5%，高于山西省0.7个百分点，比上年提高0.4个百分点。"), "{zh}");
        assert!(zh.contains("运城市二本线达线率48.6%，高于山西省3.4个百分点，比上年提高1.7个百分点。"), "{zh}");
        assert!(zh.contains("注意：") && zh.contains("16.2%"), "{zh}");
        let en = summary(&m, View::Compare, Lang::En);
        assert!(en.contains("一本线: 15.5%, 0.7 points above 山西省, up 0.4 points on the year."), "{en}");
    }

    #[test]
    fn table_marks_derived_cells_and_warnings() {
        let m = crate::parse(SEED).unwrap();
        let t = table(&m, View::Compare, Lang::Zh);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.columns.len(), t.rows[0].len());
        let row = &t.rows[0];
        assert_eq!((row[1].text.as_str(), row[1].derived, row[1].markers.as_str()), ("15.5%", false, "①"));
        assert_eq!((row[2].text.as_str(), row[2].derived), ("14.8%", true));
        assert!(row[2].provenance.contains("15.5 − 0.7 = 14.8"));
        assert_eq!(row[3].text, "+0.7 个百分点");
        assert_eq!((row[4].text.as_str(), row[4].derived), ("15.1%", true));
        assert_eq!(row[6].text, "5,872");
        assert_eq!(row[7].text, "36,192");
        assert_eq!(row[8].text, "16.2%");
        assert_eq!(t.notes.len(), 1);
        assert!(t.notes[0].starts_with("① 2019年一本线"));
        assert_eq!(t.derivations.len(), 6, "{:?}", t.derivations);
        assert!(t.derivations[0].starts_with("一本线 · 山西省达线率 14.8%："), "{}", t.derivations[0]);
        let en = table(&m, View::Compare, Lang::En);
        assert!(en.derivations.iter().all(|d| !d.contains('：')), "no Chinese colon in English: {:?}", en.derivations);
        assert!(!en.caption.contains("2019 (2019)"), "{}", en.caption);
    }

    #[test]
    fn table_html_escapes_data_and_marks_derived_numbers() {
        let m = crate::parse(&SEED.replace("运城市\",", "<img src=x onerror=alert(1)>\",")).unwrap();
        let html = table_html(&table(&m, View::Compare, Lang::Zh), Lang::Zh);
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;达线率"), "{html}");
        assert!(html.contains("<th scope=\"row\">一本线</th>"));
        assert!(html.contains("<td>14.8% <small>(推算)</small><sup>①</sup></td>"), "{html}");
        assert!(html.contains("15.5 − 0.7 = 14.8"));
    }

    #[test]
    fn points_in_reading_order_with_provenance() {
        let m = crate::parse(SEED).unwrap();
        let s = layout(&m, View::Compare, &Options::default());
        let order: Vec<(usize, Series)> = s.hits.hits.iter().map(|h| (h.tier, h.series)).collect();
        assert_eq!(
            order,
            vec![
                (0, Series::Region),
                (0, Series::Reference),
                (0, Series::FromCounts),
                (1, Series::Region),
                (1, Series::Reference)
            ]
        );
        let p = &s.text.as_ref().unwrap().points;
        assert_eq!(p.len(), 5);
        assert_eq!(p[1].heading, "一本线 · 山西省 · 2019年");
        assert_eq!(p[1].value, "14.8%");
        assert!(p[1].lines.iter().any(|l| l.contains("由") && l.contains("推算")), "{:?}", p[1].lines);
        assert!(p[0].lines.contains(&"达线 5,872 人 / 参考 36,192 人".to_string()));
        assert!(p[0].spoken.contains("15.5%") && p[0].spoken.contains("①"), "{}", p[0].spoken);
        // A screen reader hears what the tooltip shows: the counts and both differences too.
        assert!(
            p[0].spoken.starts_with(
                "一本线，运城市，2019年：15.5%，达线 5,872 人 / 参考 36,192 人，与山西省相比 +0.7 个百分点，比上年 +0.4 个百分点，原文公布。①"
            ),
            "{}",
            p[0].spoken
        );
        let c = layout(&m, View::Change, &Options { lang: Lang::En, ..Options::default() });
        let p = &c.text.as_ref().unwrap().points;
        assert_eq!(p[0].heading, "一本线 · 运城市 · 2018");
        assert_eq!(p[0].value, "15.1%");
        assert!(p[0].spoken.contains("2018"), "{}", p[0].spoken);
    }

    /// Each trend point states its own year's figures, not the latest year's.
    #[test]
    fn trend_points_state_their_own_year() {
        let m = crate::parse(include_str!("../www/data/example-multi-year.json")).unwrap();
        let s = layout(&m, View::Trend, &Options::default());
        let text = s.text.as_ref().unwrap();
        for (h, p) in s.hits.hits.iter().zip(&text.points) {
            let t = tier_in(&m, View::Trend, h).unwrap();
            let fig = layout::figure(&m, View::Trend, h).unwrap();
            assert_eq!(p.value, percent(fig.value, fig.decimals));
            assert!(p.heading.contains(&crate::format::int(h.year as i64)), "{}", p.heading);
            if h.series == Series::Region {
                if let (Some(passed), Some(_)) = (t.passed, t.candidates) {
                    assert!(p.lines[0].contains(&count(passed)), "{h:?}: {:?}", p.lines);
                }
            }
        }
        let years = text.table.rows.iter().map(|r| r[1].text.clone()).collect::<std::collections::BTreeSet<_>>();
        assert_eq!(years.len(), m.years().len(), "the trend table holds every year");
    }
}
