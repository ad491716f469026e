//! The PNG from `passrate-chart render --format png`, decoded and held against the scene the
//! same options lay out: the image is the scene's size, marks are where the scene puts them
//! in the theme's colours, and the title is real glyphs, not tofu boxes. Needs a CJK font
//! (Debian's fonts-noto-cjk, which `.ci/run` installs).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../../../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

use passrate_chart::layout::{HAlign, Ink, Label, Mark, Options, Rect, Scene, Series, VAlign};
use passrate_chart::render::{Rgb, Theme};
use passrate_chart::text;
use passrate_chart::views::{layout, View};
use passrate_chart_cli::png as png_out;

/// The command's defaults for a PNG: 360 CSS px at scale 3.
const WIDTH: f64 = 360.0;
const SCALE: f64 = 3.0;
const NOTO_SANS: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const NOTO_SERIF: &str = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_passrate-chart")).args(args).current_dir(common::repo_root()).output().unwrap()
}

fn tmp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("passrate-png-{}-{name}", std::process::id()))
}

/// Runs the command with `args` and `-o` a temporary file; the decoded image.
fn render(name: &str, args: &[&str]) -> Image {
    let out = tmp(name);
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", out.to_str().unwrap()]);
    let o = run(&all);
    assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    let img = Image::decode(&std::fs::read(&out).unwrap());
    let _ = std::fs::remove_file(&out);
    img
}

struct Image {
    width: u32,
    height: u32,
    rgb: Vec<u8>,
}

impl Image {
    /// Only 8-bit RGB is accepted: the PNG must have no alpha channel.
    fn decode(bytes: &[u8]) -> Image {
        let mut reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().unwrap();
        let mut rgb = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut rgb).unwrap();
        assert_eq!((info.color_type, info.bit_depth), (png::ColorType::Rgb, png::BitDepth::Eight), "opaque RGB");
        rgb.truncate(info.buffer_size());
        Image { width: info.width, height: info.height, rgb }
    }

    fn at(&self, (x, y): (i32, i32)) -> Rgb {
        assert!(x >= 0 && y >= 0 && (x as u32) < self.width && (y as u32) < self.height, "({x}, {y}) is outside");
        let i = (y as usize * self.width as usize + x as usize) * 3;
        Rgb(self.rgb[i], self.rgb[i + 1], self.rgb[i + 2])
    }

    fn luma(&self, p: (i32, i32)) -> u8 {
        let Rgb(r, g, b) = self.at(p);
        ((r as u32 * 299 + g as u32 * 587 + b as u32 * 114) / 1000) as u8
    }
}

fn near(a: Rgb, b: Rgb, tolerance: u8) -> bool {
    a.0.abs_diff(b.0) <= tolerance && a.1.abs_diff(b.1) <= tolerance && a.2.abs_diff(b.2) <= tolerance
}

fn scene(view: View, width: f64, dpr: f64) -> Scene {
    let opts = Options { width, height: 420.0, dpr, ..Options::default() };
    layout(&common::fixture("seed.json"), view, &opts)
}

/// A label's box from the layout's width estimate and its anchor.
fn label_box(l: &Label) -> Rect {
    let (w, h) = (text::width(&l.text, l.style.size), l.style.size);
    let x0 = match l.style.h {
        HAlign::Left => l.pos.0 as f64,
        HAlign::Center => l.pos.0 as f64 - w / 2.0,
        HAlign::Right => l.pos.0 as f64 - w,
    };
    let y0 = match l.style.v {
        VAlign::Top => l.pos.1 as f64,
        VAlign::Middle => l.pos.1 as f64 - h / 2.0,
        VAlign::Bottom => l.pos.1 as f64 - h,
    };
    Rect::new(x0, y0, x0 + w, y0 + h)
}

/// What a mark may paint, generously: its bounding box.
fn mark_box(m: &Mark) -> Rect {
    match m {
        Mark::Fill { rect, .. } | Mark::Hatch { rect, .. } => *rect,
        Mark::Outline { rect, width, .. } => grow(*rect, *width as i32),
        Mark::Line { from, to, width, .. } => {
            grow(Rect::new(from.0 as f64, from.1 as f64, to.0 as f64, to.1 as f64), *width as i32)
        }
        Mark::Dot { center: (x, y), radius, .. } => grow(Rect { x0: *x, y0: *y, x1: *x, y1: *y }, *radius as i32),
        Mark::Polygon { points, .. } => {
            points.iter().fold(Rect { x0: i32::MAX, y0: i32::MAX, x1: i32::MIN, y1: i32::MIN }, |r, &(x, y)| Rect {
                x0: r.x0.min(x),
                y0: r.y0.min(y),
                x1: r.x1.max(x),
                y1: r.y1.max(y),
            })
        }
        Mark::Text(l) => label_box(l),
    }
}

fn grow(r: Rect, by: i32) -> Rect {
    Rect { x0: r.x0 - by, y0: r.y0 - by, x1: r.x1 + by, y1: r.y1 + by }
}

/// Points of the plot area that no mark comes within `margin` device pixels of (text boxes
/// grown by half their size again, for glyphs wider than the estimate).
fn empty_points(scene: &Scene, margin: i32) -> Vec<(i32, i32)> {
    let boxes: Vec<Rect> = scene
        .marks
        .iter()
        .map(|m| match m {
            Mark::Text(l) => grow(mark_box(m), margin + l.style.size as i32 / 2),
            _ => grow(mark_box(m), margin),
        })
        .collect();
    let p = scene.plot;
    let step = (margin / 2).max(1) as usize;
    (p.y0..=p.y1)
        .step_by(step)
        .flat_map(|y| (p.x0..=p.x1).step_by(step).map(move |x| (x, y)))
        .filter(|&(x, y)| !boxes.iter().any(|b| b.contains(x as f64, y as f64)))
        .collect()
}

/// Pixels darker than the midpoint between the text and the background, in `r`.
fn ink(img: &Image, r: Rect) -> usize {
    (r.y0..r.y1).flat_map(|y| (r.x0..r.x1).map(move |x| (x, y))).filter(|&p| img.luma(p) < 128).count()
}

/// The title's checks: drawn at its place in dark ink, in real glyphs.
fn check_title(img: &Image, scene: &Scene) {
    let title = scene
        .marks
        .iter()
        .find_map(|m| match m {
            Mark::Text(l) if l.text == "运城市2019年高考本科达线情况" => Some(l),
            _ => None,
        })
        .expect("the title is drawn in the image");
    let b = label_box(title);
    let size = title.style.size as i32;
    // Glyphs may rise above the em box's top and fall below it a little.
    let row = Rect { x0: b.x0, y0: b.y0 - size / 4, x1: b.x1, y1: b.y1 + size / 4 };
    let count = ink(img, row);
    // Bold CJK glyphs cover about a third of their em square (measured: 1.2 times this
    // estimate); nothing drawn is 0, DejaVu's tofu boxes 0.44 times.
    let estimate = (b.x1 - b.x0) as f64 * size as f64 / 3.0;
    assert!(
        (0.6 * estimate..1.6 * estimate).contains(&(count as f64)),
        "title ink: {count} dark pixels, expected about {estimate:.0}"
    );
    // No ink outside the title's row: it is where the scene put it (to the left, the padding).
    assert_eq!(ink(img, Rect { x0: 0, y0: row.y0, x1: b.x0 - size / 4, y1: row.y1 }), 0, "ink left of the title");
    // Tofu boxes are alike; the title's first glyphs (运, 城) are not. Shapes are told apart by
    // the blank columns between them, whatever the font's advances.
    let dark = |x: i32| (row.y0..row.y1).any(|y| img.luma((x, y)) < 128);
    let mut shapes: Vec<(i32, i32)> = Vec::new();
    for x in row.x0..row.x1 {
        match shapes.last_mut() {
            Some(s) if dark(x) && s.1 == x => s.1 = x + 1,
            _ if dark(x) => shapes.push((x, x + 1)),
            _ => {}
        }
    }
    assert!(shapes.len() >= 2, "the title is one blot: {shapes:?}");
    let ((a0, a1), (b0, b1)) = (shapes[0], shapes[1]);
    let w = (a1 - a0).max(b1 - b0);
    let cells = (row.y0..row.y1).flat_map(|y| (0..w).map(move |dx| (dx, y)));
    let differ =
        cells.clone().filter(|&(dx, y)| (img.luma((a0 + dx, y)) < 128) != (img.luma((b0 + dx, y)) < 128)).count();
    let area = cells.count();
    // Measured: about 30 % for 运 and 城 in Noto Sans CJK, under 7 % for DejaVu's tofu boxes.
    assert!(
        differ as f64 > 0.15 * area as f64,
        "the title's first shapes look alike, tofu? ({differ} of {area} differ)"
    );
}

#[test]
fn compare_view_png_matches_its_scene() {
    let img = render("compare.png", &["www/data/yuncheng-2019.json", "--view", "compare"]);
    let scene = scene(View::Compare, WIDTH, SCALE);
    assert_eq!((img.width, img.height), (1080, scene.height), "360 CSS px at scale 3");
    assert_eq!(scene.width, 1080);
    let theme = Theme::light();

    // Each region bar that the scene fills solid is the region's orange at its centre.
    let mut bars = 0;
    for hit in scene.hits.hits.iter().filter(|h| h.series == Series::Region) {
        if scene.marks.contains(&Mark::Fill { rect: hit.mark, ink: Ink::Region }) {
            let got = img.at(hit.mark.center());
            assert!(near(got, theme.region, 3), "tier {} bar centre: {got:?}, expected {:?}", hit.tier, theme.region);
            bars += 1;
        }
    }
    assert_eq!(bars, 2, "both tiers' region rates are stated");
    assert_eq!(theme.region, Rgb(0xe0, 0x4f, 0x1a));

    let empty = empty_points(&scene, 12);
    assert!(empty.len() > 50, "the plot has room between its bars");
    for p in empty {
        assert_eq!(img.at(p), theme.background, "empty plot point {p:?}");
    }
    check_title(&img, &scene);
}

#[test]
fn change_view_png_matches_its_scene() {
    let img = render("change.png", &["www/data/yuncheng-2019.json", "--view", "change"]);
    let scene = scene(View::Change, WIDTH, SCALE);
    assert_eq!((img.width, img.height), (scene.width, scene.height));
    let theme = Theme::light();
    // This year's rate bars and the change bars, both stated, are solid orange at their
    // centres: the seed's +0.4 is a bar a reader sees on a phone, not a pixel.
    let mut seen = Vec::new();
    for hit in scene.hits.hits.iter().filter(|h| matches!(h.series, Series::Region | Series::Change)) {
        assert!(scene.marks.contains(&Mark::Fill { rect: hit.mark, ink: Ink::Region }), "{hit:?} is drawn solid");
        let got = img.at(hit.mark.center());
        assert!(near(got, theme.region, 3), "{:?} tier {} centre: {got:?}", hit.series, hit.tier);
        seen.push((hit.series, hit.tier, hit.mark.x1 - hit.mark.x0));
    }
    assert_eq!(seen.len(), 4, "{seen:?}");
    let plus_04 = seen.iter().find(|s| s.0 == Series::Change && s.1 == 0).unwrap().2;
    assert!(plus_04 >= 3 * 12, "+0.4 is {plus_04} device px wide at scale 3");
    for p in empty_points(&scene, 12) {
        assert_eq!(img.at(p), theme.background, "empty plot point {p:?}");
    }
    check_title(&img, &scene);
}

#[test]
fn width_scale_and_theme() {
    let img = render("dark.png", &["www/data/yuncheng-2019.json", "--width", "540", "--scale", "2", "--theme", "dark"]);
    let scene = scene(View::Compare, 540.0, 2.0);
    assert_eq!((img.width, img.height), (1080, scene.height));
    let dark = Theme::dark();
    assert_eq!(img.at((0, 0)), dark.background);
    assert_eq!(img.at((1079, scene.height as i32 - 1)), dark.background);
    // --format png writes a PNG whatever the file is called.
    let out = tmp("chart.img");
    let o =
        run(&["render", "www/data/yuncheng-2019.json", "--format", "png", "--scale", "1", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(Image::decode(&std::fs::read(&out).unwrap()).width, 360);
    let _ = std::fs::remove_file(out);
}

#[test]
fn a_font_file_is_drawn_first() {
    let default = render("sans.png", &["www/data/yuncheng-2019.json"]);
    let serif = render("serif.png", &["www/data/yuncheng-2019.json", "--font", NOTO_SERIF]);
    assert_eq!((serif.width, serif.height), (default.width, default.height));
    assert_ne!(serif.rgb, default.rgb, "the title and labels are drawn in Noto Serif CJK");
    check_title(&serif, &scene(View::Compare, WIDTH, SCALE));
}

#[test]
fn without_a_cjk_font_it_says_what_to_install() {
    let scene = scene(View::Compare, WIDTH, 1.0);
    let theme = Theme::light();
    let err = png_out::png(&scene, &theme, "t", &png_out::Fonts::none()).unwrap_err().to_string();
    assert!(err.contains("运") && err.contains("fonts-noto-cjk") && err.contains("--font"), "{err}");
    // A collection's simplified-Chinese face is the one drawn first.
    let mut fonts = png_out::Fonts::none();
    assert_eq!(fonts.add_file(NOTO_SANS.as_ref()).unwrap(), "Noto Sans CJK SC");
    assert!(png_out::png(&scene, &theme, "t", &fonts).is_ok());
}

#[test]
fn errors_say_what_is_wrong() {
    for (args, want) in [
        (vec!["--format", "png", "--scale", "5"], "--scale: expected a whole number from 1 to 4, got \"5\""),
        (vec!["--format", "png", "--scale", "1.5"], "--scale: expected a whole number from 1 to 4"),
        (vec!["--format", "gif"], "--format: expected svg or png, got \"gif\""),
        (vec!["--scale", "2"], "--scale applies to PNG only"),
        (vec!["--format", "png", "--table"], "--table and --summary write text"),
        (vec!["-o", "x.png", "--font", "no-such-font.ttf"], "--font no-such-font.ttf: "),
        (vec!["-o", "x.png", "--font", "README.md"], "README.md: not a font file"),
    ] {
        let mut all = vec!["render", "www/data/yuncheng-2019.json"];
        all.extend(args.iter());
        let o = run(&all);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
    }
    assert!(!common::repo_root().join("x.png").exists());
    // Bad data is status 1, as for SVG.
    let bad = tmp("bad.json");
    std::fs::write(&bad, r#"{"title":"t","region":"A","years":[{"year":2020,"tiers":[{"tier":"T","rate":"abc"}]}]}"#)
        .unwrap();
    let o = run(&["render", bad.to_str().unwrap(), "-o", tmp("bad.png").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("years[0].tiers[0].rate"));
    let _ = std::fs::remove_file(bad);
}
