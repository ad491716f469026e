//! The legend's entries (each view says which: its series, then what hatching, hollow dots
//! and dashed lines mean where it uses them) and how they are drawn in a static image.

use super::frame::{Frame, LINE};
use super::hits::Series;
use super::marks::{Ink, LabelStyle, Mark, Rect, VAlign};
use super::Shown;
use crate::text;

/// How a legend entry's swatch looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    Solid(Ink),
    Hatched(Ink),
    /// A dot; hollow when `true`.
    Dot(Ink, bool),
    Tick(Ink),
    Dashed(Ink),
    /// A line through a dot: a series drawn as a line of points.
    Line(Ink),
    /// A dashed line through a square: the other series of a line chart, told apart by more
    /// than its colour.
    DashedLine(Ink),
}

impl Swatch {
    /// The name the page uses for the swatch's look.
    pub fn kind(self) -> &'static str {
        match self {
            Swatch::Solid(_) => "solid",
            Swatch::Hatched(_) => "hatched",
            Swatch::Dot(_, false) => "dot",
            Swatch::Dot(_, true) => "hollow",
            Swatch::Tick(_) => "tick",
            Swatch::Dashed(_) => "dashed",
            Swatch::Line(_) => "line",
            Swatch::DashedLine(_) => "dashedline",
        }
    }

    pub fn ink(self) -> Ink {
        match self {
            Swatch::Solid(i)
            | Swatch::Hatched(i)
            | Swatch::Dot(i, _)
            | Swatch::Tick(i)
            | Swatch::Dashed(i)
            | Swatch::Line(i)
            | Swatch::DashedLine(i) => i,
        }
    }
}

/// One legend entry; `series` is set when the entry names a series that can be hidden.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub swatch: Swatch,
    pub label: String,
    pub series: Option<Series>,
}

/// A legend entry.
pub(crate) fn item(swatch: Swatch, label: String, series: Option<Series>) -> LegendItem {
    LegendItem { swatch, label, series }
}

impl Frame {
    /// Legend entries flow left to right and wrap; hidden series are left out.
    pub fn legend(&mut self, items: &[LegendItem], shown: Shown) {
        let size = self.px(self.ty.legend);
        let sw = self.px(14.0);
        let gap = self.px(6.0);
        let spacing = self.px(16.0);
        let row_h = (size * LINE).max(sw) + self.px(4.0);
        let mut x = self.pad;
        for LegendItem { swatch, label, series } in items {
            if series.is_some_and(|s| !shown.series(s)) {
                continue;
            }
            let label = text::ellipsize(label, size, self.inner_width() - sw - gap);
            let item_w = sw + gap + text::width(&label, size);
            if x > self.pad && x + item_w > self.w - self.pad {
                x = self.pad;
                self.y += row_h;
            }
            let cy = self.y + row_h / 2.0;
            let r = Rect::new(x, cy - sw / 2.0, x + sw, cy + sw / 2.0);
            match *swatch {
                Swatch::Solid(ink) => self.marks.push(Mark::Fill { rect: r, ink }),
                Swatch::Hatched(ink) => self.hatched(r, ink),
                Swatch::Dot(ink, hollow) => {
                    let (w, radius) = (self.stroke(2.0), (self.px(5.0)).round() as u32);
                    self.marks.push(Mark::Dot { center: r.center(), radius, ink, hollow, width: w });
                }
                Swatch::Tick(ink) => {
                    let c = r.center();
                    let w = self.stroke(2.0);
                    self.marks.push(Mark::Line { from: (c.0, r.y0), to: (c.0, r.y1), ink, width: w });
                }
                Swatch::Dashed(ink) => {
                    let w = self.stroke(2.0);
                    let c = r.center().1 as f64;
                    self.dashed(r.x0 as f64, r.x1 as f64, c, ink, w);
                }
                Swatch::Line(ink) => {
                    let (w, c) = (self.stroke(2.5), r.center());
                    self.marks.push(Mark::Line { from: (r.x0, c.1), to: (r.x1, c.1), ink, width: w });
                    let radius = self.px(3.5).round() as u32;
                    self.marks.push(Mark::Dot { center: c, radius, ink, hollow: false, width: w });
                }
                Swatch::DashedLine(ink) => {
                    let (w, c) = (self.stroke(2.5), r.center());
                    let dash = (self.px(3.0), self.px(2.0));
                    self.dash_line((r.x0 as f64, c.1 as f64), (r.x1 as f64, c.1 as f64), dash, ink, w);
                    let h = self.px(3.5);
                    let sq = Rect::new(c.0 as f64 - h, c.1 as f64 - h, c.0 as f64 + h, c.1 as f64 + h);
                    self.marks.push(Mark::Fill { rect: sq, ink });
                }
            }
            let style = LabelStyle::new(size, Ink::Text).anchor(super::marks::HAlign::Left, VAlign::Middle);
            self.text(x + sw + gap, cy, label.clone(), style);
            x += item_w + spacing;
        }
        self.y += row_h + self.px(4.0);
    }
}
