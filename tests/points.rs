//! The words of each point are those of the mark painted under it: for every fixture, every
//! view it supports, widths from a phone to a desktop and device pixel ratios 1 to 3, the
//! points' words are read off the very scene that is painted — one per hit, in the hit
//! table's order — and each names the figure of the mark its box covers. Dense data (300
//! tiers, where the compare view draws one group in several) included.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use passrate_chart::describe::points;
use passrate_chart::format::{percent, signed};
use passrate_chart::layout::{Mark, Options, Rect, Scene, Series};
use passrate_chart::model::Model;
use passrate_chart::views::{self, layout, View};
use passrate_chart::words::{words, Lang};

/// `tiers` tiers named T1, T2, … with rates that differ, in one year.
fn dense(tiers: usize) -> Model {
    let list: Vec<String> = (1..=tiers)
        .map(|i| format!(r#"{{"tier":"T{i}","rate":{}.{},"vs_reference_pp":0.{}}}"#, 10 + i % 50, i % 10, (i % 9) + 1))
        .collect();
    common::unchecked(&list)
}

fn models() -> Vec<(String, Model)> {
    let mut out: Vec<(String, Model)> = common::FIXTURES
        .iter()
        .chain(common::CITY_FIXTURES)
        .chain(&["text/dense.json", "text/quotes.json", "text/trend-below.json", "text/cities-missing.csv"])
        .map(|f| (f.to_string(), common::fixture(f)))
        .collect();
    out.push(("300 tiers".into(), dense(300)));
    out
}

/// The bounding box of a drawn mark, if it has an area or a length.
fn extent(m: &Mark) -> Option<Rect> {
    match m {
        Mark::Fill { rect, .. } | Mark::Outline { rect, .. } | Mark::Hatch { rect, .. } => Some(*rect),
        Mark::Line { from, to, .. } => {
            Some(Rect { x0: from.0.min(to.0), y0: from.1.min(to.1), x1: from.0.max(to.0), y1: from.1.max(to.1) })
        }
        Mark::Dot { center, radius, .. } => {
            let r = *radius as i32;
            Some(Rect { x0: center.0 - r, y0: center.1 - r, x1: center.0 + r, y1: center.1 + r })
        }
        Mark::Polygon { points, .. } => Some(Rect {
            x0: points.iter().map(|p| p.0).min()?,
            y0: points.iter().map(|p| p.1).min()?,
            x1: points.iter().map(|p| p.0).max()?,
            y1: points.iter().map(|p| p.1).max()?,
        }),
        Mark::Text(_) => None,
    }
}

fn within(inner: &Rect, outer: &Rect, slack: i32) -> bool {
    inner.x0 >= outer.x0 - slack
        && inner.y0 >= outer.y0 - slack
        && inner.x1 <= outer.x1 + slack
        && inner.y1 <= outer.y1 + slack
}

/// Whether some drawn mark lies inside the hit's mark box (what the point stands over is
/// painted, not only listed).
fn painted(scene: &Scene, mark: &Rect) -> bool {
    scene.marks.iter().filter_map(extent).any(|e| within(&e, mark, 1))
}

#[test]
fn each_point_is_the_mark_painted_under_it() {
    let mut scenes = 0;
    for (name, model) in models() {
        for view in View::all_for(&model) {
            for width in [320.0, 400.0, 560.0, 800.0, 1000.0, 1200.0] {
                for dpr in [1.0, 2.0, 3.0] {
                    for lang in [Lang::Zh, Lang::En] {
                        let opts = Options { width, dpr, lang, furniture: false, ..Options::default() };
                        let scene = layout(&model, view, &opts);
                        let pts = points(&model, &scene, lang);
                        let at = format!("{name} {view:?} {width} px dpr {dpr} {lang:?}");
                        assert_eq!(pts.len(), scene.hits.hits.len(), "{at}: one point per hit");
                        for (p, h) in pts.iter().zip(&scene.hits.hits) {
                            assert_eq!(p.key, h.key(), "{at}: the points in the hits' order");
                            let fig = views::figure(&model, view, h)
                                .unwrap_or_else(|| panic!("{at}: {h:?} stands on no figure"));
                            let value = match h.series {
                                Series::Change => words(lang).points(signed(fig.value, fig.decimals).as_deref()),
                                _ => percent(fig.value, fig.decimals),
                            };
                            assert_eq!(p.value, value, "{at}: {} names another figure", p.key);
                            assert!(within(&h.mark, &h.rect, 0), "{at}: {}'s target covers its mark", p.key);
                            assert!(painted(&scene, &h.mark), "{at}: nothing is painted under {}", p.key);
                        }
                        scenes += 1;
                    }
                }
            }
        }
    }
    assert!(scenes > 1000, "{scenes} scenes");
}

/// Where the compare view draws one group in several, the points are the groups drawn, and
/// the scene says so (the page gives screen readers this note with the points).
#[test]
fn thinned_groups_are_the_points_and_the_note_says_how_to_reach_the_rest() {
    let model = dense(300);
    // At 800 px and dpr 2, every group is a device pixel or more: all 300 are drawn, and all are points.
    let all =
        layout(&model, View::Compare, &Options { width: 800.0, dpr: 2.0, furniture: false, ..Options::default() });
    assert_eq!(all.hits.hits.iter().filter(|h| h.series == Series::Region).count(), 300);
    for (width, dpr) in [(320.0, 2.0), (320.0, 1.0), (640.0, 1.0), (240.0, 3.0)] {
        let opts = Options { width, dpr, furniture: false, ..Options::default() };
        let scene = layout(&model, View::Compare, &opts);
        let drawn: Vec<usize> = scene.hits.hits.iter().filter(|h| h.series == Series::Region).map(|h| h.tier).collect();
        assert!(drawn.len() < 300, "{width} px dpr {dpr}: 300 groups cannot all be drawn");
        let every = drawn[1] - drawn[0];
        assert!(drawn.iter().enumerate().all(|(k, &t)| t == k * every), "{width} px dpr {dpr}: {drawn:?}");
        assert!(
            scene.notes.iter().any(|n| n.contains(&every.to_string()) && n.contains("数据表")),
            "{width} px dpr {dpr}: {:?}",
            scene.notes
        );
        let pts = points(&model, &scene, Lang::Zh);
        for (p, h) in pts.iter().zip(&scene.hits.hits) {
            assert!(p.heading.starts_with(&format!("T{} ·", h.tier + 1)), "{}", p.heading);
        }
    }
    // At dpr 2 more groups fit than at dpr 1 on the same width: the points follow the dpr.
    let at =
        |dpr: f64| layout(&model, View::Compare, &Options { width: 800.0, dpr, ..Options::default() }).hits.hits.len();
    assert!(at(2.0) > at(1.0), "{} vs {}", at(2.0), at(1.0));
}
