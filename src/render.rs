//! Render: draws a [`Scene`] on any plotters [`DrawingBackend`]: `SVGBackend` natively,
//! `CanvasBackend` in the browser (the reader's crate); the command line's crate rasterises the SVG
//! to PNG. It decides nothing
//! about positions or words; it maps colour roles to a [`Theme`] and hands each mark to the
//! backend.

use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily, FontStyle,
};

use crate::layout::{hatch_lines, HAlign, Ink, Label, Mark, Rect, Scene, VAlign};
use crate::text::{self, FONT_STACK};

/// The colours a page may set, by name (see [`Theme::set`]).
pub const COLOR_NAMES: &[&str] = &[
    "background",
    "text",
    "muted",
    "grid",
    "axis",
    "region",
    "region-tint",
    "reference",
    "reference-tint",
    "previous",
    "warning",
];

fn parse_hex(v: &str) -> Option<Rgb> {
    let h = v.trim().strip_prefix('#')?;
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let b = h.as_bytes();
    match b.len() {
        3 => Some(Rgb(digit(b[0])? * 17, digit(b[1])? * 17, digit(b[2])? * 17)),
        6 => Some(Rgb(
            digit(b[0])? * 16 + digit(b[1])?,
            digit(b[2])? * 16 + digit(b[3])?,
            digit(b[4])? * 16 + digit(b[5])?,
        )),
        _ => None,
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Colours for every [`Ink`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
    pub axis: Rgb,
    pub region: Rgb,
    pub region_tint: Rgb,
    pub reference: Rgb,
    pub reference_tint: Rgb,
    pub previous: Rgb,
    pub warning: Rgb,
    /// The CSS font family list for every label; `None` is [`FONT_STACK`].
    pub font: Option<String>,
}

impl Theme {
    /// Sets one colour by its name (`region`, `reference`, …) from `#rgb` or `#rrggbb`, as a
    /// newsroom's brand colours arrive from CSS. Unknown names and values are errors.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let rgb = parse_hex(value)
            .ok_or_else(|| crate::cat!(name, ": expected a colour like #d9480f, got \"", value, "\""))?;
        let slot = match name {
            "background" => &mut self.background,
            "text" => &mut self.text,
            "muted" => &mut self.muted,
            "grid" => &mut self.grid,
            "axis" => &mut self.axis,
            "region" => &mut self.region,
            "region-tint" => &mut self.region_tint,
            "reference" => &mut self.reference,
            "reference-tint" => &mut self.reference_tint,
            "previous" => &mut self.previous,
            "warning" => &mut self.warning,
            _ => {
                return Err(crate::cat!(name, ": not a colour of the chart; expected one of ", COLOR_NAMES.join(", ")))
            }
        };
        *slot = rgb;
        // A series colour brings its own light tint (hatched bars, the trend's shading), unless
        // the tint is set as well.
        let tint = |c: Rgb, bg: Rgb| {
            let mix = |a: u8, b: u8| ((a as u16 * 2 + b as u16 * 8) / 10) as u8;
            Rgb(mix(c.0, bg.0), mix(c.1, bg.1), mix(c.2, bg.2))
        };
        match name {
            "region" => self.region_tint = tint(rgb, self.background),
            "reference" => self.reference_tint = tint(rgb, self.background),
            _ => {}
        }
        Ok(())
    }

    /// Orange for the region, blue for the reference, grey for last year: told apart with
    /// the common colour-vision deficiencies; text colours reach 4.5:1 on the background and
    /// marks 3:1. The reference's line crosses the other series' bars (the province's line in
    /// the cities view, its tick in the change view), so its ink is 3:1 from theirs as well:
    /// a dark blue in the light theme, a pale one in the dark theme, with the bars between it
    /// and the background (`tests/palette.rs`).
    pub fn light() -> Theme {
        Theme {
            background: Rgb(255, 255, 255),
            text: Rgb(31, 35, 40),
            muted: Rgb(87, 96, 106),
            grid: Rgb(229, 231, 235),
            axis: Rgb(140, 148, 158),
            region: Rgb(224, 79, 26),
            region_tint: Rgb(253, 226, 212),
            reference: Rgb(3, 47, 110),
            reference_tint: Rgb(219, 231, 250),
            previous: Rgb(121, 129, 139),
            warning: Rgb(180, 35, 24),
            font: None,
        }
    }

    pub fn dark() -> Theme {
        Theme {
            background: Rgb(22, 27, 34),
            text: Rgb(236, 239, 243),
            muted: Rgb(166, 175, 186),
            grid: Rgb(52, 60, 71),
            axis: Rgb(110, 119, 131),
            region: Rgb(187, 98, 6),
            region_tint: Rgb(62, 40, 26),
            reference: Rgb(201, 224, 254),
            reference_tint: Rgb(31, 52, 84),
            previous: Rgb(115, 121, 133),
            warning: Rgb(248, 113, 113),
            font: None,
        }
    }

    /// `light`, `dark`; anything else is `None`.
    pub fn named(name: &str) -> Option<Theme> {
        match name {
            "light" => Some(Theme::light()),
            "dark" => Some(Theme::dark()),
            _ => None,
        }
    }

    pub fn ink(&self, ink: Ink) -> Rgb {
        match ink {
            Ink::Background => self.background,
            Ink::Text => self.text,
            Ink::Muted => self.muted,
            Ink::Grid => self.grid,
            Ink::Axis => self.axis,
            Ink::Region => self.region,
            Ink::RegionTint => self.region_tint,
            Ink::Reference => self.reference,
            Ink::ReferenceTint => self.reference_tint,
            Ink::Previous => self.previous,
            Ink::Warning => self.warning,
        }
    }

    fn color(&self, ink: Ink) -> BackendColor {
        let Rgb(r, g, b) = self.ink(ink);
        BackendColor { alpha: 1.0, rgb: (r, g, b) }
    }
}

struct Stroke {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// A label's font. Backends that draw text themselves (SVG, canvas) only read its fields;
/// the box comes from the same estimate the layout used.
struct Font<'a> {
    family: &'a str,
    size: f64,
    bold: bool,
    color: BackendColor,
    anchor: Pos,
}

impl BackendTextStyle for Font<'_> {
    type FontError = std::fmt::Error;

    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(self.family)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        Ok(((0, 0), (text::width(text, self.size).round() as i32, self.size.round() as i32)))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _: &str,
        _: (i32, i32),
        _: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        Ok(Ok(()))
    }
}

/// Draws `scene` on `backend`. `font_scale` multiplies every font size, for backends
/// whose idea of a size differs (plotters' SVG backend writes `size / 1.24`).
pub fn draw<DB: DrawingBackend>(
    backend: &mut DB,
    scene: &Scene,
    theme: &Theme,
    font_scale: f64,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    draw_with(backend, scene, theme, font_scale, &mut |_, _, _, _| false)
}

/// [`draw`], with `hatch` offered each [`Mark::Hatch`] first (its rectangle, line spacing,
/// colour and stroke width): it returns `true` when it drew the hatching itself, as the canvas
/// does with one pattern fill instead of a stroke per line. Either way the lines are those of
/// [`hatch_lines`]: 45° apart by `spacing`, `x − y ≡ x0 − y1 + spacing / 2`.
pub fn draw_with<DB: DrawingBackend>(
    backend: &mut DB,
    scene: &Scene,
    theme: &Theme,
    font_scale: f64,
    hatch: &mut dyn FnMut(Rect, u32, BackendColor, u32) -> bool,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let bg = Stroke { color: theme.color(Ink::Background), width: 1 };
    backend.draw_rect((0, 0), (scene.width as i32, scene.height as i32), &bg, true)?;
    for mark in &scene.marks {
        match mark {
            Mark::Fill { rect, ink } => {
                let s = Stroke { color: theme.color(*ink), width: 1 };
                backend.draw_rect((rect.x0, rect.y0), (rect.x1, rect.y1), &s, true)?;
            }
            Mark::Outline { rect, ink, width } => {
                let s = Stroke { color: theme.color(*ink), width: *width };
                backend.draw_rect((rect.x0, rect.y0), (rect.x1, rect.y1), &s, false)?;
            }
            Mark::Line { from, to, ink, width } => {
                let s = Stroke { color: theme.color(*ink), width: *width };
                backend.draw_line(*from, *to, &s)?;
            }
            Mark::Dot { center, radius, ink, hollow, width } => {
                let s = Stroke { color: theme.color(*ink), width: *width };
                if *hollow {
                    backend.draw_circle(*center, *radius, &bg, true)?;
                    let inner = radius.saturating_sub(width / 2).max(1);
                    backend.draw_circle(*center, inner, &s, false)?;
                } else {
                    backend.draw_circle(*center, *radius, &s, true)?;
                }
            }
            Mark::Polygon { points, ink } => {
                let s = Stroke { color: theme.color(*ink), width: 1 };
                backend.fill_polygon(points.iter().copied(), &s)?;
            }
            Mark::Hatch { rect, ink, spacing, width } => {
                if !hatch(*rect, *spacing, theme.color(*ink), *width) {
                    let s = Stroke { color: theme.color(*ink), width: *width };
                    for (from, to) in hatch_lines(*rect, *spacing) {
                        backend.draw_line(from, to, &s)?;
                    }
                }
            }
            Mark::Text(label) => draw_label(backend, label, theme, font_scale)?,
        }
    }
    Ok(())
}

fn draw_label<DB: DrawingBackend>(
    backend: &mut DB,
    l: &Label,
    theme: &Theme,
    font_scale: f64,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let h = match l.style.h {
        HAlign::Left => HPos::Left,
        HAlign::Center => HPos::Center,
        HAlign::Right => HPos::Right,
    };
    let v = match l.style.v {
        VAlign::Top => VPos::Top,
        VAlign::Middle => VPos::Center,
        VAlign::Bottom => VPos::Bottom,
    };
    let family = theme.font.as_deref().unwrap_or(FONT_STACK);
    let st = &l.style;
    let font =
        Font { family, size: st.size * font_scale, bold: st.bold, color: theme.color(st.ink), anchor: Pos::new(h, v) };
    backend.draw_text(&l.text, &font, l.pos)
}

/// plotters' SVG backend writes a font size of `size / 1.24`; this undoes it so SVG text
/// is the size the layout asked for, as on the canvas.
#[cfg(not(target_arch = "wasm32"))]
pub const SVG_FONT_SCALE: f64 = 1.24;

/// The chart as a standalone SVG document, with the title as its accessible name.
#[cfg(not(target_arch = "wasm32"))]
pub fn svg(scene: &Scene, theme: &Theme, title: &str) -> String {
    use plotters::backend::DrawingBackend as _;
    let mut out = String::new();
    {
        let mut backend = plotters::prelude::SVGBackend::with_string(&mut out, (scene.width, scene.height));
        // Writing into a String cannot fail.
        let _ = draw(&mut backend, scene, theme, SVG_FONT_SCALE);
        let _ = backend.present();
    }
    let out = clean_font_sizes(&out);
    let escaped = title.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    match out.find('>') {
        Some(end) => {
            let (head, rest) = out.split_at(end);
            format!(
                "{head} role=\"img\" aria-label=\"{}\">\n<title>{escaped}</title>{}",
                escaped.replace('"', "&quot;"),
                &rest[1..]
            )
        }
        None => out,
    }
}

/// `svg` with each `font-size` written as the layout's size: plotters writes `size / 1.24`,
/// which gives back 13 × 1.24 / 1.24 as 13.000000000000002.
#[cfg(not(target_arch = "wasm32"))]
fn clean_font_sizes(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(KEY) {
        let (head, tail) = rest.split_at(at + KEY.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        let value = &tail[..end];
        match crate::format::read_decimal(value, false) {
            Some(w) => out.push_str(crate::format::fixed(w.value, 2).trim_end_matches('0').trim_end_matches('.')),
            None => out.push_str(value),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn font_sizes_without_float_noise() {
        assert_eq!(
            clean_font_sizes(r#"<text font-size="13.000000000000002">a</text><text font-size="11.5">b</text>"#),
            r#"<text font-size="13">a</text><text font-size="11.5">b</text>"#
        );
    }

    #[test]
    fn colours_by_name() {
        let mut t = Theme::light();
        t.set("region", "#008000").unwrap();
        t.set("reference", "#fa0").unwrap();
        assert_eq!((t.region, t.reference), (Rgb(0, 128, 0), Rgb(255, 170, 0)));
        assert!(t.set("regoin", "#000").unwrap_err().starts_with("regoin: not a colour"));
        assert!(t.set("region", "red").unwrap_err().starts_with("region: expected a colour"));
        assert!(t.set("region", "#12345g").is_err());
    }
}
