//! The one number formatter for every surface (canvas, SVG, tooltip, summary, table), and
//! the one reader of numbers as they are written.
//!
//! Numbers are rounded in integer arithmetic to the precision they were stated with, so
//! `15.5 − 0.7` prints as `14.8`, never `14.799999`. No `f64` `Display` or parsing from the
//! standard library is used: both are sources of such artefacts and large pieces of a wasm
//! binary. The words around numbers are [`crate::words`]'s; this room writes digits only.

/// `value` scaled to an integer count of `10^-decimals` units, rounded half away from zero.
/// The small nudge absorbs binary representation error (14.8 is stored as 14.7999…).
pub fn to_units(value: f64, decimals: u8) -> i64 {
    let scaled = value * pow10(decimals);
    let nudge = if scaled >= 0.0 { 1e-7 } else { -1e-7 };
    (scaled + nudge).round() as i64
}

pub fn pow10(decimals: u8) -> f64 {
    let mut p = 1.0;
    for _ in 0..decimals {
        p *= 10.0;
    }
    p
}

/// The fewest decimals (up to 6) that write `value` exactly as it was typed.
///
/// `value × 10^d` is whole up to the rounding of one multiplication, a few units in the 16th
/// significant digit: hence a tolerance of 10⁻⁹ of its size. (A looser 10⁻⁶ took 99.99999 for
/// 100 and 98.76543 for 98.7654.)
pub fn decimals_of(value: f64) -> u8 {
    for d in 0..6u8 {
        let scaled = value * pow10(d);
        if (scaled - scaled.round()).abs() < 1e-9 * scaled.abs().max(1.0) {
            return d;
        }
    }
    6
}

/// The decimals of `value`, written to `decimals`, up to its last non-zero digit:
/// `significant(18.7, 2)` (written `18.70`) → 1, `significant(14.0, 1)` → 0.
pub fn significant(value: f64, decimals: u8) -> u8 {
    let mut d = decimals;
    let mut units = to_units(value, decimals);
    while d > 0 && units % 10 == 0 {
        units /= 10;
        d -= 1;
    }
    d
}

/// `value` with exactly `decimals` decimals: `fixed(14.799999, 1)` → `"14.8"`.
pub fn fixed(value: f64, decimals: u8) -> String {
    let units = to_units(value, decimals);
    let mut out = String::new();
    if units < 0 {
        out.push('−');
    }
    push_units(&mut out, units.unsigned_abs(), decimals, false);
    out
}

/// `value` with exactly `decimals` decimals, as data files write numbers (an ASCII minus):
/// `decimal(-0.3, 2)` → `"-0.30"`.
pub fn decimal(value: f64, decimals: u8) -> String {
    let units = to_units(value, decimals);
    let mut out = String::new();
    if units < 0 {
        out.push('-');
    }
    push_units(&mut out, units.unsigned_abs(), decimals, false);
    out
}

/// A rate with its percent sign: `"15.5%"`.
pub fn percent(value: f64, decimals: u8) -> String {
    let mut s = fixed(value, decimals);
    s.push('%');
    s
}

/// A signed difference: `"+0.7"`, `"−0.3"`; `None` when it rounds to zero.
pub fn signed(value: f64, decimals: u8) -> Option<String> {
    let units = to_units(value, decimals);
    if units == 0 {
        return None;
    }
    let mut out = String::from(if units > 0 { "+" } else { "−" });
    push_units(&mut out, units.unsigned_abs(), decimals, false);
    Some(out)
}

/// `value` as JSON writes numbers: an ASCII minus, the fewest decimals (up to 6) that give it.
pub fn plain(value: f64) -> String {
    let mut d = decimals_of(value);
    let mut units = to_units(value, d);
    // Past six decimals, the six-decimal rounding without its trailing zeros.
    while d > 0 && units % 10 == 0 {
        units /= 10;
        d -= 1;
    }
    let mut out = String::new();
    if units < 0 {
        out.push('-');
    }
    push_units(&mut out, units.unsigned_abs(), d, false);
    out
}

/// A count with thousands separators: `36192` → `"36,192"`.
pub fn count(n: u64) -> String {
    let mut out = String::new();
    push_units(&mut out, n, 0, true);
    out
}

/// Appends `n` in plain digits, with `-` when negative: years, pixel sizes, positions.
pub fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_units(out, n.unsigned_abs(), 0, false);
}

/// `n` in plain digits.
pub fn int(n: i64) -> String {
    let mut out = String::new();
    push_int(&mut out, n);
    out
}

fn push_units(out: &mut String, units: u64, decimals: u8, group: bool) {
    // Digits, least significant first.
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut n = units;
    loop {
        digits[len] = (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let d = decimals as usize;
    // `pos` is the power of ten of each digit, in units of the last decimal.
    for pos in (0..len.max(d + 1)).rev() {
        if d > 0 && pos == d - 1 {
            out.push('.');
        }
        out.push((b'0' + if pos < len { digits[pos] } else { 0 }) as char);
        if group && pos > d && (pos - d).is_multiple_of(3) {
            out.push(',');
        }
    }
}

/// A number as written in data: its value and how many decimals it was written with (at
/// most 6; `33.0` has one, `1.5e1` none).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Written {
    pub value: f64,
    pub decimals: u8,
}

/// Reads a decimal number as JSON writes it (`-12.50`, `1e2`). `lenient` also takes what
/// spreadsheets write: a leading `+`, and `.5` or `5.`. Anything else — `NaN`, `inf`, hex,
/// two dots, a thousands separator — is `None`: a number is read exactly or not at all.
///
/// The value is the written digits as an integer divided (or multiplied) by a power of ten,
/// one correctly rounded operation, so it is the nearest `f64` to what was written for up to
/// 15 significant digits.
pub fn read_decimal(text: &str, lenient: bool) -> Option<Written> {
    let b = text.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') if lenient => {
            i += 1;
            false
        }
        _ => false,
    };
    let mut mantissa: u64 = 0;
    let mut extra_exp: i32 = 0;
    // Digits past the 17th only scale the value.
    let take = |c: u8, m: &mut u64| -> i32 {
        if *m < 100_000_000_000_000_000 {
            *m = *m * 10 + (c - b'0') as u64;
            0
        } else {
            1
        }
    };
    let int_start = i;
    while let Some(c @ b'0'..=b'9') = b.get(i).copied() {
        extra_exp += take(c, &mut mantissa);
        i += 1;
    }
    let int_digits = i - int_start;
    let mut frac_digits = 0usize;
    if b.get(i) == Some(&b'.') {
        i += 1;
        while let Some(c @ b'0'..=b'9') = b.get(i).copied() {
            extra_exp += take(c, &mut mantissa) - 1;
            frac_digits += 1;
            i += 1;
        }
        if frac_digits == 0 && !lenient {
            return None;
        }
    }
    if int_digits + frac_digits == 0 || (!lenient && int_digits == 0) {
        return None;
    }
    if !lenient && int_digits > 1 && b[int_start] == b'0' {
        return None;
    }
    let mut exp: i32 = 0;
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        let neg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while let Some(c @ b'0'..=b'9') = b.get(i).copied() {
            exp = (exp * 10 + (c - b'0') as i32).min(10_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        if neg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return None;
    }
    let scale = exp + extra_exp;
    let m = mantissa as f64;
    let value = if mantissa == 0 {
        0.0
    } else if scale >= 0 {
        m * ten_to(scale)
    } else if scale >= -22 {
        // 10^22 is the largest power of ten an f64 holds exactly: one rounding.
        m / ten_to(-scale)
    } else {
        m / 1e22 / ten_to(-scale - 22)
    };
    if !value.is_finite() {
        return None;
    }
    let decimals = (frac_digits as i64 - exp as i64).clamp(0, 6) as u8;
    Some(Written { value: if negative { -value } else { value }, decimals })
}

/// 10^n as an f64 (infinite past about 10^308).
fn ten_to(n: i32) -> f64 {
    let mut p = 1.0;
    for _ in 0..n.clamp(0, 400) {
        p *= 10.0;
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_to_stated_precision() {
        assert_eq!(fixed(15.5 - 0.7, 1), "14.8");
        assert_eq!(fixed(48.6 - 3.4, 1), "45.2");
        assert_eq!(fixed(5872.0 / 36192.0 * 100.0, 1), "16.2");
        assert_eq!(fixed(0.05, 1), "0.1");
        assert_eq!(fixed(-0.25, 1), "−0.3");
        assert_eq!(fixed(7.0, 0), "7");
        assert_eq!(fixed(0.04, 2), "0.04");
        assert_eq!(fixed(100.0, 3), "100.000");
        assert_eq!(percent(48.6, 1), "48.6%");
    }

    #[test]
    fn signs_and_zero() {
        assert_eq!(signed(0.7, 1).as_deref(), Some("+0.7"));
        assert_eq!(signed(-0.3, 1).as_deref(), Some("−0.3"));
        assert_eq!(signed(0.04, 1), None);
        assert_eq!(signed(-1.25, 2).as_deref(), Some("−1.25"));
    }

    #[test]
    fn counts_and_decimals() {
        assert_eq!(count(36192), "36,192");
        assert_eq!(count(5872), "5,872");
        assert_eq!(count(999), "999");
        assert_eq!(count(0), "0");
        assert_eq!(count(1_000_000), "1,000,000");
        assert_eq!(count(u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(int(-2019), "-2019");
        assert_eq!(int(0), "0");
        assert_eq!(plain(-0.25), "-0.25");
        assert_eq!(plain(14.0), "14");
        assert_eq!(decimal(-0.3, 2), "-0.30");
        assert_eq!(decimal(14.0, 1), "14.0");
        assert_eq!(decimal(-0.04, 1), "0.0");
        assert_eq!(plain(2.0 / 3.0), "0.666667");
        // Zero, and what rounds to it, has no sign.
        assert_eq!(plain(0.0), "0");
        assert_eq!(plain(-0.0000001), "0");
        assert_eq!(plain(0.1000001), "0.1");
        assert_eq!(plain(-2.5000004), "-2.5");
        assert_eq!(decimal(0.0, 1), "0.0");
        assert_eq!(fixed(-0.0, 1), "0.0");
        assert_eq!(decimals_of(15.5), 1);
        assert_eq!(decimals_of(48.57), 2);
        assert_eq!(decimals_of(16.0), 0);
        assert_eq!(decimals_of(0.1 + 0.2), 1);
        // Five decimals, where a tolerance relative to the size of the number must stay far
        // below the last decimal's unit.
        assert_eq!(decimals_of(99.99999), 5);
        assert_eq!(decimals_of(98.76543), 5);
        assert_eq!(decimals_of(1234.5678), 4);
        assert_eq!(decimals_of(12.345678), 6);
        // 12.3456 × 10⁴ is 123455.99999999999: whole within 10⁻⁹ of its size.
        assert_eq!(decimals_of(12.3456), 4);
        assert_eq!(decimals_of(87.6543), 4);
        // Trailing zeros written are not significant.
        assert_eq!(significant(18.7, 2), 1);
        assert_eq!(significant(14.0, 1), 0);
        assert_eq!(significant(0.0, 2), 0);
        assert_eq!(significant(100.0, 1), 0);
        assert_eq!(significant(15.55, 2), 2);
        assert_eq!(significant(-0.30, 2), 1);
        assert_eq!(significant(48.6, 1), 1);
    }

    #[test]
    fn reads_decimals_as_written() {
        let r = |s: &str| read_decimal(s, false).map(|w| (w.value, w.decimals));
        assert_eq!(r("33.0"), Some((33.0, 1)));
        assert_eq!(r("15.50"), Some((15.5, 2)));
        assert_eq!(r("-0.3"), Some((-0.3, 1)));
        assert_eq!(r("0"), Some((0.0, 0)));
        assert_eq!(r("1e2"), Some((100.0, 0)));
        assert_eq!(r("1.25E-1"), Some((0.125, 3)));
        assert_eq!(r("14.8"), Some((14.8, 1)), "the nearest f64, as the compiler reads 14.8");
        assert_eq!(r("0.1"), Some((0.1, 1)));
        assert_eq!(r("123456789.123456"), Some((123456789.123456, 6)));
        assert_eq!(r("1e+2"), Some((100.0, 0)), "an exponent may carry its plus sign");
        assert_eq!(r("2.5E+1"), Some((25.0, 0)));
        // Past 18 significant digits the rest only scale the value.
        let near = |s: &str, want: f64| {
            let w = read_decimal(s, false).unwrap_or_else(|| panic!("{s}"));
            assert!((w.value - want).abs() <= want.abs() * 1e-15, "{s}: {} vs {want}", w.value);
            w.decimals
        };
        assert_eq!(near("123456789012345678901", 123456789012345678901.0), 0);
        assert_eq!(near("1.23456789012345678901", 1.234_567_890_123_456_7), 6);
        // Below 1e-22 the scaling takes two steps.
        assert_eq!(near("1.5e-30", 1.5e-30), 6);
        assert_eq!(near("0.00000000000000000000000025", 2.5e-25), 6);
        assert_eq!(near("-7.25e-40", -7.25e-40), 6);
        for bad in ["", "-", ".5", "5.", "+5", "01", "1e", "1.2.3", "NaN", "inf", "1,000", "0x10", " 1", "1 "] {
            assert_eq!(r(bad), None, "{bad:?}");
        }
        let l = |s: &str| read_decimal(s, true).map(|w| (w.value, w.decimals));
        assert_eq!(l("+0.7"), Some((0.7, 1)));
        assert_eq!(l(".5"), Some((0.5, 1)));
        assert_eq!(l("5."), Some((5.0, 0)));
        assert_eq!(l("007"), Some((7.0, 0)));
        for bad in ["", "+", ".", "NaN", "1..2", "--1", "1e999999"] {
            assert_eq!(l(bad), None, "{bad:?}");
        }
    }
}
