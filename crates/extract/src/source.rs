//! Who issued the report and when: `source.name` and `source.date`, each with the words that
//! say it. The publisher named in a header, a 来源 line, a date-and-issuer line, a signature
//! or a dateline comes first; otherwise the body the figures are said to come from
//! (记者从天水市教育考试院了解到, "the city's education bureau said"). A body without its
//! proper name (市招生考试中心, "the municipal education bureau") names nobody.

use super::scan::{is_han, Doc, Kind};
use super::Span;
use passrate_chart::lang::Lang;

/// The source as found: its name and its date (`YYYY-MM-DD`), each with its span.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    pub name: Option<Span>,
    pub date: Option<(Span, String)>,
}

/// Endings of the name of a body that issues results (longest first).
const ZH_BODIES: &[&str] = &[
    "教育科技局",
    "教育局",
    "考试院",
    "考试中心",
    "管理中心",
    "教育厅",
    "日报",
    "晚报",
    "网",
    "教育发布",
    "教体局",
    "电视台",
    "融媒体中心",
];

/// Words that end an English body's name.
const EN_BODIES: &[&str] = &["Bureau", "Authority", "Department", "Commission", "Centre", "Center", "Xinhua"];

pub(super) fn source(doc: &Doc) -> Found {
    Found { name: name(doc), date: date(doc) }
}

/// The Chinese body whose name ends at `end` (`span.of(text)` ends with a body's ending), if
/// its proper name is there: 泽川市教育局, 朔州日报, 汾城教育发布; not 市教育局.
fn zh_body(text: &str, from: usize, end: usize) -> Option<Span> {
    let s = &text[from..end];
    ZH_BODIES.iter().find(|b| s.ends_with(*b))?;
    let start = s.char_indices().rev().take_while(|(_, c)| is_han(*c)).last().map(|(i, _)| from + i)?;
    let name = &text[start..end];
    let stops = ["记者从", "从", "据", "由", "经", "来源", "本报", "今年", "关于"];
    let base = start;
    let start = stops.iter().filter_map(|st| name.rfind(st).map(|k| base + k + st.len())).max().unwrap_or(base);
    let name = &text[start..end];
    let own = name.chars().count() >= 3 && !name.starts_with(['市', '省', '县', '区', '本', '我', '该']);
    own.then_some(Span::new(start, end))
}

fn name(doc: &Doc) -> Option<Span> {
    match doc.lang {
        Lang::Zh => zh_name(doc),
        Lang::En => en_name(doc),
    }
}

fn zh_name(doc: &Doc) -> Option<Span> {
    let text = doc.text;
    let lines: Vec<Span> = doc.lines.iter().map(|l| super::scan::trim(text, *l)).filter(|l| l.start < l.end).collect();
    // 来源：榆岭市教育招生考试院
    for l in &lines {
        let s = l.of(text);
        if let Some(k) = s.find("来源") {
            let rest = l.start + k + "来源".len();
            let rest = rest + text[rest..].find(|c: char| is_han(c)).unwrap_or(0);
            let end = rest + text[rest..l.end].find(|c: char| !is_han(c)).unwrap_or(l.end - rest);
            if let Some(b) = zh_body(text, rest, end) {
                return Some(b);
            }
        }
    }
    // A short line: a header, a date-and-issuer line, a signature, a sign-off, 供稿.
    let short = |l: &&Span| l.of(text).chars().count() <= 40;
    let heads = lines.iter().take(3).filter(short);
    let tails = lines.iter().rev().take(3).filter(short);
    for l in heads.chain(tails) {
        for piece in pieces(text, *l) {
            // 泽川市教育局供稿, （沁川广播电视台记者 李明 报道）
            let p = piece.of(text).trim_end_matches("供稿").trim_end_matches("记者");
            if let Some(b) = zh_body(text, piece.start, piece.start + p.len()) {
                // (a piece is one run of characters: the body is the whole piece, not its tail)
                if b.start == piece.start {
                    return Some(b);
                }
            }
        }
    }
    // 青岩网讯, 泽川市教育局发布…, 安平县教育科技局关于…
    for l in lines.iter().take(4) {
        let s = l.of(text);
        for mark in ["讯", "发布", "关于"] {
            if let Some(k) = s.find(mark) {
                if let Some(b) = zh_body(text, l.start, l.start + k) {
                    return Some(b);
                }
            }
        }
    }
    // 记者从晋城市教育局获悉
    for verb in ["获悉", "了解到", "获知", "得知"] {
        if let Some(k) = text.find(verb) {
            let line = lines.iter().find(|l| l.start <= k && k <= l.end)?;
            let mut from = line.start.max(k.saturating_sub(60));
            while !text.is_char_boundary(from) {
                from += 1;
            }
            if let Some(b) = zh_body(text, from, k) {
                return Some(b);
            }
        }
    }
    None
}

/// A line cut at runs of white space, brackets and the marks around a sign-off (——, 📍).
fn pieces(text: &str, line: Span) -> Vec<Span> {
    let s = line.of(text);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if is_han(c) {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push(Span::new(line.start + st, line.start + i));
        }
    }
    if let Some(st) = start {
        out.push(Span::new(line.start + st, line.end));
    }
    out
}

fn en_name(doc: &Doc) -> Option<Span> {
    let text = doc.text;
    // (Xinhua)
    if let Some(k) = text.find("(Xinhua)") {
        return Some(Span::new(k + 1, k + 7));
    }
    // Capitalised words ending with Bureau, Authority …
    let bytes = text.as_bytes();
    let mut best: Option<Span> = None;
    for body in EN_BODIES {
        let mut from = 0;
        while let Some(k) = text[from..].find(body).map(|k| from + k) {
            from = k + body.len();
            let mut start = k;
            loop {
                let before = text[..start].trim_end_matches(' ');
                if before.len() == start {
                    break;
                }
                let word_start = before.rfind(|c: char| !c.is_ascii_alphabetic()).map_or(0, |i| i + 1);
                let word = &before[word_start..];
                // "Luoshan County Education and Sports Bureau": a joining word between capitals.
                let joining = ["and", "of", "for"].contains(&word) && {
                    let earlier = before[..word_start].trim_end_matches(' ');
                    let w = earlier.rfind(|c: char| !c.is_ascii_alphabetic()).map_or(0, |i| i + 1);
                    earlier[w..].starts_with(|c: char| c.is_ascii_uppercase()) && earlier[w..] != *"The"
                };
                if !joining && (word.is_empty() || !word.starts_with(|c: char| c.is_ascii_uppercase()) || word == "The")
                {
                    break;
                }
                start = word_start;
            }
            let own = start < k && bytes.get(start).is_some_and(|b| b.is_ascii_uppercase());
            if own && best.is_none_or(|b| k < b.start) {
                best = Some(Span::new(start, k + body.len()));
            }
        }
    }
    best
}

/// The date of a date line, header, dateline or signature, when it has its year.
fn date(doc: &Doc) -> Option<(Span, String)> {
    let text = doc.text;
    doc.tokens.iter().find_map(|t| {
        let Kind::Date(Some(year)) = t.kind else { return None };
        let line = doc.lines.iter().find(|l| l.start <= t.number.start && t.number.start <= l.end)?;
        let short = line.of(text).trim().chars().count() <= 40;
        // 留言时间：…, 考试时间：…: the date of something else, not of the release.
        let label = text[line.start..t.whole.start].trim().trim_end_matches([':', '：']).trim_end();
        let label =
            &label[label.char_indices().rev().take_while(|(_, c)| is_han(*c)).last().map_or(label.len(), |(i, _)| i)..];
        let dated = ["时间", "日期"].iter().find_map(|w| label.strip_suffix(w));
        if dated.is_some_and(|what| !["", "发布", "回复", "更新", "发稿", "印发"].contains(&what)) {
            return None;
        }
        let wire = text[line.start..t.whole.start].chars().count() <= 30
            && super::scan::dashes_after(&text[t.whole.end..line.end]);
        if !(short || wire) {
            return None;
        }
        let (month, day) = month_day(t.whole.of(text), year)?;
        let written = match day {
            Some(d) => format!("{year:04}-{month:02}-{d:02}"),
            None => format!("{year:04}-{month:02}"),
        };
        Some((t.whole, written))
    })
}

/// The month and day of a date written `2019年8月14日`, `2019-08-14`, `June 25, 2023` or
/// `3 July 2022`.
fn month_day(s: &str, year: i32) -> Option<(u32, Option<u32>)> {
    let numbers: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .filter_map(|n| n.parse().ok())
        .filter(|n| *n != year as u32)
        .collect();
    let lower = s.to_ascii_lowercase();
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let named = MONTHS.iter().position(|m| lower.contains(m)).map(|m| m as u32 + 1);
    let (month, day) = match named {
        Some(m) => (m, numbers.first().copied()),
        None => (*numbers.first()?, numbers.get(1).copied()),
    };
    ((1..=12).contains(&month) && day.is_none_or(|d| (1..=31).contains(&d))).then_some((month, day))
}

#[cfg(test)]
mod tests {
    use super::super::scan::scan;
    use super::*;

    fn found(text: &str) -> (Option<String>, Option<String>) {
        let doc = scan(text);
        let f = source(&doc);
        (f.name.map(|s| s.of(text).to_string()), f.date.map(|d| d.1))
    }

    #[test]
    fn chinese_sources() {
        let t =
            "泽川市2019年普通高考本科达线情况通报\n时间：2019-08-14  来源：泽川市教育局\n\n2019年全市一本达线4870人。";
        assert_eq!(found(t), (Some("泽川市教育局".into()), Some("2019-08-14".into())));
        let t = "标题一行\n\n记者从晋城市教育局获悉，今年一本达线4870人。";
        assert_eq!(found(t), (Some("晋城市教育局".into()), None));
        let t = "标题一行\n\n记者从市招生考试中心获悉，今年一本达线4870人。";
        assert_eq!(found(t), (None, None));
        let t = "正文一本达线4870人。\n\n岚州市教育局\n2023年3月15日";
        assert_eq!(found(t), (Some("岚州市教育局".into()), Some("2023-03-15".into())));
        // A reporter's sign-off names the publisher before the body the figures came from.
        let t = "标题一行\n\n记者从沁川市教育局了解到，全市一本上线1,877人。\n\n（沁川广播电视台记者 李明 报道）";
        assert_eq!(found(t).0.as_deref(), Some("沁川广播电视台"));
        // A message's time is not the reply's.
        let t = "留言时间：2022-07-08 21:16\n回复单位：城南区教育局\n回复时间：2022-07-12\n回复内容：本科上线2,893人。";
        assert_eq!(found(t), (Some("城南区教育局".into()), Some("2022-07-12".into())));
    }

    #[test]
    fn a_source_line_anywhere() {
        // A long line, far from the head and the tail: only its 来源 names the body.
        let t = "标题一行\n\n第一段。\n\n第二段。\n\n（本文数据来源：泽川市教育局，统计口径为普通类考生，含往届生，不含艺术类和体育类考生）\n\n第三段。\n\n第四段。\n\n第五段。";
        assert_eq!(found(t).0.as_deref(), Some("泽川市教育局"));
    }

    #[test]
    fn blank_lines_do_not_count_as_the_head() {
        let t = "标题一行\n\n\n\n泽川市教育局\n\n第一段。\n\n第二段。\n\n第三段。\n\n第四段。\n\n第五段。";
        assert_eq!(found(t).0.as_deref(), Some("泽川市教育局"));
    }

    #[test]
    fn months_and_days_are_checked() {
        assert_eq!(month_day("2019-08-14", 2019), Some((8, Some(14))));
        assert_eq!(month_day("June 25, 2023", 2023), Some((6, Some(25))));
        assert_eq!(month_day("2019年6月", 2019), Some((6, None)));
        assert_eq!(month_day("2019-14-08", 2019), None);
        assert_eq!(month_day("2019年6月35日", 2019), None);
        assert_eq!(month_day("2019年0月5日", 2019), None);
    }

    #[test]
    fn english_sources() {
        // A body's word alone names nobody.
        let t = "Results came in, the Bureau said.";
        assert_eq!(found(t), (None, None));
        let t = "ZIBO, June 25, 2023 -- Results were out, the Zibo Municipal Education Bureau said on Sunday.";
        assert_eq!(found(t), (Some("Zibo Municipal Education Bureau".into()), Some("2023-06-25".into())));
        let t = "TAIYUAN, Aug. 14 (Xinhua) -- Nearly 50,000 candidates sat.";
        assert_eq!(found(t), (Some("Xinhua".into()), None));
        let t = "Luoshan County Education and Sports Bureau\nResults of the 2022 exam.";
        assert_eq!(found(t).0.as_deref(), Some("Luoshan County Education and Sports Bureau"));
        let t = "Results came in, the municipal education bureau said.";
        assert_eq!(found(t), (None, None));
    }
}
