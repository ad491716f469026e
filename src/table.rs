//! The data table behind "查看数据 / View data": every number a view rests on, each cell with
//! its provenance word, its derivation or the source's words, and its warnings' markers. The
//! views fill its rows ([`crate::views`]); this room holds the cells and what every table has
//! (the derivations written out, the warnings listed).

use crate::format::{count, percent, signed};
use crate::lang::Lang;
use crate::model::{Figure, Model};
use crate::phrase::{self, footnotes, markers, provenance};
use crate::words::{words, Origin};

/// A table cell: its text and where the number came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub derived: bool,
    /// The figure's provenance word ("推算", "有矛盾"), empty for text cells and stated ones.
    pub origin: String,
    /// "原文公布", or the derivation; empty for text cells.
    pub provenance: String,
    /// The source's words for the figure, when the data quotes them.
    pub quote: String,
    /// Footnote markers of the warnings the number carries ("①").
    pub markers: String,
}

/// Every number a view rests on: one row per tier (per tier and year in the trend view).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<String>,
    /// How many leading cells of a row name it (the tier; the tier and the year; the area and
    /// the tier): row headers.
    pub heads: usize,
    pub rows: Vec<Vec<Cell>>,
    /// How each derived number was computed, one sentence each.
    pub derivations: Vec<String>,
    /// The warnings, each with its marker.
    pub notes: Vec<String>,
}

/// What a table cell's figure is: a rate, or a difference to the reference or the year before.
#[derive(Clone, Copy)]
pub(crate) enum CellAs {
    Rate,
    VsReference,
    VsPrevious,
}

/// A figure's cell ("—" where there is none).
pub(crate) fn figure_cell(f: Option<&Figure>, model: &Model, lang: Lang, kind: CellAs) -> Cell {
    match f {
        None => text_cell("—".into()),
        Some(f) => Cell {
            text: match kind {
                CellAs::Rate => percent(f.value, f.decimals),
                CellAs::VsReference => words(lang).points_vs_reference(signed(f.value, f.decimals).as_deref()),
                CellAs::VsPrevious => words(lang).points(signed(f.value, f.decimals).as_deref()),
            },
            derived: f.is_derived(),
            origin: match phrase::origin(f) {
                Origin::Stated => String::new(),
                o => words(lang).origin(o).to_string(),
            },
            provenance: provenance(f, model, lang),
            quote: f.quote().unwrap_or_default().to_string(),
            markers: markers(f),
        },
    }
}

/// A stated count (always stated: counts are never derived), with the source's words.
pub(crate) fn count_cell(n: Option<u64>, quote: Option<&str>) -> Cell {
    Cell { quote: quote.unwrap_or_default().to_string(), ..text_cell(n.map_or("—".into(), count)) }
}

/// A cell of words: a name, a year, a rank.
pub(crate) fn text_cell(s: String) -> Cell {
    Cell {
        text: s,
        derived: false,
        origin: String::new(),
        provenance: String::new(),
        quote: String::new(),
        markers: String::new(),
    }
}

/// The table of `rows` under `caption` and `columns`, the first `heads` cells of a row naming
/// it: with each derived number's derivation written out, and every warning of the model.
pub(crate) fn finish(
    model: &Model,
    lang: Lang,
    caption: String,
    columns: Vec<String>,
    heads: usize,
    rows: Vec<Vec<Cell>>,
) -> Table {
    let w = words(lang);
    let mut derivations = Vec::new();
    for row in &rows {
        let name = row[..heads].iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ");
        for (i, cell) in row.iter().enumerate().filter(|(_, c)| c.derived) {
            derivations.push(w.derivation(&name, &columns[i], &cell.text, &cell.provenance));
        }
    }
    let ids: Vec<usize> = (0..model.warnings.len()).collect();
    Table { caption, columns, heads, rows, derivations, notes: footnotes(model, &ids, lang) }
}
