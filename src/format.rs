//! The one number formatter for every surface (canvas, SVG, tooltip, summary, table).
//!
//! Numbers are rounded in integer arithmetic to the precision they were stated with, so
//! `15.5 − 0.7` prints as `14.8`, never `14.799999`. No `f64` `Display` is used: it is both
//! the source of such artefacts and a large piece of a wasm binary.

/// The language of every generated text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// `zh`, `zh-CN`, `zh-Hans` … → Chinese; `en`, `en-GB` … → English.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "zh" | "" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// `value` scaled to an integer count of `10^-decimals` units, rounded half away from zero.
/// The small nudge absorbs binary representation error (14.8 is stored as 14.7999…).
pub fn to_units(value: f64, decimals: u8) -> i64 {
    let scaled = value * pow10(decimals);
    let nudge = if scaled >= 0.0 { 1e-7 } else { -1e-7 };
    (scaled + nudge).round() as i64
}

pub fn pow10(decimals: u8) -> f64 {
    let mut p = 1.0;
    for _ in 0..decimals {
        p *= 10.0;
    }
    p
}

/// The fewest decimals (up to 6) that write `value` exactly as it was typed.
pub fn decimals_of(value: f64) -> u8 {
    for d in 0..6u8 {
        let scaled = value * pow10(d);
        if (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0) {
            return d;
        }
    }
    6
}

/// `value` with exactly `decimals` decimals: `fixed(14.799999, 1)` → `"14.8"`.
pub fn fixed(value: f64, decimals: u8) -> String {
    let units = to_units(value, decimals);
    let mut out = String::new();
    if units < 0 {
        out.push('−');
    }
    push_units(&mut out, units.unsigned_abs(), decimals, false);
    out
}

/// A rate with its percent sign: `"15.5%"`.
pub fn percent(value: f64, decimals: u8) -> String {
    let mut s = fixed(value, decimals);
    s.push('%');
    s
}

/// A signed difference: `"+0.7"`, `"−0.3"`; `None` when it rounds to zero.
pub fn signed(value: f64, decimals: u8) -> Option<String> {
    let units = to_units(value, decimals);
    if units == 0 {
        return None;
    }
    let mut out = String::from(if units > 0 { "+" } else { "−" });
    push_units(&mut out, units.unsigned_abs(), decimals, false);
    Some(out)
}

/// A difference in percentage points, in words: `"+0.7 个百分点"`, `"持平"`;
/// `"+0.7 pp"`, `"unchanged"`.
pub fn points(value: f64, decimals: u8, lang: Lang) -> String {
    match (signed(value, decimals), lang) {
        (Some(s), Lang::Zh) => format!("{s} 个百分点"),
        (Some(s), Lang::En) => format!("{s} pp"),
        (None, Lang::Zh) => "持平".to_string(),
        (None, Lang::En) => "unchanged".to_string(),
    }
}

/// A count with thousands separators: `36192` → `"36,192"`.
pub fn count(n: u64) -> String {
    let mut out = String::new();
    push_units(&mut out, n, 0, true);
    out
}

fn push_units(out: &mut String, units: u64, decimals: u8, group: bool) {
    let digits = units.to_string();
    let d = decimals as usize;
    let padded = if digits.len() <= d { format!("{}{}", "0".repeat(d + 1 - digits.len()), digits) } else { digits };
    let (int, frac) = padded.split_at(padded.len() - d);
    for (i, c) in int.chars().enumerate() {
        if group && i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if d > 0 {
        out.push('.');
        out.push_str(frac);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_to_stated_precision() {
        assert_eq!(fixed(15.5 - 0.7, 1), "14.8");
        assert_eq!(fixed(48.6 - 3.4, 1), "45.2");
        assert_eq!(fixed(5872.0 / 36192.0 * 100.0, 1), "16.2");
        assert_eq!(fixed(0.05, 1), "0.1");
        assert_eq!(fixed(-0.25, 1), "−0.3");
        assert_eq!(fixed(7.0, 0), "7");
        assert_eq!(fixed(0.04, 2), "0.04");
        assert_eq!(percent(48.6, 1), "48.6%");
    }

    #[test]
    fn signs_and_zero() {
        assert_eq!(signed(0.7, 1).as_deref(), Some("+0.7"));
        assert_eq!(signed(-0.3, 1).as_deref(), Some("−0.3"));
        assert_eq!(signed(0.04, 1), None);
        assert_eq!(points(0.4, 1, Lang::Zh), "+0.4 个百分点");
        assert_eq!(points(-1.25, 2, Lang::En), "−1.25 pp");
        assert_eq!(points(0.0, 1, Lang::Zh), "持平");
        assert_eq!(points(0.0, 1, Lang::En), "unchanged");
    }

    #[test]
    fn counts_and_decimals() {
        assert_eq!(count(36192), "36,192");
        assert_eq!(count(5872), "5,872");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000_000), "1,000,000");
        assert_eq!(decimals_of(15.5), 1);
        assert_eq!(decimals_of(48.57), 2);
        assert_eq!(decimals_of(16.0), 0);
        assert_eq!(decimals_of(0.1 + 0.2), 1);
    }

    #[test]
    fn lang_tags() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
