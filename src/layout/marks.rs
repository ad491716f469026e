//! What a scene draws: rectangles, lines, dots, polygons and labels in device pixels, each
//! with a colour role ([`Ink`]) that the theme turns into a colour.

/// A position in device pixels.
pub type Point = (i32, i32);

/// A rectangle in device pixels, `x0 <= x1`, `y0 <= y1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect {
            x0: x0.min(x1).round() as i32,
            y0: y0.min(y1).round() as i32,
            x1: x0.max(x1).round() as i32,
            y1: y0.max(y1).round() as i32,
        }
    }

    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 as f64 && x <= self.x1 as f64 && y >= self.y0 as f64 && y <= self.y1 as f64
    }

    pub fn center(&self) -> Point {
        ((self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2)
    }

    /// Distance from a point to the rectangle (0 inside).
    pub fn distance(&self, x: f64, y: f64) -> f64 {
        let dx = (self.x0 as f64 - x).max(x - self.x1 as f64).max(0.0);
        let dy = (self.y0 as f64 - y).max(y - self.y1 as f64).max(0.0);
        (dx * dx + dy * dy).sqrt()
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

/// A colour role; the theme gives it a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ink {
    Background,
    Text,
    Muted,
    Grid,
    Axis,
    Region,
    RegionTint,
    Reference,
    ReferenceTint,
    Previous,
    Warning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HAlign {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    Top,
    Middle,
    Bottom,
}

/// How a label looks and which point of it sits at its position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelStyle {
    /// Font size in device pixels.
    pub size: f64,
    pub bold: bool,
    pub ink: Ink,
    pub h: HAlign,
    pub v: VAlign,
}

impl LabelStyle {
    /// Regular weight, anchored at its top left.
    pub fn new(size: f64, ink: Ink) -> LabelStyle {
        LabelStyle { size, bold: false, ink, h: HAlign::Left, v: VAlign::Top }
    }

    pub fn bold(self) -> LabelStyle {
        LabelStyle { bold: true, ..self }
    }

    /// Bold when `bold`.
    pub fn weight(self, bold: bool) -> LabelStyle {
        LabelStyle { bold, ..self }
    }

    /// Which point of the label sits at its position.
    pub fn anchor(self, h: HAlign, v: VAlign) -> LabelStyle {
        LabelStyle { h, v, ..self }
    }
}

/// A piece of text at a position.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub pos: Point,
    pub text: String,
    pub style: LabelStyle,
}

/// One thing to draw. Sizes and widths are in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Fill {
        rect: Rect,
        ink: Ink,
    },
    Outline {
        rect: Rect,
        ink: Ink,
        width: u32,
    },
    Line {
        from: Point,
        to: Point,
        ink: Ink,
        width: u32,
    },
    /// A filled disc, or a ring on the background when `hollow`.
    Dot {
        center: Point,
        radius: u32,
        ink: Ink,
        hollow: bool,
        width: u32,
    },
    Polygon {
        points: Vec<Point>,
        ink: Ink,
    },
    /// 45° lines `spacing` apart, falling to the right on screen, clipped to `rect` (a derived value's
    /// bar): see [`hatch_lines`]. One mark, so a renderer may fill it with a pattern.
    Hatch {
        rect: Rect,
        ink: Ink,
        spacing: u32,
        width: u32,
    },
    Text(Label),
}

/// The lines of a [`Mark::Hatch`]: 45° lines `spacing` apart, clipped to `r`.
pub fn hatch_lines(r: Rect, spacing: u32) -> Vec<(Point, Point)> {
    let mut out = Vec::new();
    let spacing = (spacing as i32).max(2);
    let (x0, y0, x1, y1) = (r.x0, r.y0, r.x1, r.y1);
    // Lines x − y = k (falling to the right, y pointing down); k runs over the span that crosses the rect.
    let mut k = x0 - y1 + spacing / 2;
    while k < x1 - y0 {
        // Clip the line x = y + k to the rect.
        let ya = y0.max(x0 - k);
        let yb = y1.min(x1 - k);
        if ya < yb {
            out.push(((ya + k, ya), (yb + k, yb)));
        }
        k += spacing;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Rect;

    /// Overlap needs both axes; touching edges do not overlap.
    #[test]
    fn rects_overlap_on_both_axes_only() {
        let a = Rect { x0: 0, y0: 0, x1: 10, y1: 10 };
        let at = |x0, y0| Rect { x0, y0, x1: x0 + 10, y1: y0 + 10 };
        assert!(a.overlaps(&at(5, 5)) && at(5, 5).overlaps(&a));
        for (x, y) in [(20, 0), (-20, 0), (0, 20), (0, -20), (10, 0), (0, 10), (20, 20)] {
            assert!(!a.overlaps(&at(x, y)), "{x},{y}");
            assert!(!at(x, y).overlaps(&a), "{x},{y}");
        }
    }
}
