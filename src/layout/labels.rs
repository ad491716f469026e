//! Label text and placement shared by the views: value labels with footnote markers, names
//! in two lines, labels kept inside a span.

use crate::format::percent;
use crate::lang::Lang;
use crate::model::{Figure, Model};
use crate::text;

/// A value label with the markers of the footnotes it carries: "15.5%①".
pub(crate) fn value_text(f: &Figure, footnotes: &[usize], percent_sign: bool) -> String {
    let mut s = if percent_sign { percent(f.value, f.decimals) } else { crate::format::fixed(f.value, f.decimals) };
    s.push_str(&markers(f, footnotes));
    s
}

/// Footnote markers are numbered by the warning's place in the model, so a number means the
/// same thing in every view, the table and the tooltips.
pub(crate) fn markers(f: &Figure, footnotes: &[usize]) -> String {
    f.warnings.iter().filter(|w| footnotes.contains(w)).map(|w| text::marker(w + 1)).collect()
}

/// Warnings carried by the figures a view shows, in model order.
pub(crate) fn collect_footnotes<'a>(figures: impl Iterator<Item = &'a Figure>) -> Vec<usize> {
    let mut out: Vec<usize> = figures.flat_map(|f| f.warnings.iter().copied()).collect();
    crate::sort::sort_by(&mut out, |a, b| a.cmp(b));
    out.dedup();
    out
}

/// Each footnote's marker and sentence.
pub(crate) fn footnote_texts(model: &Model, footnotes: &[usize], lang: Lang) -> Vec<(String, String)> {
    footnotes.iter().map(|&i| (text::marker(i + 1), crate::phrase::warning(model, i, lang))).collect()
}

/// The x at which a label `w` wide, centred on `x`, stays within [lo, hi]; centred in the span
/// when it is wider than the span (never panics, unlike `f64::clamp` with lo > hi).
pub(crate) fn centre_within(x: f64, w: f64, lo: f64, hi: f64) -> f64 {
    let (a, b) = (lo + w / 2.0, hi - w / 2.0);
    if a > b {
        (lo + hi) / 2.0
    } else {
        super::clamp(x, a, b)
    }
}

/// `name` in at most two lines of `max` width, the second cut with an ellipsis.
pub(crate) fn two_lines(name: &str, size: f64, max: f64) -> Vec<String> {
    let mut lines = text::wrap(name, size, max);
    if lines.len() > 2 {
        let rest = lines[1..].concat();
        lines.truncate(1);
        lines.push(text::ellipsize(&rest, size, max));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::centre_within;

    /// Kept within the span; a label wider than the span sits on its middle.
    #[test]
    fn centred_within_a_span() {
        assert_eq!(centre_within(50.0, 10.0, 0.0, 100.0), 50.0);
        assert_eq!(centre_within(2.0, 10.0, 0.0, 100.0), 5.0);
        assert_eq!(centre_within(99.0, 10.0, 0.0, 100.0), 95.0);
        assert_eq!(centre_within(3.0, 100.0, 10.0, 30.0), 20.0);
    }
}
