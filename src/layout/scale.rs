//! Scales: round axis ends and steps for rates, and their tick labels.

use crate::format::percent;

/// A round axis maximum and tick step for data up to `max`, at most about six ticks.
pub fn nice_scale(max: f64) -> (f64, f64) {
    if max.is_nan() || max <= 0.0 {
        return (10.0, 2.0);
    }
    // Rates under 1 % still get an axis to 1 %, not one in millionths of a percent.
    let max = max.max(1.0);
    let raw = max / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let mut step = 10.0 * mag;
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * mag * 5.0 >= max {
            step = m * mag;
            break;
        }
    }
    let top = (max / step - 1e-9).ceil() * step;
    if top > 100.0 {
        (100.0, 20.0)
    } else {
        (top.max(step), step)
    }
}

/// A y range around `values` with round ends and about four steps; never flat.
pub fn range(values: &[f64]) -> (f64, f64, f64) {
    let (min, max) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
    if !min.is_finite() {
        return (0.0, 10.0, 2.5);
    }
    let (_, step) = nice_scale(((max - min) * 1.25).max(2.0));
    let lo = ((min / step).floor() * step).max(0.0);
    let mut hi = ((max / step).ceil() * step).min(100.0);
    if hi <= lo {
        hi = (lo + step).min(100.0).max(lo + 1.0);
    }
    (lo, hi, step)
}

/// How many steps apart tick labels go so that none touches the next: the smallest skip of
/// at least `widest / spacing` steps that divides `steps`, so both ends of the axis keep
/// their labels (or every `steps`, the two ends only).
pub fn label_every(steps: usize, spacing: f64, widest: f64) -> usize {
    let steps = steps.max(1);
    let need = if spacing > 0.0 { (widest / spacing).ceil().max(1.0) as usize } else { steps };
    (need..=steps).find(|k| steps.is_multiple_of(*k)).unwrap_or(steps)
}

/// A tick label: "0%", "20%", "2.5%".
pub fn tick_label(v: f64) -> String {
    let d = crate::format::decimals_of(v).min(2);
    percent(v, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_labels_skip_evenly_and_keep_both_ends() {
        assert_eq!(label_every(4, 50.0, 30.0), 1);
        assert_eq!(label_every(4, 20.0, 30.0), 2);
        assert_eq!(label_every(3, 20.0, 30.0), 3);
        assert_eq!(label_every(5, 10.0, 30.0), 5);
        assert_eq!(label_every(0, 10.0, 30.0), 1);
    }

    #[test]
    fn nice_scales() {
        assert_eq!(nice_scale(48.6), (50.0, 10.0));
        assert_eq!(nice_scale(16.2), (20.0, 5.0));
        assert_eq!(nice_scale(0.0), (10.0, 2.0));
        assert_eq!(nice_scale(100.0), (100.0, 20.0));
        // Spans past 100 (a trend's range with headroom, a change from −60 to +50): the axis
        // stops at 100 and steps by 20, not 125 by 25.
        assert_eq!(nice_scale(112.5), (100.0, 20.0));
        assert_eq!(nice_scale(180.0), (100.0, 20.0));
        assert_eq!(nice_scale(3.3), (4.0, 1.0));
    }

    #[test]
    fn ranges_round_and_never_flat() {
        assert_eq!(range(&[14.2, 15.5]), (14.0, 15.5, 0.5));
        assert_eq!(range(&[]), (0.0, 10.0, 2.5));
        let (lo, hi, _) = range(&[100.0, 100.0]);
        assert!(lo < hi);
    }
}
