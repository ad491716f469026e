//! One small stable sort for the crate's few short lists (a year's tiers, the regions of a
//! ranking, a chart's hit table, already almost in order).
//!
//! Why not `slice::sort_by`: the standard library's sorts are built for millions of items
//! and each call site instantiates all of their machinery (driftsort, small-sort networks,
//! pivot selection), about 4 KB of wasm per call; six call sites cost more than the rest of
//! the layout. Insertion sort is a few dozen bytes per call site, stable, and linear on input
//! that is nearly in order, which is what every caller here passes.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`. Quadratic in the worst case; callers sort at most a few
/// hundred items, nearly in order.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` stably by `key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let mut seed = 12345u32;
        for n in [0, 1, 2, 3, 10, 57, 300] {
            let v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 7, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std = v.clone();
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "n = {n}");
        }
    }
}
