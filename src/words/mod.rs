//! Words: every sentence a reader or an editor sees, one module per language.
//!
//! [`Words`] has one method per sentence and no default bodies, so a sentence added for one
//! language and not the other is a compile error, never an English fallback. Numbers arrive
//! already written by [`crate::format`] (`15.5%`, `+0.7`, `36,192`); a language decides only the
//! words around them and their order. Sentences are joined with [`cat!`](crate::cat), not
//! `format!`, which keeps `core::fmt` off the wasm path.
//!
//! This room owns prose only: no numbers are computed here and no positions are decided.
//!
//! ```
//! use passrate_chart::words::{words, Lang};
//! assert_eq!(words(Lang::Zh).points(Some("+0.7")), "+0.7 个百分点");
//! assert_eq!(words(Lang::En).points(Some("+0.7")), "+0.7 percentage points");
//! ```

mod en;
mod zh;

use crate::error::{ErrorKind, Path};
use crate::model::Field;

pub use crate::lang::Lang;

/// The sentences of `lang`.
pub fn words(lang: Lang) -> &'static dyn Words {
    match lang {
        Lang::Zh => &zh::Zh,
        Lang::En => &en::En,
    }
}

/// Something that can be appended to a sentence: text, or a whole number written in digits.
pub trait Piece {
    fn put(&self, out: &mut String);
}

impl Piece for str {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for char {
    fn put(&self, out: &mut String) {
        out.push(*self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn put(&self, out: &mut String) {
        (**self).put(out);
    }
}

macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn put(&self, out: &mut String) {
                crate::format::push_int(out, *self as i64);
            }
        }
    )*};
}
whole_numbers!(i32, u32, u64, usize);

/// Joins pieces into a `String`: `cat!(year, "年", tier)`.
#[macro_export]
#[doc(hidden)]
macro_rules! cat {
    ($($piece:expr),* $(,)?) => {{
        let mut out = ::std::string::String::new();
        $( $crate::words::Piece::put(&$piece, &mut out); )*
        out
    }};
}

/// Which view a tab names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewName {
    Compare,
    Change,
    Trend,
    Cities,
}

/// What the cities view's summary says about one tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CitiesTier<'a> {
    pub tier: &'a str,
    pub reference: &'a str,
    /// The reference's rate, written ("14.8%").
    pub reference_rate: Option<&'a str>,
    /// Regions above, level with, and below the reference, of `of` with a rate.
    pub above: usize,
    pub level: usize,
    pub of: usize,
    /// The highlighted region: its name, its rate, its rank (written).
    pub highlight: Option<(&'a str, &'a str, &'a str)>,
    /// The region that rose most on the year, and by how much (written, signed).
    pub rose_most: Option<(&'a str, &'a str)>,
    /// The region that fell most, likewise.
    pub fell_most: Option<(&'a str, &'a str)>,
}

/// What a point of the chart is, for its tooltip heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointKind {
    /// A rate in a year.
    Year(i32),
    /// passed ÷ candidates, where it disagrees with the stated rate.
    FromCounts,
    /// The change on the year into this year.
    Change(i32),
}

/// A warning's figures, written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningText<'a> {
    /// passed ÷ candidates is not the stated rate.
    Counts {
        year: i32,
        tier: &'a str,
        passed: &'a str,
        candidates: &'a str,
        computed: &'a str,
        stated: &'a str,
        apart: &'a str,
    },
    /// The reference's stated rate is not rate − gap.
    Reference {
        year: i32,
        tier: &'a str,
        reference: &'a str,
        stated: &'a str,
        rate: &'a str,
        gap: &'a str,
        implied: &'a str,
    },
    /// Last year's stated rate is not rate − change.
    Previous { year: i32, tier: &'a str, stated: &'a str, rate: &'a str, change: &'a str, implied: &'a str },
    /// Two regions' stated differences give their reference two rates.
    References { year: i32, tier: &'a str, reference: &'a str, a: (&'a str, &'a str), b: (&'a str, &'a str) },
}

/// A figure of the data, as the downloaded CSV names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureName {
    Candidates,
    Passed,
    Rate,
    ReferenceRate,
    VsReference,
    PreviousRate,
    VsPrevious,
    RateFromCounts,
}

/// Where a figure comes from, as every surface names it in one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The source states it.
    Stated,
    /// Computed from stated figures, by a rule.
    Derived,
    /// The source states it, and another number it states contradicts it.
    Contradicted,
}

/// What a live region says about a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spoken<'a> {
    pub tier: &'a str,
    pub area: &'a str,
    pub kind: PointKind,
    pub value: &'a str,
    /// The value's provenance word with its warnings' markers: "原文公布", "推算①".
    pub origin: &'a str,
    /// What the tooltip says about the value: the rank, the counts, the differences, each
    /// with its own provenance word.
    pub details: &'a [String],
}

/// The labels of the controls around the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ui {
    pub views: &'static str,
    pub legend: &'static str,
    pub chart: &'static str,
    pub keys: &'static str,
    pub show_table: &'static str,
    pub hide_table: &'static str,
    pub download: &'static str,
    pub derived: &'static str,
    /// The button that downloads the data as CSV.
    pub download_data: &'static str,
    /// The pager's buttons under a paged chart.
    pub previous_page: &'static str,
    pub next_page: &'static str,
}

/// One method per sentence. Arguments are names as the data gives them and numbers already
/// written by [`crate::format`]; `signed` differences are `Some("+0.7")`, or `None` when zero.
pub trait Words: Sync {
    // ---- Chart furniture ----
    fn view_label(&self, view: ViewName, reference: &str) -> String;
    fn compare_subtitle(&self, year: i32, region: &str, reference: &str) -> String;
    fn change_subtitle(&self, year: i32, region: &str) -> String;
    fn trend_subtitle(&self, first: i32, last: i32, region: &str, reference: &str) -> String;
    fn cities_subtitle(&self, year: i32, reference: &str) -> String;
    /// The legend entry for the regions other than the highlighted one.
    fn other_regions(&self) -> &'static str;
    /// A rank: "3", or "3=" when tied.
    fn rank(&self, rank: usize, tied: bool) -> String;
    /// A rank in words, for a tooltip: "排第3（共11个）", "joint 3rd of 11".
    fn rank_line(&self, rank: usize, tied: bool, of: usize) -> String;
    /// A region with no figure for a tier.
    fn no_figure(&self) -> &'static str;
    /// The cities view's column over the differences to the reference: "与山西省".
    fn column_vs_reference(&self, reference: &str) -> String;
    /// Its column over the changes on the year: "比上年".
    fn column_vs_previous(&self) -> &'static str;
    /// A zero difference in a column cell, given zero at the figure's precision ("0.0"):
    /// "持平" in Chinese, the number itself in English, where "unchanged" would widen the column.
    fn flat_cell(&self, zero: String) -> String;
    fn cities_tier(&self, t: &CitiesTier) -> String;
    fn cities_columns(&self, reference: &str) -> [String; 6];
    fn cities_caption(&self, title: &str, year: i32) -> String;
    /// A year on its own: "2019年" / "2019".
    fn year(&self, year: i32) -> String;
    /// A legend entry for an area in a year: "运城市 2019年".
    fn area_in_year(&self, area: &str, year: i32) -> String;
    fn derived_bar_legend(&self) -> &'static str;
    fn derived_dot_legend(&self) -> &'static str;
    fn counts_marker_legend(&self) -> &'static str;
    fn gap_legend(&self) -> &'static str;
    /// The source line: "数据来源：运城新闻网（2019-08-14）".
    fn source_line(&self, name: Option<&str>, date: Option<&str>) -> String;

    // ---- Differences ----
    /// A difference in full: "+0.7 个百分点" / "+0.7 percentage points"; zero: "持平" / "unchanged".
    fn points(&self, signed: Option<&str>) -> String;
    /// The same where room is short: "+0.7 个百分点" / "+0.7 pp".
    fn points_short(&self, signed: Option<&str>) -> String;
    /// A difference to the reference: as [`Words::points`], but zero is "持平" / "level".
    fn points_vs_reference(&self, signed: Option<&str>) -> String {
        match signed {
            Some(_) => self.points(signed),
            None => self.level().into(),
        }
    }
    /// The same where room is short.
    fn points_short_vs_reference(&self, signed: Option<&str>) -> String {
        match signed {
            Some(_) => self.points_short(signed),
            None => self.level().into(),
        }
    }
    /// The change view's head over the rates: "达线率（从0%起）".
    fn change_rates_head(&self) -> &'static str;
    /// Its head over the changes: "比上年（百分点）".
    fn change_points_head(&self) -> &'static str;
    /// The note saying the changes have a scale of their own.
    fn change_scale_note(&self) -> &'static str;
    /// A change's tooltip line: "2018年 15.1% → 2019年 15.5%".
    fn change_from_to(&self, from_year: i32, from: &str, to_year: i32, to: &str) -> String {
        crate::cat!(self.year(from_year), " ", from, " → ", self.year(to_year), " ", to)
    }
    /// No difference to the reference: "持平" / "level".
    fn level(&self) -> &'static str;
    /// Explains the short form, once per chart that uses it (empty where none is needed).
    fn points_short_note(&self) -> &'static str;
    /// The note under a chart whose differences are bare numbers ("+0.7").
    fn points_unit_note(&self) -> &'static str;
    /// The compare view's note when bar labels drop their "%".
    fn percent_unit_note(&self) -> &'static str;
    /// The compare view's note when there are too many bars to label.
    fn too_many_bars(&self) -> &'static str;
    /// Under a paged chart: which page of how many, and where the rest is.
    fn page_note(&self, page: usize, pages: usize) -> String;
    /// After a tier's name where its rows go on from the page before: "（续）".
    fn continued(&self) -> &'static str;
    /// The compare view's note when it draws one group in `every`.
    fn thinned(&self, every: usize) -> String;
    /// After a column's head where some of its figures are derived and marked "*": "（*推算）".
    fn derived_mark_note(&self) -> &'static str;
    /// Appended to the change view's derived reference label.
    fn derived_suffix(&self) -> &'static str;
    /// The trend panel's header: the latest gap to the reference (`abs` without its sign).
    fn latest_gap(&self, year: i32, signed: Option<&str>, abs: &str, reference: &str) -> String;
    /// The same, short: "差距 +1.1".
    fn short_gap(&self, signed: &str) -> String;
    fn no_previous_tier(&self, year: i32) -> String;
    fn no_previous_year(&self, year: i32) -> String;

    // ---- Warnings and provenance ----
    /// The last footnote of an image with more than it can hold: "另有 1,495 条提示，见数据表".
    fn more_notes(&self, n: usize) -> String;
    /// A contradiction in the source, as a footnote (without its marker).
    fn warning(&self, w: &WarningText) -> String;
    /// A tier of one region, where a dataset has several: "运城市一本线".
    fn region_tier(&self, region: &str, tier: &str) -> String;
    /// The source's words for a stated figure: "原文：“达线率15.5%”".
    fn quote(&self, quote: &str) -> String;
    /// A stated number named by what it is: "2019年一本线达线率 15.5%".
    fn stated_field(&self, field: Field, year: i32, tier: &str, reference: &str, value: &str) -> String;
    /// A figure's provenance in one word: "原文公布", "推算", "有矛盾".
    fn origin(&self, origin: Origin) -> &'static str;
    /// A stated figure that another stated number contradicts, in a sentence: "原文公布，但与
    /// 原文的其他数字矛盾（见①）".
    fn contradicted(&self, markers: &str) -> String;
    /// The same after a figure mentioned in passing, with its warnings' markers: "（推算）".
    fn aside(&self, origin: Origin, markers: &str) -> String;
    /// "推算：15.5 − 0.7 = 14.8（由…推算）".
    fn derived(&self, formula: &str, from: &[String]) -> String;

    // ---- Describing the chart ----
    /// The summary's opening words, before the tiers ("" in Chinese).
    fn summary_lead(&self, region: &str, year: i32) -> String;
    fn summary_tier(&self, region: &str, tier: &str, rate: &str, parts: &[String]) -> String;
    fn gap_phrase(&self, signed: Option<&str>, abs: &str, reference: &str) -> String;
    fn change_phrase(&self, signed: Option<&str>, abs: &str) -> String;
    fn summary_notes(&self, notes: &[String]) -> String;
    /// The trend view's summary of one tier over the years.
    fn trend_tier(
        &self,
        region: &str,
        tier: &str,
        first: (i32, &str),
        last: (i32, &str),
        gap: Option<String>,
    ) -> String;
    fn table_columns(&self, region: &str, reference: &str, previous_year: i32) -> [String; 9];
    /// The downloaded data's columns: area, year, tier, figure, value, unit, provenance,
    /// derivation or the source's words, warnings, source, its date, its address.
    fn csv_columns(&self) -> [&'static str; 12];
    /// A figure's name in the downloaded data: "达线率", "山西省达线率", "与山西省相差".
    fn figure_name(&self, figure: FigureName, reference: &str) -> String;
    /// The units of the downloaded data: per cent, percentage points, people.
    fn units(&self) -> [&'static str; 3];
    fn trend_columns(&self, region: &str, reference: &str) -> [String; 5];
    fn table_caption(&self, title: &str, year: i32) -> String;
    fn trend_caption(&self, title: &str, first: i32, last: i32) -> String;
    /// One derived number of the table and how it was computed: "一本线 · 山西省达线率 14.8%：推算…".
    fn derivation(&self, row: &str, column: &str, value: &str, how: &str) -> String;
    fn point_heading(&self, tier: &str, area: &str, kind: PointKind) -> String;
    fn counts_line(&self, passed: &str, candidates: &str) -> String;
    fn vs_reference_line(&self, points: &str, reference: &str) -> String;
    fn vs_previous_line(&self, points: &str) -> String;
    /// What a screen reader hears on reaching a point: what it is (year included), its value,
    /// where it comes from and its warnings. (Its place among the points, "1 of 5", is the
    /// listbox's to say.)
    fn spoken(&self, p: &Spoken) -> String;
    fn ui(&self) -> Ui;

    // ---- Errors ----
    /// Where a problem is: `years[0].rate`, `第 3 行第 6 列（rate）`.
    fn path(&self, path: &Path) -> String;
    /// The whole message: where, then what.
    fn error(&self, path: &Path, kind: &ErrorKind) -> String;
}

/// A code point as Unicode writes it: `U+202E`, `U+000B`.
pub(crate) fn code_point(code: u32) -> String {
    const D: &[u8; 16] = b"0123456789ABCDEF";
    let mut digits: Vec<u8> = Vec::new();
    let mut n = code;
    while n > 0 || digits.len() < 4 {
        digits.push(D[(n % 16) as usize]);
        n /= 16;
    }
    digits.reverse();
    cat!("U+", String::from_utf8(digits).unwrap_or_default())
}

/// What kind of forbidden character `code` is, for the words around it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum CharKind {
    /// Reorders the text around it (U+202E …).
    Bidi,
    /// A line or paragraph separator, a vertical tab, a form feed.
    Break,
    /// Any other control character or noncharacter.
    Control,
}

pub(crate) fn char_kind(code: u32) -> CharKind {
    match code {
        0x61c | 0x200e | 0x200f | 0x202a..=0x202e | 0x2066..=0x2069 => CharKind::Bidi,
        0xb | 0xc | 0xd | 0x85 | 0x2028 | 0x2029 => CharKind::Break,
        _ => CharKind::Control,
    }
}

impl crate::error::Path {
    /// The English form, as in messages: `years[0].rate`, `line 3, column 6 (rate)`.
    pub fn text(&self) -> String {
        words(Lang::En).path(self)
    }

    pub fn starts_with(&self, prefix: &str) -> bool {
        self.text().starts_with(prefix)
    }
}

impl std::fmt::Display for crate::error::Path {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

impl crate::error::Error {
    /// The message for a reader in `lang`: where, then what was expected.
    pub fn message(&self, lang: Lang) -> String {
        words(lang).error(&self.path, &self.kind)
    }
}

/// An error's message in English, for developers and logs.
impl std::fmt::Display for crate::error::Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for crate::error::Error {}

/// Shared by both languages: error parts that are the same in every language.
pub(crate) fn quoted(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    cat!('"', out, '"')
}

#[cfg(test)]
mod tests {
    /// A value in an error message: whole up to 40 characters, cut with "…" past them.
    #[test]
    fn code_points_as_unicode_writes_them() {
        assert_eq!(super::code_point(0xb), "U+000B");
        assert_eq!(super::code_point(0x202e), "U+202E");
        assert_eq!(super::code_point(0x1fffe), "U+1FFFE");
    }

    #[test]
    fn quoted_values_are_cut_after_forty_characters() {
        let forty = "字".repeat(40);
        assert_eq!(super::quoted(&forty), format!("\"{forty}\""));
        assert_eq!(super::quoted(&"字".repeat(41)), format!("\"{forty}…\""));
    }
}
