//! Scene properties over every fixture, both views, both languages and widths from a phone
//! to a desktop: labels stay inside the chart, never overlap each other or a bar, hit
//! targets are at least 24 CSS pixels, and the layout scales with the device pixel ratio.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use passrate_chart::layout::{
    hatch_lines, HAlign, Ink, Mark, Options, Rect, Scene, Series, Shown, VAlign, MAX_DEVICE_HEIGHT, MAX_DEVICE_PIXELS,
};
use passrate_chart::text;
use passrate_chart::views::{layout, View};
use passrate_chart::words::Lang;
use resvg::usvg;

/// A city fixture's second region, to highlight one that is not the default.
fn second_region(fixture: &str) -> &'static str {
    let ds = passrate_chart::load::from_text(&common::fixture_text(fixture)).unwrap();
    Box::leak(ds.regions[1].name.text.clone().into_boxed_str())
}

fn label_boxes(l: &Scene) -> Vec<(Rect, String)> {
    l.marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text(t) => {
                let w = text::width(&t.text, t.style.size);
                let h = t.style.size;
                let x0 = match t.style.h {
                    HAlign::Left => t.pos.0 as f64,
                    HAlign::Center => t.pos.0 as f64 - w / 2.0,
                    HAlign::Right => t.pos.0 as f64 - w,
                };
                let y0 = match t.style.v {
                    VAlign::Top => t.pos.1 as f64,
                    VAlign::Middle => t.pos.1 as f64 - h / 2.0,
                    VAlign::Bottom => t.pos.1 as f64 - h,
                };
                Some((Rect::new(x0, y0, x0 + w, y0 + h), t.text.clone()))
            }
            _ => None,
        })
        .collect()
}

fn overlaps(a: &Rect, b: &Rect, slack: i32) -> bool {
    a.x0 + slack < b.x1 && b.x0 + slack < a.x1 && a.y0 + slack < b.y1 && b.y0 + slack < a.y1
}

/// With and without the title/legend/footer, and with each toggleable series hidden.
fn variants() -> Vec<(bool, Shown)> {
    let all = Shown::default();
    vec![
        (true, all),
        (false, all),
        (true, Shown { region: false, ..all }),
        (false, Shown { reference: false, ..all }),
        (true, Shown { previous: false, ..all }),
    ]
}

fn each_layout(check: impl FnMut(&str, &Scene)) {
    each_layout_at(&[320.0, 400.0, 640.0, 800.0, 1200.0], &[1.0, 2.0], &variants(), check)
}

/// Every fixture in each view it supports, at each of `widths` and `dprs`, in both languages,
/// with each of `variants`.
fn each_layout_at(widths: &[f64], dprs: &[f64], variants: &[(bool, Shown)], mut check: impl FnMut(&str, &Scene)) {
    let models = common::FIXTURES
        .iter()
        .map(|f| (f.to_string(), common::fixture(f), vec![View::Compare, View::Change, View::Trend]))
        .chain(common::CITY_FIXTURES.iter().flat_map(|f| {
            let all = vec![View::Compare, View::Change, View::Cities];
            [
                (f.to_string(), common::fixture(f), all.clone()),
                (format!("{f} highlighted"), common::fixture_in(f, Lang::Zh, Some(second_region(f))), all),
            ]
        }));
    for (fixture, model, views) in models {
        for view in views {
            for &width in widths {
                for lang in [Lang::Zh, Lang::En] {
                    for &dpr in dprs {
                        for &(furniture, shown) in variants {
                            let opts =
                                Options { width, height: 420.0, dpr, lang, furniture, shown, ..Options::default() };
                            let l = layout(&model, view, &opts);
                            check(&format!("{fixture} {view:?} {width} {lang:?} dpr {dpr} {furniture} {shown:?}"), &l);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn labels_stay_inside_the_chart() {
    each_layout(|name, l| {
        for (b, t) in label_boxes(l) {
            assert!(
                b.x0 >= 0 && b.y0 >= 0 && b.x1 <= l.width as i32 && b.y1 <= l.height as i32,
                "{name}: {t:?} at {b:?} outside {}x{}",
                l.width,
                l.height
            );
        }
    });
}

#[test]
fn labels_do_not_overlap_each_other() {
    each_layout(|name, l| {
        let boxes = label_boxes(l);
        let slack = (2.0 * l.dpr) as i32;
        for (i, (a, ta)) in boxes.iter().enumerate() {
            for (b, tb) in &boxes[i + 1..] {
                assert!(!overlaps(a, b, slack), "{name}: {ta:?} {a:?} overlaps {tb:?} {b:?}");
            }
        }
    });
}

#[test]
fn labels_do_not_cover_bars() {
    each_layout(|name, l| {
        let bars = data_bars(l);
        for (b, t) in label_boxes(l) {
            for bar in &bars {
                assert!(!overlaps(&b, bar, 1), "{name}: {t:?} {b:?} covers a bar {bar:?}");
            }
        }
    });
}

/// The fonts the PNG renderer draws with (src/render/png.rs): the system's, the sans-serif
/// family the first installed face of the font stack, "Noto Sans CJK SC" on Debian.
fn system_fonts() -> std::sync::Arc<usvg::fontdb::Database> {
    static DB: std::sync::OnceLock<std::sync::Arc<usvg::fontdb::Database>> = std::sync::OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_system_fonts();
        assert!(
            db.faces().any(|f| f.families.iter().any(|(n, _)| n == REAL_FONT)),
            "{REAL_FONT} is not installed (Debian: apt-get install fonts-noto-cjk)"
        );
        db.set_sans_serif_family(REAL_FONT);
        db.set_serif_family(REAL_FONT);
        std::sync::Arc::new(db)
    })
    .clone()
}

/// The face the font stack reaches on Linux, where the tests run.
const REAL_FONT: &str = "Noto Sans CJK SC";

/// Every label's ink box as a real font draws it: the scene written as the SVG the PNG is
/// made from, its text shaped by usvg with the system's fonts, each glyph outline measured.
/// Not the width estimate the layout placed the labels with.
fn drawn_label_boxes(l: &Scene) -> Vec<(Rect, String)> {
    let svg = passrate_chart::render::svg(l, &passrate_chart::render::Theme::light(), "labels");
    let opt = usvg::Options { fontdb: system_fonts(), font_family: REAL_FONT.into(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(&svg, &opt).expect("the renderer's SVG parses");
    fn texts(g: &usvg::Group, out: &mut Vec<(String, usvg::Rect)>) {
        for node in g.children() {
            match node {
                usvg::Node::Group(g) => texts(g, out),
                usvg::Node::Text(t) => {
                    let s: String = t.chunks().iter().map(|c| c.text()).collect();
                    out.push((s, t.flattened().abs_bounding_box()));
                }
                _ => {}
            }
        }
    }
    let mut drawn = Vec::new();
    texts(tree.root(), &mut drawn);
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let labels: Vec<String> = label_boxes(l).into_iter().map(|(_, t)| t).filter(|t| !t.trim().is_empty()).collect();
    let drawn: Vec<(String, usvg::Rect)> = drawn.into_iter().filter(|(t, _)| !t.trim().is_empty()).collect();
    assert_eq!(
        drawn.iter().map(|(t, _)| squeeze(t)).collect::<Vec<_>>(),
        labels.iter().map(|t| squeeze(t)).collect::<Vec<_>>(),
        "one text element per label, in order"
    );
    drawn
        .into_iter()
        .map(|(t, b)| {
            (
                Rect {
                    x0: b.left().floor() as i32,
                    y0: b.top().floor() as i32,
                    x1: b.right().ceil() as i32,
                    y1: b.bottom().ceil() as i32,
                },
                t,
            )
        })
        .collect()
}

/// The data's bars: fills in a series' colour inside the plot (not the legend's swatches).
fn data_bars(l: &Scene) -> Vec<Rect> {
    l.marks
        .iter()
        .filter_map(|m| match m {
            Mark::Fill {
                rect,
                ink: Ink::Region | Ink::Reference | Ink::RegionTint | Ink::ReferenceTint | Ink::Previous,
            } if rect.y1 > l.plot.y0 => Some(*rect),
            _ => None,
        })
        .collect()
}

/// Labels as the real font draws them (the PNG's, through usvg), not as the layout estimated
/// them: inside the image, apart from each other by more than a CSS pixel's overlap, and off
/// the bars. Every fixture and view, a phone and a desktop width, both languages, with and
/// without the furniture (shaping every label in a debug build is slow: not every variant).
#[test]
fn labels_as_a_real_font_draws_them_stay_apart_and_inside() {
    let mut failures = Vec::new();
    let all = Shown::default();
    each_layout_at(&[320.0, 1200.0], &[1.0], &[(true, all), (false, all)], |name, l| {
        let boxes = drawn_label_boxes(l);
        let slack = l.dpr.round() as i32;
        for (b, t) in &boxes {
            if b.x0 < -slack || b.y0 < -slack || b.x1 > l.width as i32 + slack || b.y1 > l.height as i32 + slack {
                failures.push(format!("{name}: {t:?} drawn at {b:?}, outside {}x{}", l.width, l.height));
            }
        }
        for (i, (a, ta)) in boxes.iter().enumerate() {
            for (b, tb) in &boxes[i + 1..] {
                if overlaps(a, b, slack) {
                    failures.push(format!("{name}: {ta:?} {a:?} overlaps {tb:?} {b:?}"));
                }
            }
        }
        for bar in data_bars(l) {
            for (b, t) in &boxes {
                if overlaps(b, &bar, slack) {
                    failures.push(format!("{name}: {t:?} {b:?} covers a bar {bar:?}"));
                }
            }
        }
    });
    assert!(failures.is_empty(), "{} labels drawn wrong:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn hit_targets_are_at_least_24_css_pixels() {
    each_layout(|name, l| {
        let min = (24.0 * l.dpr).floor() as i32 - 1;
        for h in &l.hits.hits {
            if h.series == Series::FromCounts {
                continue;
            }
            assert!(h.rect.x1 - h.rect.x0 >= min && h.rect.y1 - h.rect.y0 >= min, "{name}: {h:?}");
        }
    });
}

#[test]
fn every_drawn_point_is_in_the_hit_table() {
    let m = common::fixture("seed.json");
    let l = layout(&m, View::Compare, &Options::default());
    let series: Vec<(usize, Series)> = l.hits.hits.iter().map(|h| (h.tier, h.series)).collect();
    for want in [
        (0, Series::Region),
        (0, Series::Reference),
        (0, Series::FromCounts),
        (1, Series::Region),
        (1, Series::Reference),
    ] {
        assert!(series.contains(&want), "{want:?} missing from {series:?}");
    }
    // The centre of each bar hits that bar.
    for h in l.hits.hits.iter().filter(|h| h.series != Series::FromCounts) {
        let (x, y) = h.rect.center();
        let got = l.hits.at(x as f64, y as f64, 0.0).unwrap();
        assert_eq!((got.tier, got.series), (h.tier, h.series));
    }
    let c = layout(&m, View::Change, &Options::default());
    let kinds: Vec<Series> = c.hits.hits.iter().map(|h| h.series).collect();
    assert_eq!(kinds.iter().filter(|s| **s == Series::Previous).count(), 2);
    assert_eq!(kinds.iter().filter(|s| **s == Series::Region).count(), 2);
}

#[test]
fn device_pixel_ratio_scales_geometry() {
    let m = common::fixture("seed.json");
    for view in [View::Compare, View::Change] {
        let one = layout(&m, view, &Options { dpr: 1.0, ..Options::default() });
        let two = layout(&m, view, &Options { dpr: 2.0, ..Options::default() });
        assert_eq!(two.width, 2 * one.width);
        assert!((two.height as i32 - 2 * one.height as i32).abs() <= 2, "{} vs {}", two.height, one.height);
        assert_eq!(one.marks.len(), two.marks.len());
        let size = |l: &Scene| {
            l.marks.iter().find_map(|m| if let Mark::Text(t) = m { Some(t.style.size) } else { None }).unwrap()
        };
        assert_eq!(size(&two), 2.0 * size(&one));
    }
}

#[test]
fn compare_view_shows_values_differences_and_footnote() {
    let m = common::fixture("seed.json");
    let l = layout(&m, View::Compare, &Options::default());
    let texts: Vec<String> = label_boxes(&l).into_iter().map(|(_, t)| t).collect();
    for want in [
        "15.5%①",
        "14.8%①",
        "48.6%",
        "45.2%",
        "+0.7 个百分点",
        "+3.4 个百分点",
        "一本线",
        "二本线",
        "①",
        "数据来源：运城新闻网（2019-08-14）",
    ] {
        assert!(texts.iter().any(|t| t == want), "{want:?} not in {texts:?}");
    }
    assert!(texts.iter().any(|t| t.contains("16.2%")), "{texts:?}");
    assert_eq!(l.footnotes, vec![0]);
    // Derived reference bars are hatched: diagonal lines in the reference colour.
    let hatch: Vec<usize> = l
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Hatch { ink: Ink::Reference, rect, spacing, .. } => Some(hatch_lines(*rect, *spacing).len()),
            _ => None,
        })
        .collect();
    assert_eq!(hatch.len(), 2, "two hatched reference bars");
    assert!(hatch.iter().all(|&n| n > 10), "{hatch:?} hatch lines");
    // Region bars are stated: solid fills.
    assert_eq!(
        l.marks.iter().filter(|m| matches!(m, Mark::Fill { ink: Ink::Region, rect } if rect.y1 > l.plot.y0)).count(),
        2
    );
}

#[test]
fn change_view_without_previous_year_says_so() {
    let m = common::fixture("no-previous.json");
    let l = layout(&m, View::Change, &Options::default());
    let texts: Vec<String> = label_boxes(&l).into_iter().map(|(_, t)| t).collect();
    // One paragraph says why, instead of an empty change panel.
    assert!(texts.iter().any(|t| t.contains("2023年的达线率")), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("比上年（百分点）")), "{texts:?}");
    let series: Vec<Series> = l.hits.hits.iter().map(|h| h.series).collect();
    assert_eq!(series.iter().filter(|s| **s == Series::Region).count(), 2, "{series:?}");
    assert!(!series.contains(&Series::Change) && !series.contains(&Series::Previous), "{series:?}");
}

/// The change bars of a change-view scene, tier by tier: (from x, to x) in device pixels,
/// from the zero line to the bar's end.
fn change_bars(l: &Scene) -> Vec<(i32, i32)> {
    let zero = l
        .marks
        .iter()
        .rev()
        .find_map(|m| match m {
            Mark::Line { from, to, ink: Ink::Axis, .. } if from.0 == to.0 && from.0 > l.plot.x0 + 10 => Some(from.0),
            _ => None,
        })
        .expect("a zero line");
    l.hits
        .hits
        .iter()
        .filter(|h| h.series == Series::Change)
        .map(|h| if h.mark.x0 < zero { (zero, h.mark.x0) } else { (zero, h.mark.x1) })
        .collect()
}

#[test]
fn change_view_labels_the_change() {
    let m = common::fixture("fall.json");
    let l = layout(&m, View::Change, &Options { lang: Lang::En, ..Options::default() });
    let texts: Vec<String> = label_boxes(&l).into_iter().map(|(_, t)| t).collect();
    for want in ["−1.3", "−1.0", "16.9%", "2022 18.2%", "50.3%", "2022 51.3%", "Change on the year (percentage points)"]
    {
        assert!(texts.iter().any(|t| t == want), "{want:?} not in {texts:?}");
    }
    assert!(texts.iter().any(|t| t.starts_with("Changes are drawn on their own scale")), "{texts:?}");
    // Falls point left of zero, in proportion: −1.3 is 1.3 times −1.0.
    let bars = change_bars(&l);
    assert_eq!(bars.len(), 2);
    let len: Vec<f64> = bars.iter().map(|(z, e)| (e - z) as f64).collect();
    assert!(len[0] < 0.0 && len[1] < 0.0, "{bars:?}");
    assert!((len[0] / len[1] - 1.3).abs() < 0.05, "{bars:?}");
}

#[test]
fn small_changes_show_their_direction_and_size_at_phone_width() {
    // The seed's tier 1 rose 0.4 points (15.1 → 15.5): on a 0–50 % axis that was a pixel.
    let m = common::fixture("seed.json");
    for (width, lang) in [(320.0, Lang::Zh), (320.0, Lang::En), (1200.0, Lang::Zh)] {
        let l = layout(&m, View::Change, &Options { width, lang, ..Options::default() });
        let bars = change_bars(&l);
        let (z, e) = bars[0];
        assert!(e - z >= 12, "{width}: +0.4 is {} px", e - z);
        let (z2, e2) = bars[1];
        let ratio = (e2 - z2) as f64 / (e - z) as f64;
        assert!((ratio - 1.7 / 0.4).abs() < 0.3, "{width}: +1.7 vs +0.4 drawn {ratio}:1");
    }
    // A 0.1-point change beside a 5-point one still shows, to the correct side.
    let text = common::fixture_text("seed.json")
        .replace("\"vs_previous_year_pp\": 0.4", "\"vs_previous_year_pp\": -0.1")
        .replace("\"vs_previous_year_pp\": 1.7", "\"vs_previous_year_pp\": 5.0");
    assert!(text.contains("-0.1") && text.contains("5.0"), "the seed's fields moved");
    let m = passrate_chart::parse(&text).unwrap();
    let l = layout(&m, View::Change, &Options { width: 320.0, ..Options::default() });
    let bars = change_bars(&l);
    assert!(bars[0].1 - bars[0].0 <= -2, "−0.1 drawn as {:?}", bars[0]);
    assert!(bars[1].1 - bars[1].0 >= 30, "+5.0 drawn as {:?}", bars[1]);
}

#[test]
fn hidden_series_are_not_drawn_or_hit() {
    let m = common::fixture("seed.json");
    let shown = Shown { reference: false, ..Shown::default() };
    let l = layout(&m, View::Compare, &Options { shown, ..Options::default() });
    assert!(l.hits.hits.iter().all(|h| h.series != Series::Reference));
    assert!(!l
        .marks
        .iter()
        .any(|m| matches!(m, Mark::Fill { ink: Ink::ReferenceTint | Ink::Reference, rect } if rect.y0 > l.plot.y0)));
    let texts: Vec<String> = label_boxes(&l).into_iter().map(|(_, t)| t).collect();
    assert!(!texts.iter().any(|t| t.contains("个百分点")), "no difference without the reference: {texts:?}");
    // The axis does not move when a series is hidden, so the remaining bars keep their height.
    let full = layout(&m, View::Compare, &Options::default());
    let region = |l: &Scene| -> Vec<i32> {
        l.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Fill { ink: Ink::Region, rect } if rect.y0 > l.plot.y0 => Some(rect.y1 - rect.y0),
                _ => None,
            })
            .collect()
    };
    assert_eq!(region(&l), region(&full));
    let c = layout(
        &m,
        View::Change,
        &Options { shown: Shown { previous: false, ..Shown::default() }, ..Options::default() },
    );
    assert!(c.hits.hits.iter().all(|h| h.series != Series::Previous));
    let texts: Vec<String> = label_boxes(&c).into_iter().map(|(_, t)| t).collect();
    assert!(!texts.iter().any(|t| t.contains("无2018年数据")), "hiding is not missing data: {texts:?}");
}

#[test]
fn without_furniture_only_the_plot_is_drawn() {
    let m = common::fixture("seed.json");
    let l = layout(&m, View::Compare, &Options { furniture: false, ..Options::default() });
    let texts: Vec<String> = label_boxes(&l).into_iter().map(|(_, t)| t).collect();
    assert!(
        !texts.iter().any(|t| t.contains("运城市2019年") || t.contains("数据来源") || t.contains("5,872")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t == "15.5%①"), "markers stay: the DOM footnotes use the same numbers");
    let full = layout(&m, View::Compare, &Options::default());
    assert!(l.plot.y1 - l.plot.y0 > full.plot.y1 - full.plot.y0, "the plot takes the room the furniture left");
}

/// 300 tiers (the benchmark's scale case): no label collides or leaves the chart; the values
/// move to the tooltip and table, and every tier can still be hovered.
#[test]
fn many_tiers_stay_readable() {
    let tiers: Vec<String> = (0..300)
        .map(|i| {
            format!(
                r#"{{"tier":"第{i}批","rate":{}.{},"reference_rate":{}.5,"vs_previous_year_pp":-0.{}}}"#,
                5 + i % 50,
                i % 10,
                4 + i % 45,
                i % 9 + 1
            )
        })
        .collect();
    let m = common::unchecked(&tiers);
    for view in [View::Compare, View::Change] {
        for width in [320.0, 800.0] {
            for dpr in [1.0, 2.0] {
                let l = layout(&m, view, &Options { width, height: 450.0, dpr, ..Options::default() });
                let name = format!("{view:?} {width} {dpr}");
                let boxes = label_boxes(&l);
                for (b, t) in &boxes {
                    assert!(
                        b.x0 >= 0 && b.x1 <= l.width as i32 && b.y0 >= 0 && b.y1 <= l.height as i32,
                        "{name}: {t:?} outside"
                    );
                }
                for (i, (a, ta)) in boxes.iter().enumerate() {
                    for (b, tb) in &boxes[i + 1..] {
                        assert!(!overlaps(a, b, (2.0 * dpr) as i32), "{name}: {ta:?} overlaps {tb:?}");
                    }
                }
                let tiers_hit: std::collections::HashSet<usize> = l.hits.hits.iter().map(|h| h.tier).collect();
                let texts: Vec<String> = boxes.iter().map(|(_, t)| t.clone()).collect();
                let thinned = texts.iter().find(|t| t.contains("只画出1个"));
                match thinned {
                    // Bars thinner than a device pixel: one group in k drawn, and the note says k.
                    Some(note) => {
                        let after = note.split_once('每').unwrap().1;
                        let k: usize =
                            after.chars().take_while(char::is_ascii_digit).collect::<String>().parse().unwrap();
                        assert!(
                            k > 1 && tiers_hit.len() == 300usize.div_ceil(k),
                            "{name}: {k} and {}",
                            tiers_hit.len()
                        );
                    }
                    None => assert_eq!(tiers_hit.len(), 300, "{name}: every tier can be hovered"),
                }
                // No bar reaches into another group's bars.
                if view == View::Compare {
                    let bars: Vec<(usize, Rect)> = l
                        .hits
                        .hits
                        .iter()
                        .filter(|h| matches!(h.series, Series::Region | Series::Reference))
                        .map(|h| (h.tier, h.mark))
                        .collect();
                    for (i, (ta, a)) in bars.iter().enumerate() {
                        for (tb, b) in &bars[i + 1..] {
                            assert!(
                                ta == tb || a.x1 <= b.x0 || b.x1 <= a.x0,
                                "{name}: tier {ta} {a:?} overlaps tier {tb} {b:?}"
                            );
                        }
                    }
                }
                assert!(l.height <= (2000.0 * dpr) as u32, "{name}: {} px tall", l.height);
            }
        }
    }
}

/// Inputs the fuzzer found (fuzz/run.sh): they must load and lay out with every label inside.
#[test]
fn fuzz_found_inputs_lay_out() {
    for name in ["fuzz-long-reference.csv"] {
        let m = common::fixture(name);
        for view in [View::Compare, View::Change] {
            for width in [240.0, 320.0, 640.0] {
                let l = layout(&m, view, &Options { width, ..Options::default() });
                for (b, t) in label_boxes(&l) {
                    assert!(b.x0 >= 0 && b.x1 <= l.width as i32, "{name} {view:?} {width}: {t:?} at {b:?}");
                }
            }
        }
    }
}

#[test]
fn cities_rank_by_rate_with_ties_by_name_in_either_language() {
    use passrate_chart::views::ranking;
    for lang in [Lang::Zh, Lang::En] {
        let m = common::fixture_in("cities.csv", lang, Some("丙市"));
        let tier1 = m.latest_tiers()[0].key.clone();
        let (ranked, without) = ranking(&m, 2024, &tier1);
        let keys: Vec<&str> = ranked.iter().map(|r| m.regions[r.region].key.as_str()).collect();
        // 丁市 and 丙市 tie at 16.2: by name (丁 U+4E01 before 丙 U+4E19), in both languages.
        assert_eq!(&keys[..5], ["甲市", "乙市", "丁市", "丙市", "戊市"], "{lang:?}");
        let ranks: Vec<(usize, bool)> = ranked.iter().map(|r| (r.rank, r.tied)).collect();
        assert_eq!(&ranks[..5], [(1, false), (2, false), (3, true), (3, true), (5, false)], "{lang:?}");
        assert_eq!(ranked.len(), 11);
        assert!(without.is_empty());
        // Rates never increase down the ranking.
        assert!(ranked.windows(2).all(|w| w[0].tier.rate.value >= w[1].tier.rate.value));
    }
}

/// The legend drawn with the chart (PNG, SVG) leaves out a hidden series, as the page's does.
#[test]
fn the_drawn_legend_leaves_out_hidden_series() {
    let m = common::fixture("seed.json");
    let legend_has = |shown: Shown, name: &str| {
        let l = layout(&m, View::Compare, &Options { shown, furniture: true, ..Options::default() });
        label_boxes(&l).iter().any(|(_, t)| t == name)
    };
    assert!(legend_has(Shown::default(), "山西省"));
    assert!(!legend_has(Shown { reference: false, ..Shown::default() }, "山西省"));
    assert!(legend_has(Shown { reference: false, ..Shown::default() }, "运城市"));
}

/// A device pixel ratio outside 0.5–4 (or not a number) is clamped before the layout scales.
#[test]
fn device_pixel_ratio_is_clamped() {
    let m = common::fixture("seed.json");
    let at = |dpr: f64| layout(&m, View::Compare, &Options { dpr, ..Options::default() }).width;
    assert_eq!(at(10.0), at(4.0));
    assert_eq!(at(0.1), at(0.5));
    assert_eq!(at(f64::NAN), at(1.0));
    assert_eq!(at(4.0), 4 * at(1.0));
}

/// The change view at its edges: a rate of 0 % still has a bar a pixel wide, this year's and last
/// year's; the province's tick is the middle of its own hit box; last year's bar is the middle
/// of its touch target.
#[test]
fn change_view_rates_of_zero_and_the_marks_own_boxes() {
    let text = r#"{"title":"t","region":"甲","reference":"省","years":[{"year":2024,"tiers":[
        {"tier":"一本线","rate":0.0,"vs_reference_pp":-1.0,"vs_previous_year_pp":0.0},
        {"tier":"二本线","rate":20.0,"vs_reference_pp":1.0,"vs_previous_year_pp":2.0}]}]}"#;
    let m = passrate_chart::parse(text).unwrap();
    for width in [320.0, 800.0] {
        let l = layout(&m, View::Change, &Options { width, ..Options::default() });
        for series in [Series::Region, Series::Previous] {
            let h = l.hits.hits.iter().find(|h| h.series == series && h.tier == 0).expect("the zero rate's bar");
            assert!(h.mark.x1 > h.mark.x0, "{series:?} at 0 % has a bar at {width} px: {:?}", h.mark);
        }
        for h in l.hits.hits.iter().filter(|h| h.series == Series::Previous) {
            let (mid, target) = ((h.mark.y0 + h.mark.y1) as f64 / 2.0, (h.rect.y0 + h.rect.y1) as f64 / 2.0);
            assert!((mid - target).abs() <= 1.0, "last year's target centred on its bar: {h:?}");
        }
        let ticks: Vec<i32> = l
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Line { from, to, ink: Ink::Reference, .. } if from.0 == to.0 && from.1 >= l.plot.y0 => {
                    Some(from.0)
                }
                _ => None,
            })
            .collect();
        let boxes: Vec<Rect> = l.hits.hits.iter().filter(|h| h.series == Series::Reference).map(|h| h.mark).collect();
        assert_eq!(ticks.len(), boxes.len());
        for (x, b) in ticks.iter().zip(&boxes) {
            assert!(b.x0 < *x && *x <= b.x1 && b.x1 - b.x0 >= 2, "the tick at {x} inside its box {b:?}");
        }
    }
}

/// In the trend view each dot's point is the dot as drawn: its box centred on the dot.
#[test]
fn trend_dots_are_their_own_points() {
    for fixture in ["multi-year.json", "text/trend-below.json"] {
        let m = common::fixture(fixture);
        for width in [320.0, 800.0] {
            let l = layout(&m, View::Trend, &Options { width, ..Options::default() });
            let dots: Vec<(i32, i32)> = l
                .marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Dot { center, ink: Ink::Region, .. } if center.1 >= l.plot.y0 => Some(*center),
                    _ => None,
                })
                .collect();
            let boxes: Vec<(i32, i32)> = l
                .hits
                .hits
                .iter()
                .filter(|h| h.series == Series::Region)
                .map(|h| ((h.mark.x0 + h.mark.x1) / 2, (h.mark.y0 + h.mark.y1) / 2))
                .collect();
            assert!(!dots.is_empty(), "{fixture}");
            for d in &dots {
                assert!(
                    boxes.iter().any(|b| (b.0 - d.0).abs() <= 1 && (b.1 - d.1).abs() <= 1),
                    "{fixture} {width}: dot {d:?} in {boxes:?}"
                );
            }
        }
    }
}

/// The height asked for holds: the views that grow with their rows (trend, cities) are at most
/// that tall, paged past it; compare and change fill it. Either is taller only where the
/// title, legend and notes over the smallest plot (one row, one panel) need more: never past
/// 360 px (trend, cities) or 600 px (compare, change) here.
#[test]
fn the_height_holds() {
    let mut over = Vec::new();
    let models = common::FIXTURES
        .iter()
        .chain(common::CITY_FIXTURES)
        .chain(&["text/dense.json", "text/cities-missing.csv", "text/quotes.json"])
        .map(|f| (f.to_string(), common::fixture(f)));
    for (f, m) in models {
        for view in View::all_for(&m) {
            for width in [320.0, 640.0, 1000.0] {
                for h in [200.0, 300.0, 420.0, 800.0] {
                    for (furniture, dpr) in [(true, 1.0), (false, 2.0)] {
                        let opts = Options { width, height: h, max_height: h, furniture, dpr, ..Options::default() };
                        let l = layout(&m, view, &opts);
                        let css = l.height as f64 / l.dpr;
                        let most = match view {
                            // A page holds at least one row or panel under the title and legend.
                            View::Trend | View::Cities if h >= 420.0 => h,
                            View::Trend | View::Cities => h.max(360.0),
                            _ => h.max(600.0),
                        };
                        if css > most + 1.0 {
                            over.push(format!(
                                "{f} {view:?} {width} px, --height {h}, furniture {furniture}: {css} px ({} pages)",
                                l.pages
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(over.is_empty(), "{} over:\n{}", over.len(), over.join("\n"));
}

/// Marks that cross other marks stand clear of them (WCAG 1.4.11): the dashed line where the
/// counts disagree lies on a band of the background drawn over the bar, and a change of
/// exactly zero is a diamond wider than the zero line it sits on.
#[test]
fn crossing_marks_stand_on_their_own() {
    let l = layout(&common::fixture("seed.json"), View::Compare, &Options::default());
    let at = |want: &dyn Fn(&Mark) -> bool| l.marks.iter().position(want);
    // The counts marker over the plot (the legend's sample of it crosses no bar): the dashes
    // come right after their band, on the same row and within it, the band wider than them.
    let band = at(&|m| matches!(m, Mark::Line { ink: Ink::Background, .. })).expect("a band of the background");
    let Mark::Line { from: (bx0, by), to: (bx1, _), width: bw, .. } = l.marks[band] else { unreachable!() };
    let Mark::Line { from: (dx, dy), width: dw, .. } = l.marks[band + 1] else { panic!("dashes on the band") };
    assert!(matches!(l.marks[band + 1], Mark::Line { ink: Ink::Warning, .. }), "the dashes follow their band");
    assert!(dy == by && bx0 <= dx && dx <= bx1 && bw >= dw + 2, "band {bw} px, dashes {dw} px");
    let bar = at(&|m| match m {
        Mark::Fill { rect, ink: Ink::Region } => (rect.x0 - bx0 - 4).abs() <= 1 && (bx1 - 4 - rect.x1).abs() <= 1,
        _ => false,
    })
    .expect("the region's bar, the band 4 px beyond it each side");
    assert!(bar < band, "bar {bar}, band {band}: the band drawn over the bar");
    // Its point is the whole marker, band and dashes.
    let hit = l.hits.hits.iter().find(|h| h.series == Series::FromCounts).expect("the marker's point");
    let m = hit.mark;
    assert!(
        (m.x0 - bx0).abs() <= 1 && (m.x1 - bx1).abs() <= 1 && m.y0 <= by && by <= m.y1,
        "{m:?} for the band {bx0}..{bx1} at {by}"
    );

    let l = layout(&common::fixture("one-tier.json"), View::Change, &Options::default());
    let diamond = l
        .marks
        .iter()
        .find_map(|m| match m {
            Mark::Polygon { points, ink: Ink::Region } => {
                Some(points.iter().map(|p| p.0).max()? - points.iter().map(|p| p.0).min()?)
            }
            _ => None,
        })
        .expect("a no-change diamond");
    let axis = l.marks.iter().filter_map(|m| match m {
        Mark::Line { ink: Ink::Axis, width, .. } => Some(*width as i32),
        _ => None,
    });
    assert!(diamond >= 8 && axis.into_iter().all(|w| diamond >= w + 6), "diamond {diamond} px wide");
    // Its point's mark is the diamond's box, exactly.
    let corners = l
        .marks
        .iter()
        .find_map(|m| match m {
            Mark::Polygon { points, ink: Ink::Region } => Some(points.clone()),
            _ => None,
        })
        .unwrap();
    let bbox = Rect {
        x0: corners.iter().map(|p| p.0).min().unwrap(),
        y0: corners.iter().map(|p| p.1).min().unwrap(),
        x1: corners.iter().map(|p| p.0).max().unwrap(),
        y1: corners.iter().map(|p| p.1).max().unwrap(),
    };
    let hit = l.hits.hits.iter().find(|h| h.series == Series::Change).expect("the change's point");
    assert_eq!(hit.mark, bbox);
}

/// A canvas past what browsers draw ([`MAX_DEVICE_PIXELS`], [`MAX_DEVICE_HEIGHT`]) is laid out
/// again at a lower pixel ratio, in whole hundredths, within both caps and no lower than they
/// need.
#[test]
fn canvases_stay_within_what_browsers_draw() {
    let m = common::fixture("cities-30.csv");
    let l = layout(&m, View::Cities, &Options { width: 1200.0, dpr: 4.0, ..Options::default() });
    let (w, h) = (l.width as f64, l.height as f64);
    assert!(l.dpr < 4.0 && l.dpr >= 0.25, "dpr {}", l.dpr);
    assert!(w * h <= MAX_DEVICE_PIXELS && h <= MAX_DEVICE_HEIGHT, "{w} x {h} at dpr {}", l.dpr);
    assert!(((l.dpr * 100.0).round() - l.dpr * 100.0).abs() < 1e-6, "dpr {} in whole hundredths", l.dpr);
    let (css_w, css_h) = (w / l.dpr, h / l.dpr);
    let more = l.dpr + 0.02;
    assert!(
        css_w * more * css_h * more > MAX_DEVICE_PIXELS || css_h * more > MAX_DEVICE_HEIGHT,
        "dpr {} is lower than the caps need",
        l.dpr
    );
}

/// The frame's padding steps up at 480 CSS px (10 px below, 16 from there): the title starts
/// at the padding.
#[test]
fn the_padding_steps_up_at_480_px() {
    let m = common::fixture("seed.json");
    let title_x = |width: f64| {
        let l = layout(&m, View::Compare, &Options { width, ..Options::default() });
        l.marks
            .iter()
            .find_map(|mk| match mk {
                Mark::Text(t) if t.text == "运城市2019年高考本科达线情况" => Some(t.pos.0),
                _ => None,
            })
            .expect("the title drawn")
    };
    assert_eq!((title_x(479.0), title_x(480.0)), (10, 16));
}

/// Font sizes are whole device pixels at any pixel ratio (a browser's 1.5, the fallback's
/// hundredths), as the canvas and the SVG set them.
#[test]
fn font_sizes_are_whole_device_pixels() {
    let m = common::fixture("seed.json");
    for view in View::all_for(&m) {
        for dpr in [1.5, 1.86, 2.25] {
            let l = layout(&m, view, &Options { dpr, ..Options::default() });
            for mk in &l.marks {
                if let Mark::Text(t) = mk {
                    assert_eq!(
                        t.style.size,
                        t.style.size.round(),
                        "{view:?} at dpr {dpr}: {} at {}",
                        t.text,
                        t.style.size
                    );
                }
            }
        }
    }
}

/// A page past the last is the last page (a stale `--page` or pager after new data).
#[test]
fn a_page_past_the_last_is_the_last() {
    let m = common::fixture("multi-year.json");
    let opts = Options { height: 300.0, max_height: 300.0, ..Options::default() };
    let pages = layout(&m, View::Trend, &opts).pages;
    assert!(pages > 1, "the trend at 300 px is paged");
    let last = layout(&m, View::Trend, &Options { page: 99, ..opts });
    assert_eq!((last.page, last.pages), (pages - 1, pages));
}
