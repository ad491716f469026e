//! Describe: the chart in words and as a table — the summary read by screen readers, the
//! data table behind "查看数据 / View data", and what a tooltip says about each point.
//!
//! Pure Rust, like the layout it reads. The shell puts these strings into the DOM with
//! `textContent` only; nothing here is HTML.

use crate::format::{count, percent, points, Lang};
use crate::layout::{self, Layout, Rect, Series, View};
use crate::model::{Figure, Model, TierModel};
use crate::text;

/// What a reader hears or sees about one data point.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub series: Series,
    /// Index into the current year's tiers.
    pub tier: usize,
    /// Where it is, in device pixels (the layout's hit rectangle).
    pub rect: Rect,
    /// "一本线 · 运城市 · 2019年"
    pub heading: String,
    /// "15.5%"
    pub value: String,
    /// Counts, differences, provenance and warnings, one per line.
    pub lines: Vec<String>,
    /// One sentence for a live region.
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

/// Every number of the latest year, one row per tier.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The warnings, each with its marker: "① 2019年一本线：…".
    pub notes: Vec<String>,
}

/// The tab label of a view.
pub fn view_label(model: &Model, view: View, lang: Lang) -> String {
    match (view, lang) {
        (View::Compare, Lang::Zh) => format!("对比{}", model.reference),
        (View::Compare, Lang::En) => format!("Compared with {}", model.reference),
        (View::Change, Lang::Zh) => "同比变化".to_string(),
        (View::Change, Lang::En) => "Change on the year".to_string(),
        (View::Trend, Lang::Zh) => "历年走势".to_string(),
        (View::Trend, Lang::En) => "Over the years".to_string(),
    }
}

fn marks(f: &Figure) -> String {
    f.warnings.iter().map(|w| text::marker(w + 1)).collect()
}

/// The footnotes of `ids`, each with its marker.
pub fn footnotes(model: &Model, ids: &[usize], lang: Lang) -> Vec<String> {
    ids.iter().map(|&w| format!("{} {}", text::marker(w + 1), text::warning(&model.warnings[w], model, lang))).collect()
}

fn gap_phrase(d: &Figure, reference: &str, lang: Lang) -> String {
    let abs = crate::format::fixed(d.value.abs(), d.decimals);
    let zero = crate::format::signed(d.value, d.decimals).is_none();
    match lang {
        Lang::Zh if zero => format!("与{reference}持平"),
        Lang::Zh => format!("{}{reference}{abs}个百分点", if d.value > 0.0 { "高于" } else { "低于" }),
        Lang::En if zero => format!("level with {reference}"),
        Lang::En => format!("{abs} points {} {reference}", if d.value > 0.0 { "above" } else { "below" }),
    }
}

fn change_phrase(d: &Figure, lang: Lang) -> String {
    let abs = crate::format::fixed(d.value.abs(), d.decimals);
    let zero = crate::format::signed(d.value, d.decimals).is_none();
    match lang {
        Lang::Zh if zero => "与上年持平".to_string(),
        Lang::Zh => format!("比上年{}{abs}个百分点", if d.value > 0.0 { "提高" } else { "下降" }),
        Lang::En if zero => "unchanged on the year".to_string(),
        Lang::En => format!("{} {abs} points on the year", if d.value > 0.0 { "up" } else { "down" }),
    }
}

/// One sentence per tier, then the warnings: "运城市一本线达线率15.5%，高于山西省0.7个百分点，
/// 比上年提高0.4个百分点。"
pub fn summary(model: &Model, lang: Lang) -> String {
    let year = model.current();
    let mut out = String::new();
    if lang == Lang::En {
        out.push_str(&format!("{}, {}. ", model.region, year.year));
    }
    for t in &year.tiers {
        let rate = percent(t.rate.value, t.rate.decimals);
        let mut parts = Vec::new();
        if let Some(d) = &t.vs_reference {
            parts.push(gap_phrase(d, &model.reference, lang));
        }
        if let Some(d) = &t.vs_previous {
            parts.push(change_phrase(d, lang));
        }
        match lang {
            Lang::Zh => {
                out.push_str(&format!("{}{}达线率{rate}", model.region, t.name));
                for p in parts {
                    out.push('，');
                    out.push_str(&p);
                }
                out.push('。');
            }
            Lang::En => {
                out.push_str(&format!("{}: {rate}", t.name));
                if !parts.is_empty() {
                    out.push_str(", ");
                    out.push_str(&parts.join(", "));
                }
                out.push_str(". ");
            }
        }
    }
    let ids: Vec<usize> = (0..model.warnings.len()).filter(|&w| model.warnings[w].year == year.year).collect();
    if !ids.is_empty() {
        out.push_str(match lang {
            Lang::Zh => "注意：",
            Lang::En => "Note: ",
        });
        let notes: Vec<String> = ids.iter().map(|&w| text::warning(&model.warnings[w], model, lang)).collect();
        out.push_str(&notes.join(" "));
    }
    out.trim_end().to_string()
}

fn figure_cell(f: Option<&Figure>, model: &Model, lang: Lang, as_points: bool) -> Cell {
    match f {
        None => Cell { text: "—".into(), derived: false, provenance: String::new(), markers: String::new() },
        Some(f) => Cell {
            text: if as_points { points(f.value, f.decimals, lang) } else { percent(f.value, f.decimals) },
            derived: f.is_derived(),
            provenance: text::provenance(f, model, lang),
            markers: marks(f),
        },
    }
}

fn text_cell(s: String) -> Cell {
    Cell { text: s, derived: false, provenance: String::new(), markers: String::new() }
}

/// Every number of the latest year, stated and derived, with the warnings.
pub fn table(model: &Model, lang: Lang) -> Table {
    let year = model.current();
    let (r, f) = (&model.region, &model.reference);
    let prev = year.year - 1;
    let columns: Vec<String> = match lang {
        Lang::Zh => vec![
            "批次".into(),
            format!("{r}达线率"),
            format!("{f}达线率"),
            format!("与{f}相比"),
            format!("{prev}年达线率"),
            "比上年".into(),
            "达线人数".into(),
            "参考人数".into(),
            "按人数计算的达线率".into(),
        ],
        Lang::En => vec![
            "Tier".into(),
            format!("{r} rate"),
            format!("{f} rate"),
            format!("vs {f}"),
            format!("{prev} rate"),
            "Change on the year".into(),
            "Passed".into(),
            "Candidates".into(),
            "Rate from the counts".into(),
        ],
    };
    let rows = year
        .tiers
        .iter()
        .map(|t: &TierModel| {
            vec![
                text_cell(t.name.clone()),
                figure_cell(Some(&t.rate), model, lang, false),
                figure_cell(t.reference_rate.as_ref(), model, lang, false),
                figure_cell(t.vs_reference.as_ref(), model, lang, true),
                figure_cell(t.previous_rate.as_ref(), model, lang, false),
                figure_cell(t.vs_previous.as_ref(), model, lang, true),
                text_cell(t.passed.map_or("—".into(), count)),
                text_cell(t.candidates.map_or("—".into(), count)),
                figure_cell(t.rate_from_counts.as_ref(), model, lang, false),
            ]
        })
        .collect();
    let caption = match lang {
        Lang::Zh => format!("{}（{}年）：全部数字，标注“推算”的由原文数字算出", model.title, year.year),
        Lang::En => format!(
            "{} ({}): every number; those marked “derived” are computed from stated ones",
            model.title, year.year
        ),
    };
    let ids: Vec<usize> = (0..model.warnings.len()).collect();
    Table { caption, columns, rows, notes: footnotes(model, &ids, lang) }
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
    let derived = match lang {
        Lang::Zh => "推算",
        Lang::En => "derived",
    };
    let mut h = String::from("<table class=\"passrate-table\">\n");
    h.push_str(&format!("<caption>{}</caption>\n<thead><tr>", escape_html(&t.caption)));
    for c in &t.columns {
        h.push_str(&format!("<th scope=\"col\">{}</th>", escape_html(c)));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    let mut how = Vec::new();
    for row in &t.rows {
        h.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let tag = if i == 0 { "th scope=\"row\"" } else { "td" };
            let close = if i == 0 { "th" } else { "td" };
            h.push_str(&format!("<{tag}>{}", escape_html(&cell.text)));
            if cell.derived {
                h.push_str(&format!(" <small>({derived})</small>"));
                how.push(format!("{} · {} {}：{}", row[0].text, t.columns[i], cell.text, cell.provenance));
            }
            if !cell.markers.is_empty() {
                h.push_str(&format!("<sup>{}</sup>", escape_html(&cell.markers)));
            }
            h.push_str(&format!("</{close}>"));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
    for (class, items) in [("passrate-derivations", &how), ("passrate-notes", &t.notes)] {
        if !items.is_empty() {
            h.push_str(&format!("<ul class=\"{class}\">\n"));
            for item in items {
                h.push_str(&format!("<li>{}</li>\n", escape_html(item)));
            }
            h.push_str("</ul>\n");
        }
    }
    h
}

fn area_of(model: &Model, s: Series) -> &str {
    match s {
        Series::Reference => &model.reference,
        _ => &model.region,
    }
}

/// The data points of a drawn layout in reading order (tier by tier: last year, the region,
/// the reference, the count-based rate), with what to say about each.
pub fn data_points(model: &Model, l: &Layout, lang: Lang) -> Vec<Point> {
    reading_order(l).into_iter().filter_map(|h| point(model, h, lang)).collect()
}

/// The layout's hits in reading order: tier by tier, last year, the region, the reference,
/// the count-based rate. Keyboard order, `data_points` and the shell's indexes all use it.
pub fn reading_order(l: &Layout) -> Vec<&layout::Hit> {
    let rank = |s: Series| match s {
        Series::Previous => 0,
        Series::Region => 1,
        Series::Reference => 2,
        Series::FromCounts => 3,
    };
    let mut hits: Vec<&layout::Hit> = l.hits.hits.iter().collect();
    hits.sort_by_key(|h| (h.tier, rank(h.series)));
    hits
}

fn point(model: &Model, h: &layout::Hit, lang: Lang) -> Option<Point> {
    let f = layout::figure(model, h)?;
    let t = model.current().tiers.get(h.tier)?;
    let year = match lang {
        Lang::Zh => text::year_label(h.year, lang),
        Lang::En => h.year.to_string(),
    };
    let what = match (h.series, lang) {
        (Series::FromCounts, Lang::Zh) => "按人数计算".to_string(),
        (Series::FromCounts, Lang::En) => "from the counts".to_string(),
        _ => year,
    };
    let heading = format!("{} · {} · {what}", t.name, area_of(model, h.series));
    let value = percent(f.value, f.decimals);
    let mut lines = Vec::new();
    if matches!(h.series, Series::Region | Series::FromCounts) {
        if let (Some(p), Some(c)) = (t.passed, t.candidates) {
            lines.push(match lang {
                Lang::Zh => format!("达线 {} 人 / 参考 {} 人", count(p), count(c)),
                Lang::En => format!("{} of {} candidates passed", count(p), count(c)),
            });
        }
    }
    if h.series == Series::Region {
        if let Some(d) = &t.vs_reference {
            lines.push(match lang {
                Lang::Zh => format!("与{}相比 {}", model.reference, points(d.value, d.decimals, lang)),
                Lang::En => format!("{} vs {}", points(d.value, d.decimals, lang), model.reference),
            });
        }
        if let Some(d) = &t.vs_previous {
            lines.push(match lang {
                Lang::Zh => format!("比上年 {}", points(d.value, d.decimals, lang)),
                Lang::En => format!("{} on the year", points(d.value, d.decimals, lang)),
            });
        }
    }
    let provenance = text::provenance(f, model, lang);
    lines.push(provenance.clone());
    let notes = footnotes(model, &f.warnings, lang);
    lines.extend(notes.iter().cloned());
    let spoken = match lang {
        Lang::Zh => format!("{}，{}：{value}，{provenance}。{}", t.name, area_of(model, h.series), notes.join(" ")),
        Lang::En => format!("{}, {}: {value}, {provenance}. {}", t.name, area_of(model, h.series), notes.join(" ")),
    };
    Some(Point {
        series: h.series,
        tier: h.tier,
        rect: h.rect,
        heading,
        value,
        lines,
        spoken: spoken.trim_end().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{layout, Options};

    const SEED: &str = include_str!("../www/data/yuncheng-2019.json");

    #[test]
    fn summary_in_both_languages() {
        let m = crate::parse(SEED).unwrap();
        let zh = summary(&m, Lang::Zh);
        assert!(zh.starts_with("运城市一本线达线率15.5%，高于山西省0.7个百分点，比上年提高0.4个百分点。"), "{zh}");
        assert!(zh.contains("运城市二本线达线率48.6%，高于山西省3.4个百分点，比上年提高1.7个百分点。"), "{zh}");
        assert!(zh.contains("注意：") && zh.contains("16.2%"), "{zh}");
        let en = summary(&m, Lang::En);
        assert!(en.contains("一本线: 15.5%, 0.7 points above 山西省, up 0.4 points on the year."), "{en}");
    }

    #[test]
    fn table_marks_derived_cells_and_warnings() {
        let m = crate::parse(SEED).unwrap();
        let t = table(&m, Lang::Zh);
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
    }

    #[test]
    fn table_html_escapes_data_and_marks_derived_numbers() {
        let m = crate::parse(&SEED.replace("运城市\",", "<img src=x onerror=alert(1)>\",")).unwrap();
        let html = table_html(&table(&m, Lang::Zh), Lang::Zh);
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;达线率"), "{html}");
        assert!(html.contains("<th scope=\"row\">一本线</th>"));
        assert!(html.contains("<td>14.8% <small>(推算)</small><sup>①</sup></td>"), "{html}");
        assert!(html.contains("15.5 − 0.7 = 14.8"));
    }

    #[test]
    fn points_in_reading_order_with_provenance() {
        let m = crate::parse(SEED).unwrap();
        let l = layout(&m, View::Compare, &Options::default());
        let p = data_points(&m, &l, Lang::Zh);
        let order: Vec<(usize, Series)> = p.iter().map(|p| (p.tier, p.series)).collect();
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
        assert_eq!(p[1].heading, "一本线 · 山西省 · 2019年");
        assert_eq!(p[1].value, "14.8%");
        assert!(p[1].lines.iter().any(|l| l.contains("由") && l.contains("推算")), "{:?}", p[1].lines);
        assert!(p[0].lines.contains(&"达线 5,872 人 / 参考 36,192 人".to_string()));
        assert!(p[0].spoken.contains("15.5%") && p[0].spoken.contains("①"), "{}", p[0].spoken);
        let c = layout(&m, View::Change, &Options { lang: Lang::En, ..Options::default() });
        let p = data_points(&m, &c, Lang::En);
        assert_eq!(p[0].heading, "一本线 · 运城市 · 2018");
        assert_eq!(p[0].value, "15.1%");
    }
}
