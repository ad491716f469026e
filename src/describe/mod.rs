//! Describe: the text a page shows around the canvas — the title and subtitle, the tabs, the
//! legend, the footnotes, the summary read by screen readers, the data table behind "查看数据 /
//! View data" — and what each point of a painted scene says in its tooltip and to a screen
//! reader.
//!
//! Above the layout: the page text ([`page`]) depends on the model, the view and the language,
//! never on the size; the points' words ([`points`]) are read off the scene that is painted,
//! one per hit, in its order, so what a keyboard reaches is what is under the pointer. The
//! words are [`crate::words`]'s; this room picks which figures each sentence states. The shell
//! puts these strings into the DOM with `textContent` only; nothing here is HTML (but
//! [`table_html`], which escapes).

mod points;

use crate::format::{count, percent, signed};
use crate::lang::Lang;
use crate::layout::{self, LegendItem, Scene, Series, Shown, View};
use crate::model::{Figure, Model, TierModel};
use crate::phrase::{self, aside, change_phrase, footnotes, gap_phrase, markers, provenance, warning};
use crate::words::{words, CitiesTier, FigureName, Origin, Ui};

/// Everything the page writes around a view's canvas, whatever its size.
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
    /// The source's address, when the data gives one: the source line links to it.
    pub source_url: Option<String>,
    pub summary: String,
    pub ui: Ui,
}

/// What a reader hears or sees about one data point.
#[derive(Debug, Clone, PartialEq)]
pub struct PointText {
    /// What the point is ([`Hit::key`]): the same in every frame and language.
    pub key: String,
    pub series: Series,
    /// Index into the latest year's tiers.
    pub tier: usize,
    pub year: i32,
    /// The region it belongs to, in the cities view.
    pub region: Option<usize>,
    /// "一本线 · 运城市 · 2019年"
    pub heading: String,
    /// "15.5%"
    pub value: String,
    /// Where the value comes from, then counts, differences (each with its own provenance
    /// word), the source's words and warnings, one per line.
    pub lines: Vec<String>,
    /// What a screen reader says about it: the point's name (year included), its value and
    /// its provenance word, then the other figures the tooltip states, each with its word;
    /// warnings by their markers (each footnote is said once, in the notes).
    pub spoken: String,
}

/// A table cell: its text and where the number came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub derived: bool,
    /// The figure's provenance word ("推算", "有矛盾"), empty for text cells and stated ones.
    pub origin: String,
    /// "原文公布", or the derivation; empty for text cells.
    pub provenance: String,
    /// The source's words for the figure, when the data quotes them.
    pub quote: String,
    /// Footnote markers of the warnings the number carries ("①").
    pub markers: String,
}

/// Every number a view rests on: one row per tier (per tier and year in the trend view).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<String>,
    /// How many leading cells of a row name it (the tier; the tier and the year; the area and
    /// the tier): row headers.
    pub heads: usize,
    pub rows: Vec<Vec<Cell>>,
    /// How each derived number was computed, one sentence each.
    pub derivations: Vec<String>,
    /// The warnings, each with its marker.
    pub notes: Vec<String>,
}

/// The page text of `view` of `model` in `lang` with `shown` series: the same for a canvas of
/// any size. The data table is [`table`]'s, asked for when a reader opens it.
pub fn page(model: &Model, view: View, lang: Lang, shown: Shown) -> PageText {
    let w = words(lang);
    PageText {
        lang,
        title: model.title.clone(),
        subtitle: phrase::subtitle(model, view, lang),
        views: View::all_for(model).into_iter().map(|v| (v, phrase::view_label(model, v, lang))).collect(),
        legend: layout::legend(model, view, lang),
        notes: footnotes(model, &layout::footnotes(model, view, shown), lang),
        source: phrase::source_line(model, lang),
        source_url: model.source.as_ref().and_then(|s| s.url.clone()),
        summary: summary(model, view, lang),
        ui: w.ui(),
    }
}

/// The words of each point of `scene` (a layout of `model`), one per hit, in the scene's
/// reading order.
pub fn points(model: &Model, scene: &Scene, lang: Lang) -> Vec<PointText> {
    let p = points::Points::new(model, scene.view, lang);
    scene.hits.hits.iter().map(|h| p.point(h)).collect()
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
                    Some((
                        model.regions[r.region].name.as_str(),
                        crate::cat!(signed(d.value, d.decimals)?, aside(d, lang)),
                    ))
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
            origin: match phrase::origin(f) {
                Origin::Stated => String::new(),
                o => words(lang).origin(o).to_string(),
            },
            provenance: provenance(f, model, lang),
            quote: f.quote().unwrap_or_default().to_string(),
            markers: markers(f),
        },
    }
}

/// A stated count (always stated: counts are never derived), with the source's words.
fn count_cell(n: Option<u64>, quote: Option<&str>) -> Cell {
    Cell { quote: quote.unwrap_or_default().to_string(), ..text_cell(n.map_or("—".into(), count)) }
}

fn text_cell(s: String) -> Cell {
    Cell {
        text: s,
        derived: false,
        origin: String::new(),
        provenance: String::new(),
        quote: String::new(),
        markers: String::new(),
    }
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
                    count_cell(t.passed, t.passed_quote.as_deref()),
                    count_cell(t.candidates, t.candidates_quote.as_deref()),
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
    let heads = if matches!(view, View::Trend | View::Cities) { 2 } else { 1 };
    Table { caption, columns, heads, rows, derivations, notes: footnotes(model, &ids, lang) }
}

/// A CSV field: quoted when it holds a separator, a quote or a line break; text that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) starts with an apostrophe.
fn csv_field(out: &mut String, s: &str, text: bool) {
    let guard = text && s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if guard || s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        if guard {
            out.push('\'');
        }
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// Every figure of `model` as CSV, one row per figure: its area, year, tier, name, value (at
/// the precision the chart shows it, an ASCII minus, no thousands separator), unit,
/// provenance word, the derivation or the source's words, its warnings, and the source. UTF-8
/// with a byte-order mark, so that Excel opens it as UTF-8.
pub fn data_csv(model: &Model, lang: Lang) -> String {
    let w = words(lang);
    let [pct, pp, people] = w.units();
    let source = model.source.clone().unwrap_or_default();
    let mut out = String::from("\u{feff}");
    let mut row = |cells: [(&str, bool); 12]| {
        for (i, (c, text)) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(&mut out, c, *text);
        }
        out.push_str("\r\n");
    };
    row(w.csv_columns().map(|c| (c, true)));
    let date = source.date.as_deref().unwrap_or("");
    let url = source.url.as_deref().unwrap_or("");
    for region in &model.regions {
        for y in &region.years {
            let year = crate::format::int(y.year as i64);
            for t in &y.tiers {
                let mut figure =
                    |name: FigureName, value: String, unit: &str, how: String, origin: &str, notes: &str| {
                        let name = w.figure_name(name, &model.reference);
                        row([
                            (&region.name, true),
                            (&year, false),
                            (&t.name, true),
                            (&name, true),
                            (&value, false),
                            (unit, true),
                            (origin, true),
                            (&how, true),
                            (notes, true),
                            (&source.name, true),
                            (date, true),
                            (url, true),
                        ]);
                    };
                let stated_count = |q: Option<&str>| q.map(|q| w.quote(q)).unwrap_or_default();
                if let Some(c) = t.candidates {
                    let q = stated_count(t.candidates_quote.as_deref());
                    figure(
                        FigureName::Candidates,
                        crate::format::int(c as i64),
                        people,
                        q,
                        w.origin(Origin::Stated),
                        "",
                    );
                }
                if let Some(p) = t.passed {
                    let q = stated_count(t.passed_quote.as_deref());
                    figure(FigureName::Passed, crate::format::int(p as i64), people, q, w.origin(Origin::Stated), "");
                }
                let figures = [
                    (FigureName::Rate, Some(&t.rate), pct),
                    (FigureName::ReferenceRate, t.reference_rate.as_ref(), pct),
                    (FigureName::VsReference, t.vs_reference.as_ref(), pp),
                    (FigureName::PreviousRate, t.previous_rate.as_ref(), pct),
                    (FigureName::VsPrevious, t.vs_previous.as_ref(), pp),
                    (FigureName::RateFromCounts, t.rate_from_counts.as_ref(), pct),
                ];
                for (name, f, unit) in figures {
                    let Some(f) = f else { continue };
                    let how = match f.quote() {
                        Some(q) => w.quote(q),
                        None => provenance(f, model, lang),
                    };
                    let notes = footnotes(model, &f.warnings, lang).join(" ");
                    let value = crate::format::decimal(f.value, f.decimals);
                    figure(name, value, unit, how, w.origin(phrase::origin(f)), &notes);
                }
            }
        }
    }
    out
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
pub fn table_html(t: &Table) -> String {
    let mut h = String::from("<table class=\"passrate-table\">\n");
    h.push_str(&crate::cat!("<caption>", escape_html(&t.caption), "</caption>\n<thead><tr>"));
    for c in &t.columns {
        h.push_str(&crate::cat!("<th scope=\"col\">", escape_html(c), "</th>"));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        h.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let (open, close) = if i < t.heads { ("<th scope=\"row\">", "</th>") } else { ("<td>", "</td>") };
            h.push_str(open);
            h.push_str(&escape_html(&cell.text));
            if !cell.origin.is_empty() {
                h.push_str(&crate::cat!(" <small>(", escape_html(&cell.origin), ")</small>"));
            }
            if !cell.markers.is_empty() {
                h.push_str(&crate::cat!("<sup>", escape_html(&cell.markers), "</sup>"));
            }
            if !cell.quote.is_empty() {
                h.push_str(&crate::cat!("<br><q>", escape_html(&cell.quote), "</q>"));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{layout, tier_in, Options};

    const SEED: &str = include_str!("../../www/data/yuncheng-2019.json");

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
        let html = table_html(&table(&m, View::Compare, Lang::Zh));
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;达线率"), "{html}");
        assert!(html.contains("<th scope=\"row\">一本线</th>"));
        assert!(html.contains("<td>14.8% <small>(推算)</small><sup>①</sup></td>"), "{html}");
        assert!(html.contains("15.5 − 0.7 = 14.8"));
        assert!(html.contains("<td>15.5% <small>(有矛盾)</small><sup>①</sup></td>"), "{html}");
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
        let p = &points(&m, &s, Lang::Zh);
        assert_eq!(p.len(), 5);
        assert_eq!(p[1].heading, "一本线 · 山西省 · 2019年");
        assert_eq!(p[1].value, "14.8%");
        assert!(p[1].lines.iter().any(|l| l.contains("由") && l.contains("推算")), "{:?}", p[1].lines);
        assert!(p[0].lines.contains(&"达线 5,872 人 / 参考 36,192 人".to_string()));
        assert!(p[0].spoken.contains("15.5%") && p[0].spoken.contains("①"), "{}", p[0].spoken);
        // A screen reader hears what the tooltip shows: the value's provenance word, the counts
        // and both differences too, each difference with its own word (stated: none).
        assert_eq!(
            p[0].spoken,
            "一本线，运城市，2019年：15.5%（有矛盾①），达线 5,872 人 / 参考 36,192 人，与山西省相比 +0.7 个百分点，比上年 +0.4 个百分点。"
        );
        // The province's rate is derived, and says so first, with its rule.
        assert!(p[1].spoken.contains("14.8%（推算①）"), "{}", p[1].spoken);
        assert!(p[1].lines[0].starts_with("推算：15.5 − 0.7 = 14.8"), "{:?}", p[1].lines);
        let c = layout(&m, View::Change, &Options { lang: Lang::En, ..Options::default() });
        let p = &points(&m, &c, Lang::En);
        assert_eq!(p[0].heading, "一本线 · 运城市 · 2018");
        assert_eq!(p[0].value, "15.1%");
        assert!(p[0].spoken.contains("2018"), "{}", p[0].spoken);
    }

    /// Each trend point states its own year's figures, not the latest year's.
    #[test]
    fn trend_points_state_their_own_year() {
        let m = crate::parse(include_str!("../../www/data/example-multi-year.json")).unwrap();
        let s = layout(&m, View::Trend, &Options::default());
        let pts = points(&m, &s, Lang::Zh);
        assert_eq!(pts.len(), s.hits.hits.len());
        for (h, p) in s.hits.hits.iter().zip(&pts) {
            let t = tier_in(&m, View::Trend, h).unwrap();
            let fig = layout::figure(&m, View::Trend, h).unwrap();
            assert_eq!(p.value, percent(fig.value, fig.decimals));
            assert!(p.heading.contains(&crate::format::int(h.year as i64)), "{}", p.heading);
            if h.series == Series::Region {
                if let (Some(passed), Some(_)) = (t.passed, t.candidates) {
                    assert!(p.lines.iter().any(|l| l.contains(&count(passed))), "{h:?}: {:?}", p.lines);
                }
            }
        }
        let text = table(&m, View::Trend, Lang::Zh);
        let years = text.rows.iter().map(|r| r[1].text.clone()).collect::<std::collections::BTreeSet<_>>();
        assert_eq!(years.len(), m.years().len(), "the trend table holds every year");
    }
}
