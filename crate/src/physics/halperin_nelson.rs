//! The Halperin–Nelson analysis of R(T) above T_BKT, Fig. S4 of the paper
//! (physics.md §5). Temperatures in K, resistances in Ω/□.
//!
//! - The law: R(T) = R0 · exp[−b (T/T_BKT − 1)^(−½)] for T > T_BKT, 0 below.
//! - Linearised: (d ln R/dT)^(−2/3) = (2/b)^(2/3) T_BKT^(−1/3) (T − T_BKT),
//!   a straight line through zero at T_BKT (the usual plot).
//!
//! Both read T_BKT from the same window of the transition. The default
//! window is the resistive bulk of the transition, 30–90 % of the
//! normal-state value: above 90 % the film is normal, and below 30 % an
//! inhomogeneous film's resistance is its tail — the regions of low local
//! T_BKT in series ([`super::resistive`]) — which the law of a homogeneous
//! film does not describe, and which would drag T_BKT down to the
//! temperature of the weakest regions.
//!
//! The exponentials of the law and of the linearised points are
//! [`crate::fast_exp::exp`]'s: within one ulp of `f64::exp`, and a third
//! cheaper in WebAssembly (the Fig. S4 fit: 15 % faster in Chromium).
//!
//! # References
//! B. I. Halperin and D. R. Nelson, J. Low Temp. Phys. 36, 599 (1979)
//! (paper ref. 42).

mod derivatives;

pub use derivatives::hn_law_derivatives;
use derivatives::{law_gradient, law_hessian};

use super::resistive::{check_curve, crossing, normal_value, TransitionOptions};
use crate::fast_exp::exp;
use crate::fit::{self, FitError, FitReport};
use crate::input::{self, InputError};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why a Halperin–Nelson analysis was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum HalperinNelsonError {
    /// Bad temperatures, resistances or window.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The fit could not be attempted.
    #[error(transparent)]
    Fit(#[from] FitError),
    /// The window holds too little of a transition to fit.
    #[error("the window {t_min}–{t_max} K holds {n} points of a resistive transition (R > 0 and rising): at least {min} are needed")]
    NoTransition {
        t_min: f64,
        t_max: f64,
        n: usize,
        min: usize,
    },
}

/// R0 · exp[−b (T/T_BKT − 1)^(−½)] in Ω/□ above T_BKT, 0 at and below.
pub fn hn_law(t_k: f64, r0: f64, b: f64, t_bkt: f64) -> f64 {
    let tau = t_k / t_bkt - 1.0;
    if tau > 0.0 {
        r0 * exp(-b / tau.sqrt())
    } else {
        0.0
    }
}

/// The fit window, K; absent bounds come from the curve (see the module doc).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct HnWindow {
    /// Lowest temperature fitted, K (default: where R = 0.3 R_N).
    pub t_min: Option<f64>,
    /// Highest temperature fitted, K (default: where R = 0.9 R_N).
    pub t_max: Option<f64>,
}

/// Lower and upper edge of the default window, fractions of R_N.
pub const DEFAULT_WINDOW: (f64, f64) = (0.3, 0.9);

/// The window in K for the curve.
pub fn resolve_window(
    t: &[f64],
    r: &[f64],
    w: &HnWindow,
) -> Result<(f64, f64), HalperinNelsonError> {
    check_curve(t, r)?;
    // R_N once, and only if a bound is left to the curve.
    let normal = std::cell::Cell::new(None);
    let r_normal = || match normal.get() {
        Some(v) => Ok(v),
        None => normal_value(t, r, &TransitionOptions::default()).inspect(|&v| normal.set(Some(v))),
    };
    let edge = |given: Option<f64>, name: &'static str, fraction: f64| match given {
        Some(v) => Ok(input::positive(name, v, "temperature in kelvin")?),
        None => {
            let rn = r_normal()?;
            crossing(t, r, fraction * rn).ok_or(HalperinNelsonError::NoTransition {
                t_min: t[0],
                t_max: t[t.len() - 1],
                n: 0,
                min: 4,
            })
        }
    };
    let t_min = edge(w.t_min, "options.tMin", DEFAULT_WINDOW.0)?;
    let t_max = edge(w.t_max, "options.tMax", DEFAULT_WINDOW.1)?;
    if t_max <= t_min {
        return Err(InputError::OutOfRange {
            name: "options.tMax",
            min: t_min,
            max: f64::INFINITY,
            value: t_max,
        }
        .into());
    }
    Ok((t_min, t_max))
}

/// The (T, R) points inside the window with R > 0.
fn window_points(t: &[f64], r: &[f64], (lo, hi): (f64, f64)) -> (Vec<f64>, Vec<f64>) {
    let mut out = (Vec::with_capacity(t.len()), Vec::with_capacity(t.len()));
    for (&t, &r) in t.iter().zip(r) {
        if t >= lo && t <= hi && r > 0.0 {
            out.0.push(t);
            out.1.push(r);
        }
    }
    out
}

/// The linearised points: T and (d ln R/dT)^(−2/3) by central differences,
/// where R > 0 on both neighbours and ln R rises; `ln_r` = ln R, computed
/// once by the caller (each enters two differences, and the start reuses it).
fn linearised_points(t: &[f64], r: &[f64], ln_r: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let n = t.len();
    let mut out = (Vec::with_capacity(n), Vec::with_capacity(n));
    for i in 1..n.saturating_sub(1) {
        if r[i - 1] > 0.0 && r[i + 1] > 0.0 {
            let d = (ln_r[i + 1] - ln_r[i - 1]) / (t[i + 1] - t[i - 1]);
            if d > 0.0 && d.is_finite() {
                out.0.push(t[i]);
                out.1.push(pow_minus_two_thirds(d));
            }
        }
    }
    out
}

/// d^(−2/3) (d > 0), for the linearised law: u = d^(−1/3) by Newton's
/// iteration u ← u(4 − du³)/3 (the error e becomes −2e²) from a guess read
/// off the bits of d (within 3.5 %: the exponent and mantissa divided by −3,
/// like the well-known inverse square root's), the last step written as a
/// correction u(1 − du³)/3 so that it adds no rounding of its own; then u².
/// Within 3ε (6.7·10⁻¹⁶) relative of d^(−2/3), where exp(−⅔ ln d), used
/// before, reached 4ε (`crate/tests/halperin_nelson.rs`); in wasm, where ln
/// and exp are software, its fifteen multiplications and additions cost a
/// fraction of theirs. Subnormal, infinite or NaN d: exp(−⅔ ln d).
pub fn pow_minus_two_thirds(d: f64) -> f64 {
    if d.is_nan() || !(f64::MIN_POSITIVE..=f64::MAX).contains(&d) {
        return (-2.0 / 3.0 * d.ln()).exp();
    }
    let mut u = f64::from_bits(0x553e_f100_0000_0000 - d.to_bits() / 3);
    for _ in 0..3 {
        u *= (4.0 - d * (u * u * u)) * (1.0 / 3.0);
    }
    u += u * (1.0 - d * (u * u * u)) * (1.0 / 3.0);
    u * u
}

/// The linearised Halperin–Nelson analysis.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HnLinearized {
    /// Temperatures of the points, K.
    pub t: Vec<f64>,
    /// (d ln R/dT)^(−2/3) at those temperatures, K^(2/3).
    pub y: Vec<f64>,
    /// Which points lie in the window and were fitted.
    pub in_window: Vec<bool>,
    /// The straight-line fit y = intercept + slope·T over the window.
    pub fit: FitReport,
    /// Where the line crosses zero, K.
    pub t_bkt: f64,
    /// Its standard error from the line's covariance, K.
    pub t_bkt_error: f64,
    /// b from the slope: (2/b)^(2/3) T_BKT^(−1/3) = slope.
    pub b: f64,
    /// The window, K.
    pub t_min: f64,
    /// The window, K.
    pub t_max: f64,
}

/// (d ln R/dT)^(−2/3) against T and the straight line over the window
/// whose zero is T_BKT.
pub fn hn_linearized(
    t: &[f64],
    r: &[f64],
    w: &HnWindow,
) -> Result<HnLinearized, HalperinNelsonError> {
    let (lo, hi) = resolve_window(t, r, w)?;
    let ln_r: Vec<f64> = r.iter().map(|r| r.ln()).collect();
    let (lt, ly) = linearised_points(t, r, &ln_r);
    // The points rise in T: those in the window are one run, fitted as
    // slices of the arrays (no copies).
    let window = lt.partition_point(|&x| x < lo)..lt.partition_point(|&x| x <= hi);
    let in_window: Vec<bool> = (0..lt.len()).map(|i| window.contains(&i)).collect();
    let (ft, fy) = (&lt[window.clone()], &ly[window]);
    if ft.len() < 3 {
        return Err(HalperinNelsonError::NoTransition {
            t_min: lo,
            t_max: hi,
            n: ft.len(),
            min: 3,
        });
    }
    let fit = fit::straight_line(["intercept", "slope"], ft, fy, None)?;
    let (a, s) = (fit.params[0].1, fit.params[1].1);
    let t_bkt = -a / s;
    let c = &fit.covariance;
    let var = c[0][0] / (s * s) + a * a * c[1][1] / s.powi(4) - 2.0 * a * c[0][1] / s.powi(3);
    let b = 2.0 / (s * t_bkt.cbrt()).powf(1.5);
    Ok(HnLinearized {
        t: lt,
        y: ly,
        in_window,
        t_bkt,
        t_bkt_error: var.max(0.0).sqrt(),
        b,
        fit,
        t_min: lo,
        t_max: hi,
    })
}

/// Names of the fitted parameters: R0 (Ω/□), b, T_BKT (K).
pub const PARAM_NAMES: [&str; 3] = ["r0", "b", "tBkt"];

/// The starting point of [`fit_halperin_nelson`] on the window's points:
/// the linearised line gives T_BKT and b, and R0 is then the linear
/// least-squares amplitude Σ R·f / Σ f² with f = exp(−b/√τ). Where the
/// line is unusable (too few points, or T_BKT not below the window, as on
/// an inhomogeneous film's transition, Fig. S4), T_BKT = T_min − 10 % of
/// the window and b is the slope of ln R against −τ^(−½) at that T_BKT (ln R
/// = ln R0 − b τ^(−½) is a straight line there; b = 1 if that slope is not
/// positive). On Fig. S4 that b is 2 standard errors from the fit's, where
/// b = 1 was 43 away: the fit takes 5 evaluations of the law instead of 12.
pub fn hn_start(t: &[f64], r: &[f64]) -> [f64; 3] {
    start_and_shape(t, r).0
}

/// [`hn_start`] and, at its (b, T_BKT), the shape exp(−b/√τ) of every
/// point: the fit's first evaluation is at the same (b, T_BKT) and reuses it
/// (an exponential per point fewer: a twelfth of a fit's time in wasm).
fn start_and_shape(t: &[f64], r: &[f64]) -> ([f64; 3], Vec<f64>) {
    let (lo, hi) = (t[0], t[t.len() - 1]);
    let ln_r: Vec<f64> = r.iter().map(|r| r.ln()).collect();
    let (lt, ly) = linearised_points(t, r, &ln_r);
    let from_line = fit::straight_line(["a", "s"], &lt, &ly, None)
        .ok()
        .and_then(|f| {
            let (a, s) = (f.params[0].1, f.params[1].1);
            let tb = -a / s;
            let b = 2.0 / (s * tb.cbrt()).powf(1.5);
            (s > 0.0 && tb > 0.0 && tb < lo && b.is_finite() && b > 0.0).then_some((tb, b))
        });
    let (tb, b) = from_line.unwrap_or_else(|| {
        let tb = lo - 0.1 * (hi - lo);
        let x: Vec<f64> = t.iter().map(|&t| 1.0 / (t / tb - 1.0).sqrt()).collect();
        let b = fit::straight_line(["ln r0", "-b"], &x, &ln_r, None)
            .map(|f| -f.params[1].1)
            .ok()
            .filter(|b| b.is_finite() && *b > 0.0);
        (tb, b.unwrap_or(1.0))
    });
    // R0 enters linearly: its least-squares value for this (b, T_BKT).
    let shape: Vec<f64> = t.iter().map(|&t| hn_law(t, 1.0, b, tb)).collect();
    let (mut sfr, mut sff) = (0.0, 0.0);
    for (&f, &r) in shape.iter().zip(r) {
        sfr += f * r;
        sff += f * f;
    }
    let r0 = sfr / sff;
    let r0 = if r0.is_finite() && r0 > 0.0 {
        r0
    } else {
        r.iter().copied().fold(0.0, f64::max)
    };
    ([r0, b, tb], shape)
}

/// Fits the Halperin–Nelson law to R(T) (`t` in K, strictly increasing; `r`
/// in Ω/□) over the window → params `r0` (Ω/□), `b`, `tBkt` (K).
pub fn fit_halperin_nelson(
    t: &[f64],
    r: &[f64],
    w: &HnWindow,
) -> Result<FitReport, HalperinNelsonError> {
    let window = resolve_window(t, r, w)?;
    let (ft, fr) = window_points(t, r, window);
    let rising = fr.windows(2).filter(|w| w[1] > w[0]).count();
    if ft.len() < 4 || rising < 3 {
        return Err(HalperinNelsonError::NoTransition {
            t_min: window.0,
            t_max: window.1,
            n: ft.len().min(rising + 1),
            min: 4,
        });
    }
    let (p0, shape0) = start_and_shape(&ft, &fr);
    let n = ft.len();
    // Values and derivatives share exp(−b/√τ) and 1/√τ: one pass per trial
    // and one division per point (the value is hn_law's to rounding: T times
    // 1/T_BKT where hn_law divides). The
    // second derivatives end the fit with Newton's steps: the law fits an
    // inhomogeneous film's transition (Fig. S4) only roughly, and there
    // Gauss–Newton's convergence is linear.
    Ok(fit::least_squares_second_order(
        |p, out, jac, hess| {
            let (r0, b, tb) = (p[0], p[1], p[2]);
            let Some(jac) = jac else {
                for (o, &t) in out.iter_mut().zip(&ft) {
                    *o = hn_law(t, r0, b, tb);
                }
                return;
            };
            let itb = 1.0 / tb;
            let at_start = b == p0[1] && tb == p0[2];
            let (d_r0, rest) = jac.split_at_mut(n);
            let (d_b, d_tb) = rest.split_at_mut(n);
            // The second derivatives, asked for near the minimum only, in
            // the same pass (they share √τ, 1/√τ and e).
            let mut pairs = hess.map(|h| h.chunks_exact_mut(n));
            let mut next = || pairs.as_mut().and_then(Iterator::next);
            let h = [next(), next(), next(), next(), next(), next()];
            let [Some(h_r0r0), Some(h_r0b), Some(h_r0tb), Some(h_bb), Some(h_btb), Some(h_tbtb)] =
                h
            else {
                for (i, &t) in ft.iter().enumerate() {
                    let tau = t * itb - 1.0;
                    [out[i], d_r0[i], d_b[i], d_tb[i]] = if tau > 0.0 {
                        let s = 1.0 / tau.sqrt();
                        let e = if at_start { shape0[i] } else { exp(-b * s) };
                        law_gradient(t, itb, s, e, r0, b)
                    } else {
                        [0.0; 4]
                    };
                }
                return;
            };
            for (i, &t) in ft.iter().enumerate() {
                let tau = t * itb - 1.0;
                let (g, h) = if tau > 0.0 {
                    let root = tau.sqrt();
                    let s = 1.0 / root;
                    let e = if at_start { shape0[i] } else { exp(-b * s) };
                    (
                        law_gradient(t, itb, s, e, r0, b),
                        law_hessian(t, itb, root, s, e, r0, b),
                    )
                } else {
                    ([0.0; 4], [0.0; 6])
                };
                [out[i], d_r0[i], d_b[i], d_tb[i]] = g;
                (h_r0r0[i], h_r0b[i], h_r0tb[i]) = (h[0], h[1], h[2]);
                (h_bb[i], h_btb[i], h_tbtb[i]) = (h[3], h[4], h[5]);
            }
        },
        &PARAM_NAMES,
        &fr,
        None,
        &p0,
    )?)
}
