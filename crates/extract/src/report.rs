//! An [`Extraction`] as JSON, for an editor that highlights the source: the dataset, and the
//! place of every number taken and left, counted in bytes or in UTF-16 code units (what
//! JavaScript strings index).

use super::words::{words, Lang};
use super::{Extraction, Role};
use passrate_chart::json::Writer;
use passrate_chart::model::Field;

/// How offsets into the text are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offsets {
    /// Bytes of UTF-8, as Rust slices the text.
    Bytes,
    /// UTF-16 code units, as JavaScript indexes a string.
    Utf16,
}

/// The format's name of a field.
pub fn field_name(field: Field) -> &'static str {
    match field {
        Field::Candidates => "candidates",
        Field::Passed => "passed",
        Field::Rate => "rate",
        Field::ReferenceRate => "reference_rate",
        Field::VsReference => "vs_reference_pp",
        Field::VsPreviousYear => "vs_previous_year_pp",
    }
}

/// Byte offsets → the chosen unit, for offsets given in any order.
struct Counter {
    /// (byte offset, UTF-16 offset) at every character boundary where it differs.
    utf16: Vec<(usize, usize)>,
    offsets: Offsets,
}

impl Counter {
    fn new(text: &str, offsets: Offsets) -> Counter {
        let mut utf16 = Vec::new();
        if offsets == Offsets::Utf16 {
            let mut units = 0;
            for (i, c) in text.char_indices() {
                utf16.push((i, units));
                units += c.len_utf16();
            }
            utf16.push((text.len(), units));
        }
        Counter { utf16, offsets }
    }

    fn at(&self, byte: usize) -> i64 {
        match self.offsets {
            Offsets::Bytes => byte as i64,
            Offsets::Utf16 => {
                let k = self.utf16.partition_point(|p| p.0 < byte);
                self.utf16.get(k).map_or(0, |p| p.1) as i64
            }
        }
    }
}

impl Extraction {
    /// `{"dataset": …|null, "error": …|null, "lang", "needs_year", "headline": …|null,
    /// "source": {"name", "date"}, "used": […], "ignored": […]}`, with offsets
    /// into `text` (the text extracted from) counted as `offsets` says and every reason
    /// written in `lang`.
    pub fn to_json(&self, text: &str, lang: Lang, offsets: Offsets) -> String {
        let w = words(lang);
        let n = Counter::new(text, offsets);
        let mut out = Writer::default();
        out.object(|o| {
            match &self.dataset {
                Some(ds) => o.key("dataset").raw(passrate_chart::load::to_json(ds).trim_end()),
                None => o.key("dataset").null(),
            }
            match &self.refusal {
                Some(r) => o.str("error", &w.refusal(r)),
                None => o.key("error").null(),
            }
            o.str("lang", lang.tag());
            // The text never states its year: the editor is asked for it.
            o.bool("needs_year", self.needs_year);
            match self.headline {
                Some(h) => o.str("headline", h.of(text)),
                None => o.key("headline").null(),
            }
            // Where the source's name and date stand, for the editor to mark.
            o.key("source").object(|f| {
                for (key, span) in [("name", self.source_name), ("date", self.source_date)] {
                    match span {
                        Some(s) => f.key(key).object(|p| {
                            p.int("start", n.at(s.start));
                            p.int("end", n.at(s.end));
                        }),
                        None => f.key(key).null(),
                    }
                }
            });
            o.key("used").array(&self.used, |w2, u| {
                w2.object(|f| {
                    f.int("start", n.at(u.quote.start));
                    f.int("end", n.at(u.quote.end));
                    f.int("number_start", n.at(u.number.start));
                    f.int("number_end", n.at(u.number.end));
                    f.str(
                        "field",
                        match u.role {
                            Role::Year => "year",
                            Role::SourceDate => "source_date",
                            Role::Figure(field) => field_name(field),
                        },
                    );
                    f.int("year", u.year as i64);
                    match u.tier {
                        Some(t) => f.str("tier", w.tier_name(t)),
                        None => f.key("tier").null(),
                    }
                });
            });
            o.key("ignored").array(&self.ignored, |w2, i| {
                w2.object(|f| {
                    f.int("start", n.at(i.number.start));
                    f.int("end", n.at(i.number.end));
                    f.int("sentence_start", n.at(i.sentence.start));
                    f.int("sentence_end", n.at(i.sentence.end));
                    f.str("reason", &w.ignored_reason(&i.reason));
                });
            });
        });
        out.out
    }
}
