//! Words and text geometry: every sentence the chart generates, in Chinese and English, and
//! an estimate of how wide a string is, for layout.
//!
//! Widths are estimates from character classes, not font metrics, so the layout works the
//! same natively (SVG) and in the browser; they lean wide so real text fits in the room left.

use crate::format::{count, fixed, percent, points, Lang};
use crate::model::{Field, Figure, Model, Provenance, Rule, StatedRef, Warning, WarningKind};

/// The font stack for every label: CJK faces first so Chinese renders in a matching face.
pub const FONT_STACK: &str = "\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",\"Noto Sans SC\",\"Source Han Sans SC\",sans-serif";

/// Estimated advance of one character, in ems.
fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.3,
        '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'i' | 'l' | 'j' => 0.3,
        '(' | ')' | '[' | ']' | '-' | 'f' | 't' | 'r' => 0.4,
        '%' | 'm' | 'w' | 'M' | 'W' => 0.95,
        'A'..='Z' => 0.7,
        '0'..='9' | '+' | '−' | '=' | '÷' | '×' | '→' => 0.6,
        c if c.is_ascii() => 0.58,
        // CJK, full-width punctuation, circled numbers: one em.
        _ => 1.0,
    }
}

/// Estimated width of `text` at font size `size` (same unit as `size`).
pub fn width(text: &str, size: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * size
}

/// Closing punctuation that must not start a line.
fn no_line_start(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '）' | '」' | '”' | '！' | '？' | ',' | '.' | ')' | ';' | ':' | '%')
}

/// Breaks `text` into lines no wider than `max` (at `size`): between CJK characters anywhere,
/// between Latin words at spaces, never before closing punctuation. A word wider than a line
/// is broken where it must be.
pub fn wrap(text: &str, size: f64, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    // Units that may not be split: a run of ASCII non-space characters, or one other char.
    let mut units: Vec<String> = Vec::new();
    for c in text.chars() {
        let joins_word = c.is_ascii()
            && c != ' '
            && units.last().is_some_and(|u| {
                let last = u.chars().last().unwrap_or(' ');
                last.is_ascii() && last != ' '
            });
        if joins_word || (no_line_start(c) && !units.is_empty()) {
            if let Some(u) = units.last_mut() {
                u.push(c);
            }
        } else {
            units.push(c.to_string());
        }
    }
    let mut line = String::new();
    for unit in units {
        let candidate = format!("{line}{unit}");
        if width(candidate.trim_end(), size) <= max || line.trim().is_empty() {
            line = candidate;
        } else {
            lines.push(line.trim_end().to_string());
            line = unit.trim_start().to_string();
        }
        // A single unit wider than the line (a long word or run of symbols): break it by
        // characters, wherever it stands.
        while width(line.trim_end(), size) > max && line.chars().count() > 1 {
            let mut head = String::new();
            for c in line.chars() {
                if width(&format!("{head}{c}"), size) > max && !head.is_empty() {
                    break;
                }
                head.push(c);
            }
            let rest: String = line.chars().skip(head.chars().count()).collect();
            lines.push(head.trim_end().to_string());
            line = rest;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// `text` cut to fit `max`, with an ellipsis when cut.
pub fn ellipsize(text: &str, size: f64, max: f64) -> String {
    if width(text, size) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if width(&format!("{out}{c}…"), size) > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// ①, ②, … ⑳, then (21), (22) …
pub fn marker(n: usize) -> String {
    if (1..=20).contains(&n) {
        char::from_u32(0x2460 + n as u32 - 1).map(String::from).unwrap_or_default()
    } else {
        format!("({n})")
    }
}

pub fn compare_subtitle(m: &Model, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年各批次达线率：{}与{}", m.region, m.reference),
        Lang::En => format!("{year} pass rates by tier: {} vs {}", m.region, m.reference),
    }
}

pub fn change_subtitle(m: &Model, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}各批次达线率：{}年 → {year}年", m.region, year - 1),
        Lang::En => format!("{} pass rates by tier, {} → {year}", m.region, year - 1),
    }
}

pub fn trend_subtitle(m: &Model, lang: Lang) -> String {
    let (first, last) = (m.years.first().map_or(0, |y| y.year), m.current().year);
    match lang {
        Lang::Zh => format!("{}与{}各批次达线率，{first}—{last}年", m.region, m.reference),
        Lang::En => format!("{} and {} pass rates by tier, {first}–{last}", m.region, m.reference),
    }
}

pub fn gap_legend(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "阴影 = 两者之差",
        Lang::En => "Shaded = the gap",
    }
}

/// The trend panel's header note: the latest gap to the reference.
pub fn latest_gap(m: &Model, gap: &Figure, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年与{}相差 {}", m.reference, crate::format::points(gap.value, gap.decimals, lang)),
        Lang::En => format!("{year}: {} vs {}", crate::format::points(gap.value, gap.decimals, lang), m.reference),
    }
}

/// The same, where there is little room: "差距 +1.1" / "gap +1.1".
pub fn short_gap(gap: &Figure, lang: Lang) -> String {
    let s = crate::format::signed(gap.value, gap.decimals).unwrap_or_else(|| "0".into());
    match lang {
        Lang::Zh => format!("差距 {s}"),
        Lang::En => format!("gap {s}"),
    }
}

pub fn year_label(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年"),
        Lang::En => year.to_string(),
    }
}

pub fn derived_bar_legend(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "斜线 = 推算值（原文未直接公布）",
        Lang::En => "Hatched = derived (not stated in the source)",
    }
}

pub fn derived_dot_legend(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "空心 = 推算值（原文未直接公布）",
        Lang::En => "Hollow = derived (not stated in the source)",
    }
}

pub fn counts_marker_legend(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "虚线 = 按人数计算的达线率",
        Lang::En => "Dashed line = rate computed from the counts",
    }
}

pub fn points_unit_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "差值单位：百分点",
        Lang::En => "Differences in percentage points",
    }
}

pub fn no_previous_tier(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("无{}年数据", year - 1),
        Lang::En => format!("no {} figure", year - 1),
    }
}

pub fn no_previous_year(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("数据未提供{}年的达线率，也未给出与上年的差值，因此无法显示同比变化。图中仅为{year}年的数值。", year - 1),
        Lang::En => format!("The data gives no {} rates and no change on the year, so there is no year-over-year change to show. Only the {year} figures are plotted.", year - 1),
    }
}

pub fn source_line(m: &Model, lang: Lang) -> String {
    let (label, none) = match lang {
        Lang::Zh => ("数据来源：", "未注明"),
        Lang::En => ("Source: ", "not given"),
    };
    match &m.source {
        None => format!("{label}{none}"),
        Some(s) => match (&s.date, lang) {
            (Some(d), Lang::Zh) => format!("{label}{}（{d}）", s.name),
            (Some(d), Lang::En) => format!("{label}{} ({d})", s.name),
            (None, _) => format!("{label}{}", s.name),
        },
    }
}

/// One footnote per warning, without its marker.
pub fn warning(w: &Warning, m: &Model, lang: Lang) -> String {
    let tier = &w.tier;
    let y = w.year;
    match (&w.kind, lang) {
        (WarningKind::CountsDisagree { passed, candidates, computed, stated }, Lang::Zh) => format!(
            "{y}年{tier}：按人数计算 {} ÷ {} = {}，与公布的达线率 {} 不一致（相差 {} 个百分点），原文未说明哪个数字有误。",
            count(*passed), count(*candidates), percent(*computed, stated.decimals), percent(stated.value, stated.decimals),
            fixed((computed - stated.value).abs(), stated.decimals)
        ),
        (WarningKind::CountsDisagree { passed, candidates, computed, stated }, Lang::En) => format!(
            "{y} {tier}: the counts give {} ÷ {} = {}, but the stated rate is {} ({} pp apart); the source does not say which is wrong.",
            count(*passed), count(*candidates), percent(*computed, stated.decimals), percent(stated.value, stated.decimals),
            fixed((computed - stated.value).abs(), stated.decimals)
        ),
        (WarningKind::ReferenceDisagrees { reference, rate, gap }, Lang::Zh) => {
            let d = reference.decimals.max(rate.decimals).max(gap.decimals);
            format!(
                "{y}年{tier}：公布的{}达线率为 {}，但按 {} 与差值 {} 推算应为 {}。",
                m.reference, percent(reference.value, reference.decimals), percent(rate.value, rate.decimals),
                points(gap.value, gap.decimals, lang), percent(rate.value - gap.value, d)
            )
        }
        (WarningKind::ReferenceDisagrees { reference, rate, gap }, Lang::En) => {
            let d = reference.decimals.max(rate.decimals).max(gap.decimals);
            format!(
                "{y} {tier}: the stated {} rate is {}, but {} with a gap of {} gives {}.",
                m.reference, percent(reference.value, reference.decimals), percent(rate.value, rate.decimals),
                points(gap.value, gap.decimals, lang), percent(rate.value - gap.value, d)
            )
        }
        (WarningKind::PreviousDisagrees { previous, rate, change }, Lang::Zh) => {
            let d = previous.decimals.max(rate.decimals).max(change.decimals);
            format!(
                "{y}年{tier}：{}年的达线率为 {}，但按 {} 与同比变化 {} 推算应为 {}。",
                y - 1, percent(previous.value, previous.decimals), percent(rate.value, rate.decimals),
                points(change.value, change.decimals, lang), percent(rate.value - change.value, d)
            )
        }
        (WarningKind::PreviousDisagrees { previous, rate, change }, Lang::En) => {
            let d = previous.decimals.max(rate.decimals).max(change.decimals);
            format!(
                "{y} {tier}: the {} rate is given as {}, but {} with a change of {} gives {}.",
                y - 1, percent(previous.value, previous.decimals), percent(rate.value, rate.decimals),
                points(change.value, change.decimals, lang), percent(rate.value - change.value, d)
            )
        }
    }
}

fn field_name(r: &StatedRef, m: &Model, lang: Lang) -> String {
    match (r.field, lang) {
        (Field::Rate, Lang::Zh) => format!("{}年{}达线率 {}", r.year, r.tier, percent(r.value, r.decimals)),
        (Field::Rate, Lang::En) => format!("{} {} rate {}", r.year, r.tier, percent(r.value, r.decimals)),
        (Field::ReferenceRate, Lang::Zh) => format!("{}达线率 {}", m.reference, percent(r.value, r.decimals)),
        (Field::ReferenceRate, Lang::En) => format!("{} rate {}", m.reference, percent(r.value, r.decimals)),
        (Field::VsReference, Lang::Zh) => format!("与{}相比 {}", m.reference, points(r.value, r.decimals, lang)),
        (Field::VsReference, Lang::En) => format!("{} vs {}", points(r.value, r.decimals, lang), m.reference),
        (Field::VsPreviousYear, Lang::Zh) => format!("比上年 {}", points(r.value, r.decimals, lang)),
        (Field::VsPreviousYear, Lang::En) => format!("{} on the year", points(r.value, r.decimals, lang)),
        (Field::Passed, Lang::Zh) => format!("达线 {} 人", count(r.value as u64)),
        (Field::Passed, Lang::En) => format!("{} passed", count(r.value as u64)),
        (Field::Candidates, Lang::Zh) => format!("参考 {} 人", count(r.value as u64)),
        (Field::Candidates, Lang::En) => format!("{} candidates", count(r.value as u64)),
    }
}

/// Where a figure comes from, in a sentence: "公布值" / "推算：15.5 − 0.7 = 14.8（由…推算）".
pub fn provenance(f: &Figure, m: &Model, lang: Lang) -> String {
    match (&f.provenance, lang) {
        (Provenance::Stated(_), Lang::Zh) => "原文公布".to_string(),
        (Provenance::Stated(_), Lang::En) => "stated in the source".to_string(),
        (Provenance::Derived { rule, operands: [a, b], inputs }, _) => {
            let result = fixed(f.value, f.decimals);
            let formula = match rule {
                Rule::RateFromCounts => format!("{} ÷ {} × 100 = {result}", count(*a as u64), count(*b as u64)),
                _ => {
                    let b_text = match crate::format::signed(-*b, f.decimals) {
                        Some(s) => s.replacen('+', "+ ", 1).replacen('−', "− ", 1),
                        None => "− 0".to_string(),
                    };
                    format!("{} {b_text} = {result}", fixed(*a, f.decimals))
                }
            };
            let from: Vec<String> = inputs.iter().map(|r| field_name(r, m, lang)).collect();
            match lang {
                Lang::Zh => format!("推算：{formula}（由{}推算）", from.join("、")),
                Lang::En => format!("derived: {formula} (from {})", from.join(", ")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_lean_on_character_class() {
        assert_eq!(width("一本线", 10.0), 30.0);
        assert!(width("15.5%", 10.0) < width("一本线达线", 10.0));
    }

    #[test]
    fn wraps_cjk_anywhere_and_latin_at_spaces() {
        let lines = wrap("运城市2019年高考本科达线情况", 10.0, 60.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(l, 10.0) <= 60.0), "{lines:?}");
        assert_eq!(lines.concat(), "运城市2019年高考本科达线情况");
        let en = wrap("Pass rates by tier in Yuncheng", 10.0, 90.0);
        assert!(en.iter().all(|l| !l.starts_with(' ') && !l.ends_with(' ')), "{en:?}");
        assert_eq!(en.join(" "), "Pass rates by tier in Yuncheng");
    }

    #[test]
    fn long_words_break_wherever_they_stand() {
        let text = format!("山{}西省 and {} more", "\\".repeat(60), "x".repeat(80));
        let lines = wrap(&text, 10.0, 100.0);
        assert!(lines.iter().all(|l| width(l, 10.0) <= 100.0), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn closing_punctuation_stays_on_its_line() {
        let lines = wrap("一二三，四五六", 10.0, 30.0);
        assert!(lines.iter().all(|l| !l.starts_with('，')), "{lines:?}");
    }

    #[test]
    fn markers() {
        assert_eq!(marker(1), "①");
        assert_eq!(marker(20), "⑳");
        assert_eq!(marker(21), "(21)");
    }
}
