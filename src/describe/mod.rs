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

use crate::lang::Lang;
use crate::layout::{LegendItem, Scene, Series, Shown};
use crate::model::Model;
use crate::phrase::{self, footnotes, provenance};
use crate::views::{self, View};
use crate::words::{words, FigureName, Origin, Ui};

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
    /// What the point is ([`Hit::key`](crate::layout::Hit::key)): the same in every frame and language.
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

pub use crate::table::{Cell, Table};

/// The page text of `view` of `model` in `lang` with `shown` series: the same for a canvas of
/// any size. The data table is [`table`]'s, asked for when a reader opens it.
pub fn page(model: &Model, view: View, lang: Lang, shown: Shown) -> PageText {
    let w = words(lang);
    PageText {
        lang,
        title: model.title.clone(),
        subtitle: views::subtitle(model, view, lang),
        views: View::all_for(model).into_iter().map(|v| (v, views::label(model, v, lang))).collect(),
        legend: views::legend(model, view, lang),
        notes: footnotes(model, &views::footnotes(model, view, shown), lang),
        source: phrase::source_line(model, lang),
        source_url: model.source.as_ref().and_then(|s| s.url.clone()),
        summary: summary(model, view, lang),
        ui: w.ui(),
    }
}

/// The words of each point of `scene` (a layout of `model`), one per hit, in the scene's
/// reading order.
pub fn points(model: &Model, scene: &Scene, lang: Lang) -> Vec<PointText> {
    let view = View::parse(scene.view).unwrap_or_default();
    let p = points::Points::new(model, view, lang);
    scene.hits.hits.iter().map(|h| p.point(h)).collect()
}

/// What a reader wants first from `view`, then the warnings (the view's own summary).
pub fn summary(model: &Model, view: View, lang: Lang) -> String {
    (view.def().summary)(model, lang)
}

/// Every number of `view`: the latest year's for compare and change, every year's for trend,
/// every area's for cities.
pub fn table(model: &Model, view: View, lang: Lang) -> Table {
    (view.def().table)(model, lang)
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
    use crate::format::{count, percent};
    use crate::layout::Options;
    use crate::views::{self, layout, tier_in};

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
            let fig = views::figure(&m, View::Trend, h).unwrap();
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
