//! The hit table: every hoverable data point of a scene, in reading order, and a grid index
//! that finds the point under the pointer without looking at the others.

use super::marks::Rect;

/// Which series a point belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    /// The region's rate in the shown year.
    Region,
    /// The reference area's rate in the shown year.
    Reference,
    /// The region's rate the year before.
    Previous,
    /// passed ÷ candidates, drawn where it disagrees with the stated rate.
    FromCounts,
    /// The region's change on the year, in points (the change view's own scale).
    Change,
}

impl Series {
    /// The name the page and the API use.
    pub fn name(self) -> &'static str {
        match self {
            Series::Region => "region",
            Series::Reference => "reference",
            Series::Previous => "previous",
            Series::FromCounts => "counts",
            Series::Change => "change",
        }
    }

    /// Within a tier, the order a reader meets the series: last year, then this year, then
    /// the reference, then the rate from the counts or the change on the year.
    fn rank(self) -> u8 {
        match self {
            Series::Previous => 0,
            Series::Region => 1,
            Series::Reference => 2,
            Series::FromCounts => 3,
            Series::Change => 4,
        }
    }
}

/// A hoverable data point: where it is and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The touch target: the mark, grown to at least 24 CSS px each way.
    pub rect: Rect,
    /// The mark as drawn (its bounding box).
    pub mark: Rect,
    pub year: i32,
    /// Index into the latest year's tiers (in the cities view, into [`Model::latest_tiers`]).
    ///
    /// [`Model::latest_tiers`]: crate::model::Model::latest_tiers
    pub tier: usize,
    pub series: Series,
    /// The region the point belongs to, where the view shows several (the cities view).
    pub region: Option<usize>,
    /// Its place in a view's own order within a tier (the cities view's ranking); 0 elsewhere.
    pub order: u32,
    /// Drawing order: a mark drawn later covers those drawn before it.
    pub z: u32,
}

impl Hit {
    /// A point of `series` in `year` and tier `tier`, with its mark and target.
    pub fn new(mark: Rect, rect: Rect, year: i32, tier: usize, series: Series) -> Hit {
        Hit { rect, mark, year, tier, series, region: None, order: 0, z: 0 }
    }

    /// What the point is, the same in every frame and language: `"region:0:2019:-1"`
    /// (series, tier, year, region). A page keeps focus on the point with the same key
    /// after a redraw.
    pub fn key(&self) -> String {
        let region = self.region.map_or(-1, |r| r as i64);
        crate::cat!(self.series.name(), ":", self.tier, ":", self.year, ":", crate::format::int(region))
    }

    /// Tier by tier; within a tier, by the view's own order, then series by
    /// [`Series::rank`], then by year.
    fn reading_key(&self) -> (usize, u32, u8, i32) {
        (self.tier, self.order, self.series.rank(), self.year)
    }
}

/// Grows a mark's rectangle to at least `min` device pixels each way (a touch target).
pub fn target(r: Rect, min: f64) -> Rect {
    let grow = |a: i32, b: i32| -> (f64, f64) {
        let (a, b) = (a as f64, b as f64);
        if b - a >= min {
            (a, b)
        } else {
            let c = (a + b) / 2.0;
            (c - min / 2.0, c + min / 2.0)
        }
    };
    let (x0, x1) = grow(r.x0, r.x1);
    let (y0, y1) = grow(r.y0, r.y1);
    Rect::new(x0, y0, x1, y1)
}

/// Data points in reading order, with a grid index.
///
/// A lookup gives the visible mark its own area first: a point on a drawn mark is that mark
/// (the topmost, where marks overlap); elsewhere inside touch targets, the target whose mark
/// is nearest; elsewhere, the nearest target within the slop. A uniform grid of buckets lists
/// the points overlapping each cell, so a lookup reads one or a few buckets instead of every
/// point: hovering costs the same on a chart of 2 bars as of 300.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HitTable {
    pub hits: Vec<Hit>,
    cell: f64,
    cols: usize,
    rows: usize,
    buckets: Vec<Vec<u32>>,
}

impl HitTable {
    /// Sorts `hits` into reading order and indexes them.
    pub fn new(mut hits: Vec<Hit>) -> HitTable {
        crate::sort::sort_by_key(&mut hits, Hit::reading_key);
        let max_x = hits.iter().map(|h| h.rect.x1.max(h.mark.x1)).max().unwrap_or(0).max(1) as f64;
        let max_y = hits.iter().map(|h| h.rect.y1.max(h.mark.y1)).max().unwrap_or(0).max(1) as f64;
        // Cells of 32 px, fewer and larger when the chart is huge (at most 4,096 cells).
        let mut cell = 32.0;
        while (max_x / cell).ceil() * (max_y / cell).ceil() > 4096.0 {
            cell *= 2.0;
        }
        let cols = (max_x / cell).ceil() as usize + 1;
        let rows = (max_y / cell).ceil() as usize + 1;
        let mut buckets = vec![Vec::new(); cols * rows];
        for (i, h) in hits.iter().enumerate() {
            let x0 = h.rect.x0.min(h.mark.x0) as f64;
            let y0 = h.rect.y0.min(h.mark.y0) as f64;
            let (c0, r0) = Self::cell_of(cell, cols, rows, x0, y0);
            let (c1, r1) =
                Self::cell_of(cell, cols, rows, h.rect.x1.max(h.mark.x1) as f64, h.rect.y1.max(h.mark.y1) as f64);
            for r in r0..=r1 {
                for c in c0..=c1 {
                    buckets[r * cols + c].push(i as u32);
                }
            }
        }
        HitTable { hits, cell, cols, rows, buckets }
    }

    fn cell_of(cell: f64, cols: usize, rows: usize, x: f64, y: f64) -> (usize, usize) {
        let c = (x.max(0.0) / cell) as usize;
        let r = (y.max(0.0) / cell) as usize;
        (c.min(cols.saturating_sub(1)), r.min(rows.saturating_sub(1)))
    }

    /// The index (in reading order) of the point under (x, y) in device pixels, or of the
    /// nearest one within `slop`.
    pub fn find(&self, x: f64, y: f64, slop: f64) -> Option<usize> {
        if self.hits.is_empty() || !x.is_finite() || !y.is_finite() {
            return None;
        }
        let (c0, r0) = Self::cell_of(self.cell, self.cols, self.rows, x - slop, y - slop);
        let (c1, r1) = Self::cell_of(self.cell, self.cols, self.rows, x + slop, y + slop);
        // (class, distance, -z): class 0 on a mark, 1 inside a target, 2 within the slop.
        let mut best: Option<((u8, f64, i64), u32)> = None;
        for r in r0..=r1 {
            for c in c0..=c1 {
                for &i in &self.buckets[r * self.cols + c] {
                    let h = &self.hits[i as usize];
                    let key = if h.mark.contains(x, y) {
                        (0, 0.0, -(h.z as i64))
                    } else if h.rect.contains(x, y) {
                        (1, h.mark.distance(x, y), -(h.z as i64))
                    } else {
                        let d = h.rect.distance(x, y);
                        if d > slop {
                            continue;
                        }
                        (2, d, -(h.z as i64))
                    };
                    let better = match &best {
                        None => true,
                        Some((b, bi)) => {
                            key.0 < b.0 || (key.0 == b.0 && (key.1 < b.1 || (key.1 == b.1 && (key.2, i) < (b.2, *bi))))
                        }
                    };
                    if better {
                        best = Some((key, i));
                    }
                }
            }
        }
        best.map(|(_, i)| i as usize)
    }

    /// The point under (x, y), as [`HitTable::find`].
    pub fn at(&self, x: f64, y: f64, slop: f64) -> Option<&Hit> {
        self.find(x, y, slop).map(|i| &self.hits[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(mark: Rect, tier: usize, series: Series, z: u32) -> Hit {
        Hit { z, ..Hit::new(mark, target(mark, 24.0), 2019, tier, series) }
    }

    #[test]
    fn reading_order_is_tier_then_series_then_year() {
        let r = |x| Rect { x0: x, y0: 0, x1: x + 4, y1: 4 };
        let mut a = hit(r(0), 1, Series::Region, 0);
        a.year = 2020;
        let mut b = hit(r(10), 1, Series::Region, 1);
        b.year = 2019;
        let t = HitTable::new(vec![
            hit(r(20), 0, Series::Reference, 2),
            a,
            hit(r(30), 0, Series::Previous, 3),
            b,
            hit(r(40), 0, Series::Region, 4),
        ]);
        let order: Vec<(usize, Series, i32)> = t.hits.iter().map(|h| (h.tier, h.series, h.year)).collect();
        assert_eq!(
            order,
            vec![
                (0, Series::Previous, 2019),
                (0, Series::Region, 2019),
                (0, Series::Reference, 2019),
                (1, Series::Region, 2019),
                (1, Series::Region, 2020),
            ]
        );
    }

    #[test]
    fn the_visible_topmost_mark_owns_its_area() {
        // Two dots 10 px apart: their 24-px targets overlap each other's marks.
        let under = hit(Rect { x0: 100, y0: 100, x1: 112, y1: 112 }, 0, Series::Previous, 0);
        let over = hit(Rect { x0: 106, y0: 100, x1: 118, y1: 112 }, 0, Series::Region, 1);
        let t = HitTable::new(vec![under, over]);
        let series = |x: f64, y: f64| t.at(x, y, 4.0).map(|h| h.series);
        assert_eq!(series(116.0, 106.0), Some(Series::Region), "on the topmost mark");
        assert_eq!(series(108.0, 106.0), Some(Series::Region), "where both marks are, the later one");
        assert_eq!(series(101.0, 106.0), Some(Series::Previous), "on the lower mark where the upper is not");
        assert_eq!(series(93.0, 106.0), Some(Series::Previous), "in the targets, the nearest mark");
        assert_eq!(series(125.0, 106.0), Some(Series::Region));
        assert_eq!(series(106.0, 122.0), Some(Series::Region), "equally near: the topmost");
        assert_eq!(series(80.0, 106.0), None, "beyond the slop");
        assert_eq!(series(91.0, 106.0), Some(Series::Previous), "within the slop of a target");
    }

    /// Found by the fuzzer: coordinates saturated at the ends of i32 must not overflow.
    #[test]
    fn targets_at_the_ends_of_i32() {
        let r = target(Rect { x0: i32::MIN, y0: i32::MAX - 1, x1: i32::MIN + 1, y1: i32::MAX }, 48.0);
        assert!(r.x0 <= r.x1 && r.y0 <= r.y1);
        let t = HitTable::new(vec![Hit::new(r, r, 2019, 0, Series::Region)]);
        assert_eq!(t.find(0.0, 0.0, 8.0), None, "far from the only target");
        // The point is still found where it is: at its corner, and within the slop of it.
        let (x, y) = (r.x0 as f64 + 0.5, r.y1 as f64 - 0.5);
        assert_eq!(t.find(x, y, 8.0), Some(0), "on the target at {x},{y}");
        assert_eq!(t.find(x - 4.0, y + 4.0, 8.0), Some(0), "within the slop, beyond both ends");
        assert_eq!(t.find(x + 100.0, y - 100.0, 8.0), None, "beyond the slop");
    }

    /// The grid finds exactly what a scan of every hit finds.
    #[test]
    fn grid_lookup_matches_a_full_scan() {
        let hits: Vec<Hit> = (0..500)
            .map(|i| {
                let mark = Rect {
                    x0: (i * 7) % 900,
                    y0: (i * 13) % 400,
                    x1: (i * 7) % 900 + 6 + i % 30,
                    y1: (i * 13) % 400 + 5 + i % 40,
                };
                Hit {
                    rect: target(mark, 24.0),
                    mark,
                    year: 2019,
                    tier: i as usize,
                    series: Series::Region,
                    region: None,
                    order: 0,
                    z: (i * 37 % 500) as u32,
                }
            })
            .collect();
        let table = HitTable::new(hits.clone());
        let scan = |x: f64, y: f64, slop: f64| -> Option<usize> {
            let key = |h: &Hit| {
                if h.mark.contains(x, y) {
                    Some((0, 0.0, -(h.z as i64)))
                } else if h.rect.contains(x, y) {
                    Some((1, h.mark.distance(x, y), -(h.z as i64)))
                } else if h.rect.distance(x, y) <= slop {
                    Some((2, h.rect.distance(x, y), -(h.z as i64)))
                } else {
                    None
                }
            };
            table
                .hits
                .iter()
                .enumerate()
                .filter_map(|(i, h)| key(h).map(|k| (k, i)))
                .min_by(|a, b| {
                    a.0 .0.cmp(&b.0 .0).then(a.0 .1.total_cmp(&b.0 .1)).then(a.0 .2.cmp(&b.0 .2)).then(a.1.cmp(&b.1))
                })
                .map(|(_, i)| i)
        };
        let mut found = 0;
        for x in (0..950).step_by(7) {
            for y in (0..460).step_by(11) {
                let (x, y) = (x as f64 + 0.5, y as f64 + 0.5);
                let got = table.find(x, y, 6.0);
                assert_eq!(got, scan(x, y, 6.0), "at {x},{y}");
                found += got.is_some() as usize;
            }
        }
        assert!(found > 1000, "the scan found points: {found}");
    }
}
