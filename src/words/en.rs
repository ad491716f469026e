//! English: every sentence in English. `Display` of an error is this language's message.

use super::{quoted, CitiesTier, FigureName, Origin, PointKind, Spoken, Ui, ViewName, WarningText, Words};
use crate::cat;
use crate::error::{Conflict, CsvSyntax, Dup, ErrorKind, Got, JsonSyntax, Name, Path, Version2, Want};
use crate::model::Field;

pub struct En;

fn separator_name(c: char) -> &'static str {
    match c {
        '\t' => "tabs",
        ';' => "semicolons",
        '，' => "full-width commas",
        _ => "commas",
    }
}

fn want(w: &Want) -> String {
    match w {
        Want::Percent => "a percentage between 0 and 100".into(),
        Want::Points => "a difference in percentage points between -100 and 100".into(),
        Want::Text => "a non-empty string".into(),
        Want::WebAddress => "a web address starting with http:// or https://".into(),
        Want::PlainText => "text without control characters (no control character but tab and line feed, and none that changes the direction of text; delete it or use a space)".into(),
        Want::AtMostEntries(n) => cat!("at most ", crate::format::count(*n as u64), " tier entries in all regions and years"),
        Want::AtMostValues(n) => cat!(
            "at most ",
            crate::format::count(*n as u64),
            " values (data within the limits has far fewer: at most ",
            crate::format::count(crate::load::MAX_ENTRIES as u64),
            " tier entries in all regions and years)"
        ),
        Want::TextUpTo(n) => cat!("a string of at most ", n, " characters"),
        Want::Count(min) => cat!("a whole number of people, ", min, " or more"),
        Want::Year => "a year between 1900 and 2200".into(),
        Want::YearExample => "a year such as 2019".into(),
        Want::Years => "a non-empty array of years".into(),
        Want::Tiers => "a non-empty array of tiers".into(),
        Want::YearsArray => "an array of years, each with \"year\" and \"tiers\"".into(),
        Want::TiersArray => "an array of tiers such as [{\"tier\": \"一本线\", \"rate\": 15.5}]".into(),
        Want::YearObject => "an object with \"year\" and \"tiers\"".into(),
        Want::TierObject => "an object such as {\"tier\": \"一本线\", \"rate\": 15.5}".into(),
        Want::SourceObject => "an object like {\"name\": \"…\", \"date\": \"2019-08-14\"}".into(),
        Want::RootObject => "a JSON object with \"title\", \"region\" and \"years\"".into(),
        Want::Dataset => "a dataset object, JSON text or CSV text".into(),
        Want::FiniteNumber => "a finite number".into(),
        Want::JsonValue => "JSON data (a string, number, boolean, array or object)".into(),
        Want::AtMostCandidates(c) => cat!("at most the ", c, " candidates"),
        Want::AtMostTiers(n) => cat!("at most ", n, " tiers"),
        Want::AtMostYears(n) => cat!("at most ", n, " years"),
        Want::AtMostMegabytes(n) => cat!("at most ", n, " MB of data"),
        Want::FieldsLikeHeader { count, separator } => {
            cat!(count, " fields like the header, separated by ", separator_name(*separator), " as the header's are")
        }
        Want::AtMostRegions(n) => cat!("at most ", n, " regions"),
        Want::Regions => "a non-empty array of regions, each with \"region\" and \"years\"".into(),
        Want::RegionObject => "an object with \"region\" and \"years\"".into(),
        Want::QuotesObject => "an object of quotes such as {\"rate\": \"a pass rate of 15.5%\"}".into(),
        Want::Name => "a name: a string, or {\"zh-CN\": \"运城市\", \"en\": \"Yuncheng\"}".into(),
        Want::Encoding => "text in UTF-8 (GB18030/GBK and UTF-16 with its byte-order mark are read too); save the file as \"CSV UTF-8\"".into(),
        Want::RegionOrReference { region, reference } => {
            cat!("the region \"", region, "\" or the reference \"", reference, "\"")
        }
        Want::RequiredColumn(c) => cat!("a \"", c, "\" column; the required columns are year, tier and area"),
        Want::OnEveryRow(k) => cat!("a value in the ", k, " column on every row"),
        Want::RegionRow(r) => cat!("at least one row for the region \"", r, "\""),
        Want::FormatVersion(v) => cat!(v, " (the data format version this build reads)"),
        Want::CsvHeader => "a CSV header line such as year,tier,area,rate".into(),
        Want::DataRow => "at least one data row after the header".into(),
        Want::ColumnFor(c) => cat!("the name that \"", c, "\" gives in English"),
        Want::TitleRow => "the chart title on at least one row".into(),
        Want::ReferenceRate => "the reference area's pass rate".into(),
        Want::RateOrCounts => "a pass rate, or \"passed\" together with \"candidates\", to draw this tier".into(),
    }
}

fn got(g: &Got) -> String {
    match g {
        Got::Text(s) => quoted(s),
        Got::QuotedNumber(s) => cat!(quoted(s), " (write it as a number, without quotes)"),
        Got::Percent(s) => cat!(quoted(s), " (write the number without the % sign)"),
        Got::Number(n) => n.clone(),
        Got::Null => "null".into(),
        Got::Bool(b) => (if *b { "true" } else { "false" }).into(),
        Got::Array => "an array".into(),
        Got::EmptyArray => "an empty array".into(),
        Got::Object => "an object".into(),
        Got::Js(what) => match *what {
            "bigint" | "function" | "symbol" => cat!("a ", what),
            other => other.to_string(),
        },
        Got::Characters(n) => cat!(n, " characters"),
        Got::Character { code, at } => {
            let kind = match super::char_kind(*code) {
                super::CharKind::Bidi => {
                    "a control that changes the direction of text, so it would show other than it reads"
                }
                super::CharKind::Break => "a line separator, such as Word's Shift+Enter",
                super::CharKind::Control => "an invisible control character",
            };
            cat!(super::code_point(*code), " (", kind, ") at character ", at)
        }
        Got::MoreThan(n) => cat!("more than ", crate::format::count(*n as u64)),
        Got::Entries(n) => cat!(crate::format::count(*n as u64)),
        Got::Tiers(n) => cat!(n, " tiers"),
        Got::Years(n) => cat!(n, " years"),
        Got::Fields(n) => cat!(n, " fields"),
        Got::Regions(n) => cat!(n, " regions"),
        Got::Bytes { at } => cat!("bytes that are neither, from byte ", at + 1),
        Got::Megabytes(s) => cat!(s, " MB"),
        Got::Count(n) => cat!(n),
    }
}

fn dup(d: &Dup) -> String {
    match d {
        Dup::Year(y) => cat!("year ", y),
        Dup::Region(r) => cat!("region \"", r, "\""),
        Dup::Tier { name, year } => cat!("tier \"", name, "\" in ", year),
        Dup::Key(k) => cat!("key \"", k, "\""),
        Dup::Column(c) => cat!("column \"", c, "\""),
        Dup::Row { year, tier, region } => cat!("row for ", year, " ", tier, " ", region),
        Dup::ReferenceRow { year, tier } => cat!("reference row for ", year, " ", tier),
    }
}

fn json(j: JsonSyntax) -> String {
    match j {
        JsonSyntax::End => "the text ends before the data does (a closing bracket, quote or value is missing)".into(),
        JsonSyntax::Value => {
            "expected a value (a number, a string in double quotes, an object, an array, true, false or null)".into()
        }
        JsonSyntax::Key => "expected a key in double quotes".into(),
        JsonSyntax::Colon => "expected a colon after the key".into(),
        JsonSyntax::CommaOr(c) => cat!("expected a comma or ", c),
        JsonSyntax::TrailingComma => "a comma before the closing bracket; remove it".into(),
        JsonSyntax::Number => "a number JSON cannot read (write numbers like 0.5, 15 or -1.2)".into(),
        JsonSyntax::Escape => "an escape after a backslash that JSON does not define".into(),
        JsonSyntax::Control => "a line break or control character inside a string (write a line break as \\n)".into(),
        JsonSyntax::Trailing => "more text after the data ends".into(),
        JsonSyntax::Depth(n) => cat!("nested more than ", n, " levels deep"),
    }
}

fn conflict(c: &Conflict) -> String {
    match c {
        Conflict::ImpliedRate { rate, implied, reference } => cat!(
            "with a rate of ",
            rate,
            " % this difference implies a ",
            if *reference { "reference" } else { "previous-year" },
            " rate of ",
            implied,
            " %, outside 0–100; check its sign and the rate"
        ),
        Conflict::RegionOnly(key) => {
            cat!("\"", key, "\" belongs on the region's rows; a reference row carries only its rate")
        }
        Conflict::DatasetWide { key, here, first, first_at } => cat!(
            "\"",
            key,
            "\" is ",
            quoted(here),
            " here but ",
            quoted(first),
            " at ",
            En.path(first_at),
            "; a dataset has one ",
            key,
            " (leave it empty after the first row)"
        ),
        Conflict::ReferenceWithoutRegion { year, tier, region } => cat!(
            "a reference rate for ",
            year,
            " ",
            tier,
            ", but no row for the region \"",
            region,
            "\" in that year and tier"
        ),
        Conflict::RegionIsReference(name) => {
            cat!("\"", name, "\" is both a region and the reference; the reference must be another area")
        }
        Conflict::EnglishName { name, here, first } => cat!(
            "the English name of \"",
            name,
            "\" is ",
            quoted(here),
            " here but ",
            quoted(first),
            " before; a name has one English name"
        ),
        Conflict::NeedsVersion2(what) => cat!(
            match what {
                Version2::Regions => "several regions (\"regions\")",
                Version2::ReferenceYears => "the reference's own years (\"reference_years\")",
                Version2::Names => "a name in two languages",
                Version2::Quotes => "quotes of the source (\"quotes\")",
            },
            " needs data format version 2; set \"version\" to 2, or leave \"version\" out"
        ),
        Conflict::RegionsAndRegion => {
            "\"regions\" beside \"region\" or \"years\"; several regions go in \"regions\", one in \"region\" and \"years\"".into()
        }
    }
}

/// 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st.
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    cat!(n, suffix)
}

/// "point" for exactly one, "points" otherwise ("0.5 points", "1.0 points", "1 point").
fn unit(signed: &str, long: &str) -> String {
    let bare = signed.trim_start_matches(['+', '−', '-']);
    if bare == "1" {
        long.trim_end_matches('s').to_string()
    } else {
        long.to_string()
    }
}

impl Words for En {
    fn view_label(&self, view: ViewName, reference: &str) -> String {
        match view {
            ViewName::Compare => cat!("Compared with ", reference),
            ViewName::Change => "Change on the year".into(),
            ViewName::Trend => "Over the years".into(),
            ViewName::Cities => "Cities".into(),
        }
    }

    fn cities_subtitle(&self, year: i32, reference: &str) -> String {
        cat!(year, " pass rates of the cities; the dashed line is ", reference)
    }

    fn other_regions(&self) -> &'static str {
        "Other cities"
    }

    fn rank(&self, rank: usize, tied: bool) -> String {
        if tied {
            cat!(rank, "=")
        } else {
            cat!(rank)
        }
    }

    fn rank_line(&self, rank: usize, tied: bool, of: usize) -> String {
        cat!(if tied { "joint " } else { "" }, ordinal(rank), " of ", of)
    }

    fn no_figure(&self) -> &'static str {
        "no figure"
    }

    fn column_vs_reference(&self, reference: &str) -> String {
        cat!("vs ", reference)
    }

    fn column_vs_previous(&self) -> &'static str {
        "on year"
    }

    fn flat_cell(&self, zero: String) -> String {
        zero
    }

    fn cities_tier(&self, t: &CitiesTier) -> String {
        let mut out = cat!(t.tier, ": ", t.above, " of ", t.of, " above ", t.reference);
        if let Some(r) = t.reference_rate {
            out.push_str(&cat!(" (", r, ")"));
        }
        if t.level > 0 {
            out.push_str(&cat!(", ", t.level, " level with it"));
        }
        if let Some((name, rate, rank)) = t.highlight {
            out.push_str(&cat!("; ", name, " ", rate, ", ", rank));
        }
        if let Some((name, by)) = t.rose_most {
            out.push_str(&cat!("; ", name, " rose most (", by, " ", unit(by, "points"), ")"));
        }
        if let Some((name, by)) = t.fell_most {
            out.push_str(&cat!("; ", name, " fell most (", by, " ", unit(by, "points"), ")"));
        }
        out.push_str(". ");
        out
    }

    fn cities_columns(&self, reference: &str) -> [String; 6] {
        [
            "Area".into(),
            "Tier".into(),
            "Rank".into(),
            "Rate".into(),
            cat!("vs ", reference),
            "Change on the year".into(),
        ]
    }

    fn cities_caption(&self, title: &str, year: i32) -> String {
        let y = crate::format::int(year as i64);
        let when = if title.contains(&y) { String::new() } else { cat!(" (", y, ")") };
        cat!(
            title,
            when,
            ": every area's numbers, ranked by rate; those marked “derived” are computed from stated ones"
        )
    }

    fn compare_subtitle(&self, year: i32, region: &str, reference: &str) -> String {
        cat!(year, " pass rates by tier: ", region, " vs ", reference)
    }

    fn change_subtitle(&self, year: i32, region: &str) -> String {
        cat!(region, " pass rates by tier, ", year - 1, " → ", year)
    }

    fn trend_subtitle(&self, first: i32, last: i32, region: &str, reference: &str) -> String {
        cat!(region, " and ", reference, " pass rates by tier, ", first, "–", last)
    }

    fn year(&self, year: i32) -> String {
        cat!(year)
    }

    fn area_in_year(&self, area: &str, year: i32) -> String {
        cat!(area, " ", year)
    }

    fn derived_bar_legend(&self) -> &'static str {
        "Hatched = derived (not stated in the source)"
    }

    fn derived_dot_legend(&self) -> &'static str {
        "Hollow = derived (not stated in the source)"
    }

    fn counts_marker_legend(&self) -> &'static str {
        "Dashed line = rate computed from the counts"
    }

    fn gap_legend(&self) -> &'static str {
        "Shaded = the gap"
    }

    fn source_line(&self, name: Option<&str>, date: Option<&str>) -> String {
        match (name, date) {
            (None, _) => "Source: not given".into(),
            (Some(n), Some(d)) => cat!("Source: ", n, " (", d, ")"),
            (Some(n), None) => cat!("Source: ", n),
        }
    }

    fn points(&self, signed: Option<&str>) -> String {
        match signed {
            Some(s) => cat!(s, " ", unit(s, "percentage points")),
            None => "unchanged".into(),
        }
    }

    fn points_short(&self, signed: Option<&str>) -> String {
        match signed {
            Some(s) => cat!(s, " pp"),
            None => "unchanged".into(),
        }
    }

    fn change_rates_head(&self) -> &'static str {
        "Pass rate (from 0%)"
    }

    fn change_points_head(&self) -> &'static str {
        "Change on the year (percentage points)"
    }

    fn change_scale_note(&self) -> &'static str {
        "Changes are drawn on their own scale in percentage points, so small ones show; their bars give the size of the change, not the level of the rate."
    }

    fn level(&self) -> &'static str {
        "level"
    }

    fn points_short_note(&self) -> &'static str {
        "pp = percentage points"
    }

    fn points_unit_note(&self) -> &'static str {
        "Differences in percentage points"
    }

    fn percent_unit_note(&self) -> &'static str {
        "Bar labels in %"
    }

    fn page_note(&self, page: usize, pages: usize) -> String {
        cat!("Page ", page, " of ", pages, ": the chart is too tall for one; every value is in the data table.")
    }

    fn continued(&self) -> &'static str {
        " (continued)"
    }

    fn thinned(&self, every: usize) -> String {
        cat!("Too many tiers for this width: one in every ", every, " is drawn; the data table has them all.")
    }

    fn too_many_bars(&self) -> &'static str {
        "Too many bars to label: the values are in the tooltip and the data table."
    }

    fn derived_mark_note(&self) -> &'static str {
        " (*derived)"
    }

    fn derived_suffix(&self) -> &'static str {
        " (derived)"
    }

    fn latest_gap(&self, year: i32, signed: Option<&str>, abs: &str, reference: &str) -> String {
        match signed {
            Some(s) if s.starts_with('+') => cat!(year, ": ", abs, " ", unit(abs, "points"), " above ", reference),
            Some(_) => cat!(year, ": ", abs, " ", unit(abs, "points"), " below ", reference),
            None => cat!(year, ": level with ", reference),
        }
    }

    fn short_gap(&self, signed: &str) -> String {
        cat!("gap ", signed)
    }

    fn no_previous_tier(&self, year: i32) -> String {
        cat!("no ", year - 1, " figure")
    }

    fn no_previous_year(&self, year: i32) -> String {
        cat!(
            "The data gives no ",
            year - 1,
            " rates and no change on the year, so there is no year-over-year change to show. Only the ",
            year,
            " figures are plotted."
        )
    }

    fn more_notes(&self, n: usize) -> String {
        cat!(crate::format::count(n as u64), " more notes: see the data table.")
    }

    fn warning(&self, w: &WarningText) -> String {
        match *w {
            WarningText::Counts { year, tier, passed, candidates, computed, stated, apart } => cat!(
                year,
                " ",
                tier,
                ": the counts give ",
                passed,
                " ÷ ",
                candidates,
                " = ",
                computed,
                ", but the stated rate is ",
                stated,
                " (",
                apart,
                " ",
                unit(apart, "percentage points"),
                " apart); the source does not say which is wrong."
            ),
            WarningText::Reference { year, tier, reference, stated, rate, gap, implied } => cat!(
                year,
                " ",
                tier,
                ": the stated ",
                reference,
                " rate is ",
                stated,
                ", but ",
                rate,
                " with a gap of ",
                gap,
                " gives ",
                implied,
                "."
            ),
            WarningText::Previous { year, tier, stated, rate, change, implied } => cat!(
                year,
                " ",
                tier,
                ": the ",
                year - 1,
                " rate is given as ",
                stated,
                ", but ",
                rate,
                " with a change of ",
                change,
                " gives ",
                implied,
                "."
            ),
            WarningText::References { year, tier, reference, a, b } => cat!(
                year,
                " ",
                tier,
                ": ",
                a.0,
                "'s difference gives ",
                reference,
                " a rate of ",
                a.1,
                ", but ",
                b.0,
                "'s gives ",
                b.1,
                "; the source does not say which is wrong."
            ),
        }
    }

    fn region_tier(&self, region: &str, tier: &str) -> String {
        cat!(region, " ", tier)
    }

    fn quote(&self, quote: &str) -> String {
        cat!("Source: “", quote, "”")
    }

    fn stated_field(&self, field: Field, year: i32, tier: &str, reference: &str, value: &str) -> String {
        match field {
            Field::Rate => cat!(year, " ", tier, " rate ", value),
            Field::ReferenceRate => cat!(reference, " rate ", value),
            Field::VsReference => cat!(value, " vs ", reference),
            Field::VsPreviousYear => cat!(value, " on the year"),
            Field::Passed => cat!(value, " passed"),
            Field::Candidates => cat!(value, " candidates"),
        }
    }

    fn origin(&self, origin: Origin) -> &'static str {
        match origin {
            Origin::Stated => "stated in the source",
            Origin::Derived => "derived",
            Origin::Contradicted => "contradicted",
        }
    }

    fn contradicted(&self, markers: &str) -> String {
        cat!("stated in the source, but another number it states contradicts it (see ", markers, ")")
    }

    fn aside(&self, origin: Origin, markers: &str) -> String {
        cat!(" (", self.origin(origin), markers, ")")
    }

    fn derived(&self, formula: &str, from: &[String]) -> String {
        cat!("derived: ", formula, " (from ", from.join(", "), ")")
    }

    fn summary_lead(&self, region: &str, year: i32) -> String {
        cat!(region, ", ", year, ". ")
    }

    fn summary_tier(&self, _region: &str, tier: &str, rate: &str, parts: &[String]) -> String {
        let mut out = cat!(tier, ": ", rate);
        if !parts.is_empty() {
            out.push_str(", ");
            out.push_str(&parts.join(", "));
        }
        out.push_str(". ");
        out
    }

    fn gap_phrase(&self, signed: Option<&str>, abs: &str, reference: &str) -> String {
        match signed {
            None => cat!("level with ", reference),
            Some(s) if s.starts_with('+') => cat!(abs, " ", unit(abs, "points"), " above ", reference),
            Some(_) => cat!(abs, " ", unit(abs, "points"), " below ", reference),
        }
    }

    fn change_phrase(&self, signed: Option<&str>, abs: &str) -> String {
        match signed {
            None => "unchanged on the year".into(),
            Some(s) if s.starts_with('+') => cat!("up ", abs, " ", unit(abs, "points"), " on the year"),
            Some(_) => cat!("down ", abs, " ", unit(abs, "points"), " on the year"),
        }
    }

    fn summary_notes(&self, notes: &[String]) -> String {
        if notes.is_empty() {
            String::new()
        } else {
            cat!("Note: ", notes.join(" "))
        }
    }

    fn trend_tier(
        &self,
        _region: &str,
        tier: &str,
        first: (i32, &str),
        last: (i32, &str),
        gap: Option<String>,
    ) -> String {
        let mut out = cat!(tier, ": ", first.1, " in ", first.0, ", ", last.1, " in ", last.0);
        if let Some(g) = gap {
            out.push_str(&cat!(", ", g, " in ", last.0));
        }
        out.push_str(". ");
        out
    }

    fn table_columns(&self, region: &str, reference: &str, previous_year: i32) -> [String; 9] {
        [
            "Tier".into(),
            cat!(region, " rate"),
            cat!(reference, " rate"),
            cat!("vs ", reference),
            cat!(previous_year, " rate"),
            "Change on the year".into(),
            "Passed".into(),
            "Candidates".into(),
            "Rate from the counts".into(),
        ]
    }

    fn csv_columns(&self) -> [&'static str; 12] {
        [
            "area",
            "year",
            "tier",
            "figure",
            "value",
            "unit",
            "provenance",
            "derivation or source's words",
            "warnings",
            "source",
            "source date",
            "source URL",
        ]
    }

    fn figure_name(&self, figure: FigureName, reference: &str) -> String {
        match figure {
            FigureName::Candidates => "candidates".into(),
            FigureName::Passed => "passed".into(),
            FigureName::Rate => "pass rate".into(),
            FigureName::ReferenceRate => cat!(reference, " rate"),
            FigureName::VsReference => cat!("vs ", reference),
            FigureName::PreviousRate => "previous year's rate".into(),
            FigureName::VsPrevious => "change on the year".into(),
            FigureName::RateFromCounts => "rate from the counts".into(),
        }
    }

    fn units(&self) -> [&'static str; 3] {
        ["%", "percentage points", "people"]
    }

    fn trend_columns(&self, region: &str, reference: &str) -> [String; 5] {
        ["Tier".into(), "Year".into(), cat!(region, " rate"), cat!(reference, " rate"), cat!("vs ", reference)]
    }

    fn table_caption(&self, title: &str, year: i32) -> String {
        let y = crate::format::int(year as i64);
        let when = if title.contains(&y) { String::new() } else { cat!(" (", y, ")") };
        cat!(title, when, ": every number; those marked “derived” are computed from stated ones")
    }

    fn trend_caption(&self, title: &str, first: i32, last: i32) -> String {
        cat!(
            title,
            " (",
            first,
            "–",
            last,
            "): every number of every year; those marked “derived” are computed from stated ones"
        )
    }

    fn derivation(&self, row: &str, column: &str, value: &str, how: &str) -> String {
        cat!(row, " · ", column, " ", value, ": ", how)
    }

    fn point_heading(&self, tier: &str, area: &str, kind: PointKind) -> String {
        match kind {
            PointKind::Year(y) => cat!(tier, " · ", area, " · ", y),
            PointKind::FromCounts => cat!(tier, " · ", area, " · from the counts"),
            PointKind::Change(y) => cat!(tier, " · ", area, " · change ", y - 1, "–", y),
        }
    }

    fn counts_line(&self, passed: &str, candidates: &str) -> String {
        cat!(passed, " of ", candidates, " candidates passed")
    }

    fn vs_reference_line(&self, points: &str, reference: &str) -> String {
        if points == self.level() {
            return cat!("level with ", reference);
        }
        cat!(points, " vs ", reference)
    }

    fn vs_previous_line(&self, points: &str) -> String {
        cat!(points, " on the year")
    }

    fn spoken(&self, p: &Spoken) -> String {
        let what = match p.kind {
            PointKind::Year(y) => cat!(y),
            PointKind::FromCounts => "from the counts".into(),
            PointKind::Change(y) => cat!("change ", y - 1, " to ", y),
        };
        let mut out = cat!(p.tier, ", ", p.area, ", ", what, ": ", p.value, " (", p.origin, ")");
        for d in p.details {
            out.push_str(", ");
            out.push_str(d);
        }
        out.push('.');
        out
    }

    fn ui(&self) -> Ui {
        Ui {
            views: "Chart views",
            legend: "Legend (click to show or hide a series)",
            chart: "interactive chart",
            keys: "Use the left and right arrow keys to step through the data, Home and End to jump, Esc to close the tooltip.",
            show_table: "View data",
            hide_table: "Hide data",
            download: "Download PNG",
            derived: "derived",
            download_data: "Download data (CSV)",
            previous_page: "Previous page",
            next_page: "Next page",
        }
    }

    fn path(&self, path: &Path) -> String {
        match path {
            Path::Input => "(input)".into(),
            Path::Root => "(root)".into(),
            Path::Field(p) => p.clone(),
            Path::Text { line, column, name } => {
                let mut out = cat!("line ", line);
                if let Some(c) = column {
                    out.push_str(&cat!(", column ", c));
                }
                match name {
                    None => {}
                    Some(Name::Field(f)) => out.push_str(&cat!(" (", f, ")")),
                    Some(Name::Header) => out.push_str(" (header)"),
                    Some(Name::Unknown(n)) => out.push_str(&cat!(" (\"", n, "\")")),
                }
                out
            }
            Path::Column(c) => cat!("column \"", c, "\""),
            Path::ColumnNo(n) => cat!("column ", n),
        }
    }

    fn error(&self, path: &Path, kind: &ErrorKind) -> String {
        let what = match kind {
            ErrorKind::Json(j) => cat!("invalid JSON: ", json(*j)),
            ErrorKind::Csv(CsvSyntax::QuoteInUnquoted) => {
                "a quote inside an unquoted field; quote the whole field and double the quote (\"\")".into()
            }
            ErrorKind::Csv(CsvSyntax::TextAfterQuote) => {
                "text after a closing quote; put the whole field inside the quotes".into()
            }
            ErrorKind::Csv(CsvSyntax::UnclosedQuote) => "a quoted field is never closed (missing \")".into(),
            ErrorKind::Expected { want: w, got: g } => cat!("expected ", want(w), ", got ", got(g)),
            ErrorKind::Missing { want: w } => cat!("missing; expected ", want(w)),
            ErrorKind::UnknownField { allowed } => cat!("unknown field; expected one of ", allowed.join(", ")),
            ErrorKind::Duplicate { what, first } => cat!("duplicate ", dup(what), " (first at ", self.path(first), ")"),
            ErrorKind::Conflict(c) => conflict(c),
        };
        cat!(self.path(path), ": ", what)
    }
}
