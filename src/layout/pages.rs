//! Pages: how a view too tall for its box is cut. A view made of parts (tiers) of rows lays
//! out the parts whole where they fit in a page's height, and cuts a part too long for one
//! page into runs of rows, each drawn under the part's head.

use std::ops::Range;

/// A part on a page, or the run of its rows that fits there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// Which part (tier).
    pub part: usize,
    /// Which of its rows.
    pub rows: Range<usize>,
}

/// The pages of parts of `sizes[i]` rows each, `row_h` high a row, with `fixed` more per part
/// drawn (its head and axis), in pages of at most `budget` (all device px). Parts keep their
/// order; a part that fits on no page whole is cut into runs of as many rows as a page holds
/// (at least one). Always at least one page.
pub(crate) fn paginate(sizes: &[usize], row_h: f64, fixed: f64, budget: f64) -> Vec<Vec<Block>> {
    let mut pages: Vec<Vec<Block>> = vec![Vec::new()];
    let mut used = 0.0;
    let per_page = (((budget - fixed) / row_h).floor() as usize).max(1);
    for (part, &n) in sizes.iter().enumerate() {
        let mut start = 0;
        while start < n.max(1) {
            let left = budget - used;
            let fits = (((left - fixed) / row_h).floor().max(0.0)) as usize;
            let rest = n - start;
            if fits >= rest.max(1) || (fits >= 1 && rest > per_page) {
                // The rest of the part, or as much of a long part as this page holds.
                let take = rest.min(fits).max(n.min(1));
                pages.last_mut().expect("a page").push(Block { part, rows: start..start + take });
                used += fixed + take as f64 * row_h;
                start += take.max(1);
            } else if pages.last().is_some_and(|p| !p.is_empty()) {
                pages.push(Vec::new());
                used = 0.0;
            } else {
                // An empty page that cannot hold one row: one row it is.
                let take = 1.min(rest).max(n.min(1));
                pages.last_mut().expect("a page").push(Block { part, rows: start..start + take });
                used += fixed + take as f64 * row_h;
                start += take.max(1);
            }
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(pages: &[Vec<Block>]) -> Vec<Vec<(usize, usize, usize)>> {
        pages.iter().map(|p| p.iter().map(|b| (b.part, b.rows.start, b.rows.end)).collect()).collect()
    }

    #[test]
    fn whole_parts_where_they_fit() {
        // Parts of 3 and 4 rows, 10 px a row, 5 px of head: 35 + 45 = 80 fits in 100.
        assert_eq!(shape(&paginate(&[3, 4], 10.0, 5.0, 100.0)), vec![vec![(0, 0, 3), (1, 0, 4)]]);
        // In 60, the second part goes to a page of its own.
        assert_eq!(shape(&paginate(&[3, 4], 10.0, 5.0, 60.0)), vec![vec![(0, 0, 3)], vec![(1, 0, 4)]]);
    }

    #[test]
    fn a_long_part_in_runs() {
        // 25 rows, 10 a page (105 − 5 = 100 px of rows): 10, 10, then 5 shared with the next part.
        assert_eq!(
            shape(&paginate(&[25, 2], 10.0, 5.0, 105.0)),
            vec![vec![(0, 0, 10)], vec![(0, 10, 20)], vec![(0, 20, 25), (1, 0, 2)]]
        );
        // A page that holds not even one row still shows one.
        assert_eq!(shape(&paginate(&[2], 10.0, 5.0, 8.0)), vec![vec![(0, 0, 1)], vec![(0, 1, 2)]]);
    }

    #[test]
    fn parts_without_rows_and_no_parts() {
        assert_eq!(shape(&paginate(&[0, 1], 10.0, 5.0, 100.0)), vec![vec![(0, 0, 0), (1, 0, 1)]]);
        assert_eq!(shape(&paginate(&[], 10.0, 5.0, 100.0)), vec![Vec::<(usize, usize, usize)>::new()]);
    }
}
