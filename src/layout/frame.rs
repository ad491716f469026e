//! The frame every view is drawn in: type sizes, the header (title and subtitle), the footer
//! (numbered footnotes, notes, the source line), the marks and hits collected so far, and the
//! arithmetic of CSS pixels to device pixels.

use super::hits::{target, Hit, HitTable, Series};
use super::labels::footnote_texts;
use super::legend::LegendItem;
use super::marks::{Ink, Label, LabelStyle, Mark, Rect};
use super::{Options, Scene};
use crate::lang::Lang;
use crate::model::Model;
use crate::text;

/// Type sizes in CSS pixels, smaller on narrow charts.
pub(crate) struct Type {
    pub title: f64,
    pub subtitle: f64,
    pub legend: f64,
    pub value: f64,
    pub tick: f64,
    pub category: f64,
    pub note: f64,
}

impl Type {
    fn for_width(w: f64) -> Type {
        if w < 480.0 {
            Type { title: 16.0, subtitle: 12.0, legend: 12.0, value: 11.0, tick: 11.0, category: 12.0, note: 11.0 }
        } else {
            Type { title: 18.0, subtitle: 13.0, legend: 12.0, value: 12.0, tick: 11.0, category: 13.0, note: 12.0 }
        }
    }
}

/// Line height, as a multiple of the font size.
pub(crate) const LINE: f64 = 1.35;

/// The most footnotes an image draws in full.
const MAX_FOOTNOTES: usize = 8;

/// The smallest touch target, in CSS pixels (WCAG 2.5.8).
const MIN_TARGET: f64 = 24.0;

pub(crate) struct Frame {
    /// Device pixels per CSS pixel.
    pub s: f64,
    /// Width in device pixels.
    pub w: f64,
    pub pad: f64,
    pub ty: Type,
    pub lang: Lang,
    pub marks: Vec<Mark>,
    pub hits: Vec<Hit>,
    /// The next free y, in device pixels.
    pub y: f64,
    pub furniture: bool,
    footnotes: Vec<usize>,
    footnote_texts: Vec<(String, String)>,
    source: Vec<String>,
    /// What the canvas says about how it is drawn, for the scene's notes.
    notes: Vec<String>,
}

impl Frame {
    /// A frame with its header drawn (when the image carries it): the title, the view's
    /// subtitle and legend (`heads`, asked for only then).
    pub fn open(model: &Model, opts: &Options, heads: impl FnOnce() -> (String, Vec<LegendItem>)) -> Frame {
        let s = opts.dpr;
        let pad = if opts.width < 480.0 { 10.0 } else { 16.0 };
        let top = if opts.furniture { pad } else { 4.0 };
        let mut f = Frame {
            s,
            w: opts.width * s,
            pad: pad * s,
            ty: Type::for_width(opts.width),
            lang: opts.lang,
            marks: Vec::new(),
            hits: Vec::new(),
            y: top * s,
            furniture: opts.furniture,
            footnotes: Vec::new(),
            footnote_texts: Vec::new(),
            notes: Vec::new(),
            source: crate::phrase::source_lines(model, opts.lang),
        };
        if opts.furniture {
            let (subtitle, legend) = heads();
            f.paragraph(&model.title, f.ty.title, true, Ink::Text);
            f.y += f.px(2.0);
            f.paragraph(&subtitle, f.ty.subtitle, false, Ink::Muted);
            f.y += f.px(6.0);
            f.legend(&legend, opts.shown);
        }
        f
    }

    /// The warnings this view shows (indexes into the model's warnings), for the footer.
    pub fn set_footnotes(&mut self, model: &Model, footnotes: Vec<usize>) {
        // An image holds a few footnotes in full; past them, one line says how many more the
        // data table has (hostile data can contradict itself on every row).
        let shown = if footnotes.len() > MAX_FOOTNOTES { MAX_FOOTNOTES - 1 } else { footnotes.len() };
        self.footnote_texts = footnote_texts(model, &footnotes[..shown], self.lang);
        if shown < footnotes.len() {
            let more = crate::words::words(self.lang).more_notes(footnotes.len() - shown);
            self.footnote_texts.push(("…".to_string(), more));
        }
        self.footnotes = footnotes;
    }

    /// The finished scene of the view named `view`: everything drawn so far, `height` device
    /// px tall.
    pub fn finish(self, view: &'static str, height: f64, plot: Rect) -> Scene {
        Scene {
            view,
            width: self.w.round() as u32,
            height: height.ceil() as u32,
            dpr: self.s,
            plot,
            marks: self.marks,
            hits: HitTable::new(self.hits),
            footnotes: self.footnotes,
            notes: self.notes,
            pages: 1,
            page: 0,
        }
    }

    pub fn px(&self, css: f64) -> f64 {
        css * self.s
    }

    pub fn stroke(&self, css: f64) -> u32 {
        (css * self.s).round().max(1.0) as u32
    }

    pub fn inner_width(&self) -> f64 {
        self.w - 2.0 * self.pad
    }

    /// A label at (x, y), device pixels.
    pub fn text(&mut self, x: f64, y: f64, text: String, style: LabelStyle) {
        self.marks.push(Mark::Text(Label {
            pos: (x.round() as i32, y.round() as i32),
            text,
            style: LabelStyle { size: style.size.round(), ..style },
        }));
    }

    /// A data point drawn as `mark` (its last mark pushed, so it is on top of those before).
    pub fn hit(&mut self, mark: Rect, year: i32, tier: usize, series: Series) {
        let min = self.px(MIN_TARGET);
        self.hit_with_target(mark, target(mark, min), year, tier, series);
    }

    /// A data point whose touch target is not the grown mark (a thin marker).
    pub fn hit_with_target(&mut self, mark: Rect, rect: Rect, year: i32, tier: usize, series: Series) {
        self.push_hit(Hit::new(mark, rect, year, tier, series));
    }

    /// A data point as described by `hit`, its target grown to the smallest touch target
    /// and its drawing order that of the last mark pushed.
    pub fn push_hit(&mut self, mut hit: Hit) {
        hit.rect = Rect {
            x0: hit.rect.x0.min(hit.mark.x0),
            y0: hit.rect.y0.min(hit.mark.y0),
            x1: hit.rect.x1.max(hit.mark.x1),
            y1: hit.rect.y1.max(hit.mark.y1),
        };
        hit.z = self.marks.len() as u32;
        self.hits.push(hit);
    }

    /// Wrapped lines from the current y down.
    pub fn paragraph(&mut self, body: &str, css_size: f64, bold: bool, ink: Ink) {
        let size = self.px(css_size);
        let style = LabelStyle::new(size, ink).weight(bold);
        for line in text::wrap(body, size, self.inner_width()) {
            let (x, y) = (self.pad, self.y);
            self.text(x, y, line, style);
            self.y += size * LINE;
        }
    }

    /// A derived value's bar: a light tint, diagonal hatching and an outline in `ink`.
    pub fn hatched(&mut self, r: Rect, ink: Ink) {
        let tint = match ink {
            Ink::Region => Ink::RegionTint,
            Ink::Reference => Ink::ReferenceTint,
            _ => Ink::Background,
        };
        self.marks.push(Mark::Fill { rect: r, ink: tint });
        let spacing = self.px(5.0).max(2.0).round() as u32;
        self.marks.push(Mark::Hatch { rect: r, ink, spacing, width: self.stroke(1.0) });
        let ow = self.stroke(1.5);
        self.marks.push(Mark::Outline { rect: r, ink, width: ow });
    }

    /// A bar: solid when stated, hatched when derived.
    pub fn bar(&mut self, r: Rect, ink: Ink, derived: bool) {
        if derived {
            self.hatched(r, ink);
        } else {
            self.marks.push(Mark::Fill { rect: r, ink });
        }
    }

    /// A horizontal dashed line from x0 to x1 at y: dashes of 4 CSS px, gaps of 3.
    pub fn dashed(&mut self, x0: f64, x1: f64, y: f64, ink: Ink, width: u32) {
        let (on, off) = (self.px(4.0), self.px(3.0));
        self.dash_line((x0, y), (x1, y), (on, off), ink, width);
    }

    /// A dashed line from `a` to `b` (device px), `dash` = (on, off) lengths.
    pub fn dash_line(&mut self, a: (f64, f64), b: (f64, f64), (on, off): (f64, f64), ink: Ink, width: u32) {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = (dx * dx + dy * dy).sqrt();
        if len == 0.0 {
            return;
        }
        let (ux, uy) = (dx / len, dy / len);
        let at = |t: f64| ((a.0 + t * ux).round() as i32, (a.1 + t * uy).round() as i32);
        let mut t = 0.0;
        while t < len {
            let end = (t + on).min(len);
            self.marks.push(Mark::Line { from: at(t), to: at(end), ink, width });
            t = end + off;
        }
    }

    /// The footer's height with `notes` under the footnotes (a dry run, to size the plot).
    pub fn footer_height(&mut self, notes: &[String]) -> f64 {
        self.footer_at(None, notes)
    }

    /// The footer from `top`: numbered warnings, `notes`, the source line.
    pub fn footer(&mut self, top: f64, notes: &[String]) {
        self.footer_at(Some(top), notes);
        self.notes = notes.to_vec();
    }

    fn footer_at(&mut self, top: Option<f64>, notes: &[String]) -> f64 {
        let size = self.px(self.ty.note);
        let mut y = top.unwrap_or(0.0);
        let start = y;
        let footnotes = if self.furniture { std::mem::take(&mut self.footnote_texts) } else { Vec::new() };
        let source = if self.furniture { std::mem::take(&mut self.source) } else { Vec::new() };
        let warning = LabelStyle::new(size, Ink::Warning);
        for (m, note) in &footnotes {
            let indent = text::width(m, size) + self.px(4.0);
            let lines = text::wrap(note, size, self.inner_width() - indent);
            if top.is_some() {
                let pad = self.pad;
                self.text(pad, y, m.clone(), warning.bold());
                for (k, line) in lines.iter().enumerate() {
                    self.text(pad + indent, y + k as f64 * size * LINE, line.clone(), warning);
                }
            }
            y += lines.len() as f64 * size * LINE + self.px(2.0);
        }
        for note in notes.iter().chain(&source) {
            for line in text::wrap(note, size, self.inner_width()) {
                if top.is_some() {
                    let pad = self.pad;
                    self.text(pad, y, line, LabelStyle::new(size, Ink::Muted));
                }
                y += size * LINE;
            }
        }
        if self.furniture {
            self.footnote_texts = footnotes;
            self.source = source;
        }
        y - start
    }
}
