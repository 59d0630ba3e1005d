//! `fast_exp::exp` against `f64::exp`: the brief of its use in the
//! Halperin–Nelson fit is 10⁻¹⁵ relative; it is within one ulp.
#![cfg(not(target_arch = "wasm32"))]

use ktao::fast_exp::{exp, pow, table_power};

/// Distance in ulps between two positive finite doubles.
fn ulps(a: f64, b: f64) -> u64 {
    a.to_bits().abs_diff(b.to_bits())
}

/// `n` points spread over [lo, hi] with a fixed pseudo-random jitter, so
/// that every 2^(i/32) of the table and every rounding case is reached.
fn points(lo: f64, hi: f64, n: u64) -> impl Iterator<Item = f64> {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    (0..n).map(move |k| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let jitter = (state >> 11) as f64 / (1u64 << 53) as f64;
        lo + (hi - lo) * (k as f64 + jitter) / n as f64
    })
}

#[test]
fn the_table_holds_the_doubles_nearest_2_to_the_i_over_32() {
    for i in 0..32 {
        let want = (i as f64 / 32.0).exp2();
        assert!(ulps(table_power(i), want) <= 1, "2^({i}/32)");
    }
}

#[test]
fn within_one_ulp_of_std_over_every_argument_with_a_normal_result() {
    let mut worst = 0;
    for x in points(-745.0, 709.7, 2_000_000) {
        let (got, want) = (exp(x), x.exp());
        assert!(
            (got / want - 1.0).abs() <= 1e-15 || (want < f64::MIN_POSITIVE && got == want),
            "exp({x}) = {got}, std {want}"
        );
        if want >= f64::MIN_POSITIVE {
            worst = worst.max(ulps(got, want));
        }
    }
    assert!(worst <= 1, "{worst} ulps");
}

#[test]
fn within_one_ulp_where_the_halperin_nelson_fit_uses_it() {
    // exp(−b/√τ): arguments from 0 down to where R vanishes; exp(−⅔ ln d)
    // of the linearised law: a few units either side of 0.
    for (lo, hi) in [(-60.0, 0.0), (-1e-3, 1e-3), (-10.0, 10.0)] {
        let worst = points(lo, hi, 1_000_000)
            .map(|x| ulps(exp(x), x.exp()))
            .max()
            .unwrap_or(0);
        assert!(worst <= 1, "[{lo}, {hi}]: {worst} ulps");
    }
}

#[test]
fn special_arguments_give_std_values() {
    assert_eq!(exp(0.0), 1.0);
    assert_eq!(exp(-0.0), 1.0);
    assert_eq!(exp(1e-300), 1.0);
    assert_eq!(exp(1.0), std::f64::consts::E);
    assert!(exp(f64::NAN).is_nan());
    assert_eq!(exp(f64::INFINITY), f64::INFINITY);
    assert_eq!(exp(f64::NEG_INFINITY), 0.0);
    assert_eq!(exp(710.0), f64::INFINITY);
    assert_eq!(exp(-746.0), 0.0);
    // Either side of the range check: std beyond ±708, the table within.
    for x in [708.0, 708.0000001, -708.0, -708.0000001, -740.0] {
        assert!(ulps(exp(x), x.exp()) <= 1, "exp({x})");
    }
}

/// `pow` against `f64::powf` on the sweep's arguments (1 − |H|/H_sw in
/// (0, 1], Pfeiffer's n in [0.86, 2] and 1/n) and beyond: within 10⁻¹³
/// relative wherever the result is normal; the edge cases as `powf`.
#[test]
fn pow_is_within_1e13_of_powf() {
    for base in points(1e-300, 1.0, 20_000).chain(points(1.0, 1e6, 2_000)) {
        for e in [0.86, 1.0, 1.5, 2.0, 1.0 / 0.86, 0.5, 1.0 / 3.0] {
            let (got, want) = (pow(base, e), base.powf(e));
            if want.is_normal() {
                assert!(
                    (got / want - 1.0).abs() < 1e-13,
                    "{base}^{e}: {got} vs {want}"
                );
            }
        }
    }
    assert_eq!(pow(0.0, 2.0), 0.0);
    assert_eq!(pow(1.0, 1.7), 1.0);
    assert_eq!(pow(0.0, 0.0), 1.0);
    assert!(pow(-1.0, 0.5).is_nan() && pow(f64::NAN, 2.0).is_nan());
    assert_eq!(pow(f64::INFINITY, 2.0), f64::INFINITY);
}
