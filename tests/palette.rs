//! The palette, for every reader: text contrast ≥ 4.5:1 and marks ≥ 3:1 against the
//! background in both themes, ≥ 3:1 against the marks they cross, and the three series still
//! distinguishable under protanopia, deuteranopia and tritanopia (Machado et al. 2009
//! simulation, severity 1; CIE76 ΔE in Lab). The pixels on a real canvas are checked by
//! `tests/e2e/marks.test.mjs`.
#![cfg(not(target_arch = "wasm32"))]

use passrate_chart::render::{Rgb, Theme};

fn linear(c: u8) -> f64 {
    let c = c as f64 / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn luminance(c: Rgb) -> f64 {
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

const PROTAN: [[f64; 3]; 3] =
    [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]];
const DEUTAN: [[f64; 3]; 3] =
    [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]];
const TRITAN: [[f64; 3]; 3] =
    [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]];
const NORMAL: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

/// The colour as a reader with the given deficiency sees it, in CIE Lab (D65).
fn lab(c: Rgb, m: &[[f64; 3]; 3]) -> [f64; 3] {
    let l = [linear(c.0), linear(c.1), linear(c.2)];
    let s: Vec<f64> = (0..3).map(|i| (m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]).clamp(0.0, 1.0)).collect();
    let x = 0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2];
    let y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
    let z = 0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2];
    let f = |t: f64| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
    let (fx, fy, fz) = (f(x / 0.95047), f(y), f(z / 1.08883));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

#[test]
fn contrast_in_both_themes() {
    for (name, t) in [("light", Theme::light()), ("dark", Theme::dark())] {
        for (what, c) in
            [("text", t.text), ("muted", t.muted), ("warning", t.warning), ("reference label", t.reference)]
        {
            let r = contrast(c, t.background);
            assert!(r >= 4.5, "{name}: {what} text {r:.2}:1 < 4.5:1");
        }
        for (what, c) in [("region", t.region), ("reference", t.reference), ("previous", t.previous), ("axis", t.axis)]
        {
            let r = contrast(c, t.background);
            assert!(r >= 3.0, "{name}: {what} marks {r:.2}:1 < 3:1");
        }
    }
}

/// WCAG 1.4.11 where marks cross marks: the reference's line (the cities view's dashed
/// province line, the change view's tick) over the region's and last year's bars, solid or
/// hatched on their tint; the hatching against its own tint. And WCAG 1.4.1: the compare
/// view's two bars differ in lightness, not in hue alone.
#[test]
fn crossing_marks_contrast_in_both_themes() {
    for (name, t) in [("light", Theme::light()), ("dark", Theme::dark())] {
        for (what, a, b) in [
            ("reference line over last year's bar", t.reference, t.previous),
            ("reference line over the region's bar", t.reference, t.region),
            ("reference line over a hatched region bar", t.reference, t.region_tint),
            ("region hatching on its tint", t.region, t.region_tint),
            ("reference hatching on its tint", t.reference, t.reference_tint),
        ] {
            let r = contrast(a, b);
            assert!(r >= 3.0, "{name}: {what} {r:.2}:1 < 3:1");
        }
    }
}

/// The check has teeth: the palette before this rule had the province's line at 1.00:1 over
/// the grey bars in the dark theme (and 1.44:1 in the light).
#[test]
fn the_crossing_check_rejects_the_old_palette() {
    let (line, bar) = (Rgb(96, 165, 250), Rgb(156, 163, 175));
    assert!(contrast(line, bar) < 1.05);
    assert!(contrast(Rgb(37, 99, 194), Rgb(120, 128, 138)) < 1.5);
}

#[test]
fn series_stay_distinct_under_colour_vision_deficiencies() {
    const MIN_DELTA_E: f64 = 20.0;
    for (name, t) in [("light", Theme::light()), ("dark", Theme::dark())] {
        for (vision, m) in
            [("normal", NORMAL), ("protanopia", PROTAN), ("deuteranopia", DEUTAN), ("tritanopia", TRITAN)]
        {
            let series = [("region", t.region), ("reference", t.reference), ("previous", t.previous)];
            for (i, (a, ca)) in series.iter().enumerate() {
                for (b, cb) in &series[i + 1..] {
                    let d = delta_e(lab(*ca, &m), lab(*cb, &m));
                    assert!(d >= MIN_DELTA_E, "{name}, {vision}: {a} vs {b} ΔE {d:.1} < {MIN_DELTA_E}");
                }
            }
        }
    }
}

/// The test has teeth: red and green, the classic pair, fail it for deuteranopia.
#[test]
fn the_check_rejects_red_and_green() {
    let (red, green) = (Rgb(213, 94, 0), Rgb(0, 158, 115));
    assert!(delta_e(lab(red, &NORMAL), lab(green, &NORMAL)) > 50.0);
    let (r, g) = (Rgb(200, 60, 60), Rgb(60, 160, 60));
    assert!(delta_e(lab(r, &DEUTAN), lab(g, &DEUTAN)) < 20.0, "a red/green pair must look alike to a deuteranope");
}
