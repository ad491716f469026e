//! PNG for the places that take images only (WeChat articles, share cards), native only.
//!
//! The PNG is the SVG that [`passrate_chart::render::svg`] writes, rasterised by resvg, rather than the scene
//! drawn a second time on a raster backend: one drawing path means one geometry, and resvg
//! shapes the text (with font fallback) where the SVG only names a font. The scene is laid
//! out at the image's device pixel ratio, so the SVG is already in device pixels and is
//! rasterised 1:1: a pixel of the PNG is a pixel of [`Scene`], as on the canvas.
//!
//! Fonts come from the system through fontdb (fontconfig's directories) plus any file the
//! caller adds. The SVG's font stack names macOS and Windows faces first; on Linux the
//! stack reaches "Noto Sans CJK SC" (Debian's `fonts-noto-cjk`). A chart whose text some
//! character of no font can draw is refused rather than drawn with tofu boxes.

use std::path::Path;
use std::sync::Arc;

use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use passrate_chart::layout::{Mark, Scene};
use passrate_chart::render::{svg, Rgb, Theme};
use passrate_chart::text::FONT_STACK;

/// Why a PNG could not be made.
#[derive(Debug)]
pub enum Error {
    /// A font file that cannot be read, or holds no font.
    FontFile { path: String, reason: String },
    /// Characters of the chart's text that no available font draws.
    MissingGlyphs(Vec<char>),
    /// The SVG did not parse (a bug: the renderer writes it) or the image is too large.
    Render(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::FontFile { path, reason } => write!(f, "{path}: {reason}"),
            Error::MissingGlyphs(chars) => {
                let shown: String = chars.iter().take(12).flat_map(|c| [*c, ' ']).collect();
                let more = if chars.len() > 12 { "… " } else { "" };
                write!(
                    f,
                    "no font here draws {}{more}({} characters of the chart's text); install a CJK font \
                     (Debian and Ubuntu: apt-get install fonts-noto-cjk) or add one with --font FILE",
                    shown.trim_end(),
                    chars.len()
                )
            }
            Error::Render(msg) => write!(f, "cannot render the PNG: {msg}"),
        }
    }
}

impl std::error::Error for Error {}

/// The fonts a PNG is drawn with.
#[derive(Clone)]
pub struct Fonts {
    db: Arc<fontdb::Database>,
    /// The families of the files added, in order, drawn before the theme's font stack.
    added: Vec<String>,
}

impl Fonts {
    /// The system's fonts.
    pub fn system() -> Fonts {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        Fonts::with(db)
    }

    /// No fonts at all until [`Fonts::add_file`]: for tests, and for builds that must not
    /// depend on what a machine has installed.
    pub fn none() -> Fonts {
        Fonts::with(fontdb::Database::new())
    }

    fn with(mut db: fontdb::Database) -> Fonts {
        set_generic_families(&mut db);
        Fonts { db: Arc::new(db), added: Vec::new() }
    }

    /// Adds a font file (TrueType, OpenType or a collection) and draws the chart in it, after
    /// any added before it; characters it lacks come from the other fonts. Returns the family
    /// it is drawn as.
    pub fn add_file(&mut self, path: &Path) -> Result<String, Error> {
        let fail = |reason: String| Error::FontFile { path: path.display().to_string(), reason };
        let bytes = std::fs::read(path).map_err(|e| fail(e.to_string()))?;
        let db = Arc::make_mut(&mut self.db);
        let ids = db.load_font_source(fontdb::Source::Binary(Arc::new(bytes)));
        let families: Vec<String> = ids.iter().filter_map(|id| db.face(*id)).map(english_family).collect();
        // A collection such as NotoSansCJK.ttc holds one face per region; Chinese charts want
        // the simplified-Chinese one when there is one.
        let family = families
            .iter()
            .find(|f| f.ends_with(" SC") || f.contains("GB") || f.ends_with(" CN"))
            .or(families.first())
            .cloned()
            .ok_or_else(|| fail("not a font file (expected TrueType, OpenType or a .ttc collection)".into()))?;
        set_generic_families(db);
        self.added.push(family.clone());
        Ok(family)
    }
}

fn english_family(face: &fontdb::FaceInfo) -> String {
    face.families
        .iter()
        .find(|f| f.1 == fontdb::Language::English_UnitedStates)
        .or(face.families.first())
        .map(|f| f.0.clone())
        .unwrap_or_default()
}

/// The families of a CSS font-family list, unquoted, generic names left out.
fn stack_families(stack: &str) -> impl Iterator<Item = &str> {
    stack
        .split(',')
        .map(|f| f.trim().trim_matches(|c| c == '"' || c == '\''))
        .filter(|f| !matches!(*f, "" | "serif" | "sans-serif" | "monospace" | "cursive" | "fantasy" | "system-ui"))
}

/// fontdb's generic families default to Times New Roman and Arial, which Linux lacks; when
/// nothing in a font stack is installed usvg asks for `serif`, and an unknown family there
/// would drop the text. Point the generics at the first installed face of [`FONT_STACK`], or
/// else at any face: per-character fallback then finds CJK glyphs wherever they are.
fn set_generic_families(db: &mut fontdb::Database) {
    let installed = |name: &str| db.faces().any(|f| f.families.iter().any(|(n, _)| n == name));
    let family = stack_families(FONT_STACK)
        .find(|f| installed(f))
        .map(str::to_string)
        .or_else(|| db.faces().map(english_family).min());
    if let Some(family) = family {
        db.set_sans_serif_family(family.clone());
        db.set_serif_family(family);
    }
}

/// The chart as an opaque RGB PNG, `scene.width` × `scene.height` pixels. Lay the scene out
/// at the image's scale (`Options::dpr`); `title` is the image's accessible name in the SVG
/// it is drawn from.
pub fn png(scene: &Scene, theme: &Theme, title: &str, fonts: &Fonts) -> Result<Vec<u8>, Error> {
    let pixmap = pixmap(scene, theme, title, fonts)?;
    encode(&pixmap, theme.background)
}

/// The chart rasterised, before encoding.
pub fn pixmap(scene: &Scene, theme: &Theme, title: &str, fonts: &Fonts) -> Result<Pixmap, Error> {
    let tree = tree(scene, theme, title, fonts)?;
    let mut pixmap = Pixmap::new(scene.width, scene.height)
        .ok_or_else(|| Error::Render(format!("{} × {} pixels is too large", scene.width, scene.height)))?;
    // The SVG paints its background, but anti-aliased edges would still blend with
    // transparent black: start from the background so every pixel is opaque.
    let Rgb(r, g, b) = theme.background;
    pixmap.fill(Color::from_rgba8(r, g, b, 255));
    resvg::render(&tree, Transform::identity(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The SVG parsed, its text shaped, every character in a glyph of some font.
fn tree(scene: &Scene, theme: &Theme, title: &str, fonts: &Fonts) -> Result<usvg::Tree, Error> {
    let mut theme = theme.clone();
    if !fonts.added.is_empty() {
        let stack = theme.font.as_deref().unwrap_or(FONT_STACK);
        let added: Vec<String> = fonts.added.iter().map(|f| format!("\"{f}\"")).collect();
        theme.font = Some(format!("{},{stack}", added.join(",")));
    }
    let svg = svg(scene, &theme, title);
    let opt = usvg::Options {
        fontdb: fonts.db.clone(),
        font_family: fonts.db.family_name(&fontdb::Family::SansSerif).to_string(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &opt).map_err(|e| Error::Render(e.to_string()))?;
    let missing = missing_glyphs(scene, &tree);
    if !missing.is_empty() {
        return Err(Error::MissingGlyphs(missing));
    }
    Ok(tree)
}

/// The characters of the scene's labels that usvg drew with no glyph (`.notdef`, the tofu
/// box) or dropped because no font matched.
fn missing_glyphs(scene: &Scene, tree: &usvg::Tree) -> Vec<char> {
    let mut drawn = std::collections::HashSet::new();
    visit_glyphs(tree.root(), &mut |g| {
        if g.id.0 != 0 {
            drawn.extend(g.text.chars());
        }
    });
    // In reading order (the title first), each once.
    let mut seen = std::collections::HashSet::new();
    scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text(l) => Some(l.text.chars()),
            _ => None,
        })
        .flatten()
        .filter(|c| !c.is_whitespace() && !drawn.contains(c) && seen.insert(*c))
        .collect()
}

fn visit_glyphs(group: &usvg::Group, f: &mut impl FnMut(&usvg::layout::PositionedGlyph)) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => visit_glyphs(g, f),
            usvg::Node::Text(t) => t.layouted().iter().flat_map(|s| &s.positioned_glyphs).for_each(&mut *f),
            _ => {}
        }
    }
}

/// Opaque RGB: no alpha channel for a host to composite against its own background.
fn encode(pixmap: &Pixmap, background: Rgb) -> Result<Vec<u8>, Error> {
    let Rgb(br, bg, bb) = background;
    let rgb: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            // Every pixel is opaque after the background fill, so premultiplied is straight
            // colour; blend with the background in case that ever changes.
            let a = p.alpha() as u16;
            let over = |c: u8, bgc: u8| (c as u16 + (bgc as u16 * (255 - a) + 127) / 255).min(255) as u8;
            [over(p.red(), br), over(p.green(), bg), over(p.blue(), bb)]
        })
        .collect();
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_source_srgb(png::SrgbRenderingIntent::Perceptual);
    enc.set_compression(png::Compression::High);
    let mut writer = enc.write_header().map_err(|e| Error::Render(e.to_string()))?;
    writer.write_image_data(&rgb).map_err(|e| Error::Render(e.to_string()))?;
    writer.finish().map_err(|e| Error::Render(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The faces the seed chart's glyphs are drawn from: (family, weight) → glyph count.
    fn faces(fonts: &Fonts) -> std::collections::BTreeMap<(String, u16), usize> {
        let model = passrate_chart::parse(include_str!("../../../www/data/yuncheng-2019.json")).unwrap();
        let opts = passrate_chart::layout::Options { width: 360.0, dpr: 3.0, ..Default::default() };
        let scene = passrate_chart::views::layout(&model, passrate_chart::views::View::Compare, &opts);
        let tree = tree(&scene, &Theme::light(), &model.title, fonts).unwrap();
        let mut out = std::collections::BTreeMap::new();
        visit_glyphs(tree.root(), &mut |g| {
            let face = tree.fontdb().face(g.font).unwrap();
            *out.entry((english_family(face), face.weight.0)).or_default() += 1;
        });
        out
    }

    /// On Linux with Debian's fonts-noto-cjk (as in CI), the stack's macOS and Windows faces
    /// are missing and every glyph, bold or not, comes from Noto Sans CJK SC.
    #[test]
    fn the_font_stack_reaches_noto_sans_cjk_sc() {
        let used = faces(&Fonts::system());
        let families: Vec<&(String, u16)> = used.keys().collect();
        assert_eq!(families, [&("Noto Sans CJK SC".to_string(), 400), &("Noto Sans CJK SC".to_string(), 700)]);
    }

    /// A font file is drawn first, as its collection's simplified-Chinese face (the bold
    /// title finds the family's bold among the system's fonts).
    #[test]
    fn an_added_font_comes_first() {
        let mut fonts = Fonts::system();
        let family = fonts.add_file("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc".as_ref()).unwrap();
        assert_eq!(family, "Noto Serif CJK SC");
        let used = faces(&fonts);
        let families: Vec<&(String, u16)> = used.keys().collect();
        assert_eq!(families, [&("Noto Serif CJK SC".to_string(), 400), &("Noto Serif CJK SC".to_string(), 700)]);
    }

    #[test]
    fn font_stack_families() {
        let names: Vec<&str> = stack_families(FONT_STACK).collect();
        assert_eq!(names[0], "PingFang SC");
        assert!(names.contains(&"Noto Sans CJK SC"));
        assert!(!names.contains(&"sans-serif"));
    }
}
