//! Text geometry: how wide a string is, where it wraps, where it is cut, for layout. No
//! sentences live here (they are [`crate::words`]'s).
//!
//! Widths are estimates from character classes, not font metrics, so the layout works the
//! same natively (SVG) and in the browser; they lean wide so real text fits in the room left.

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
    ems(text) * size
}

fn ems(text: &str) -> f64 {
    text.chars().map(char_em).sum::<f64>()
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
        let candidate = crate::cat!(line, unit);
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
                if (ems(&head) + char_em(c)) * size > max && !head.is_empty() {
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
        if (ems(&out) + char_em(c) + char_em('…')) * size > max {
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
        crate::cat!("(", n, ")")
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
        let text = crate::cat!("山", "\\".repeat(60), "西省 and ", "x".repeat(80), " more");
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
