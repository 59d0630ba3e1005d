//! BKT scaling of the I–V curves, Fig. 1e–f of the paper (physics.md §5).
//! Temperatures in K, currents in A, voltages in V.
//!
//! # The generator
//! The film of [`super::resistive`]: regions with a Gaussian spread of local
//! T_B in series. At temperature T and current I a region contributes
//!
//! - T > T_B (free vortices, or T ≥ T_c0): Ohmic, R(T; T_B)·I with the
//!   linear-response resistance of [`super::resistive::homogeneous_resistance`];
//! - T < T_B (bound pairs): the current unbinds pairs, V ∝ I^α with the BKT
//!   exponent α = 1 + πK_R(T), joined to the normal state at high current:
//!   V = R_N(T)·I / [1 + (I₀(T)/I)^(α−1)].
//!   K_R is taken with the Ginzburg–Landau temperature dependence of the
//!   superfluid stiffness, πK_R = 2·(T_B/T)·(T_c0 − T)/(T_c0 − T_B), so that
//!   the universal jump πK_R(T_B) = 2 gives α = 3 at the region's own T_B;
//!   I₀(T) = `i0`·(1 − T/T_c0)^(3/2) follows the GL depairing current.
//!
//! Gaussian voltage noise of RMS `iv_noise_v` (seeded) is added.
//!
//! # The analysis
//! For each temperature, α is the slope of a straight-line least-squares fit
//! of ln V against ln I over a window ([`AlphaWindow`]), with its standard
//! error; T_BKT is where α(T) crosses 3, by linear interpolation between the
//! two bracketing temperatures. The critical current is where V first
//! exceeds a voltage threshold ([`critical_current`]).
//!
//! # References
//! B. I. Halperin and D. R. Nelson, J. Low Temp. Phys. 36, 599 (1979);
//! M. R. Beasley, J. E. Mooij and T. P. Orlando, Phys. Rev. Lett. 42, 1165
//! (1979) (paper ref. 41); A. M. Kadin, K. Epstein and A. M. Goldman,
//! Phys. Rev. B 27, 6691 (1983) (α(T) from I–V curves).

use super::resistive::{regions, Region};
use super::transport::TransportParams;
use crate::fast_exp;
use crate::fit::{self, FitError, FitReport};
use crate::input::{self, InputError};
use rand::{rngs::StdRng, SeedableRng};
use rand_distr::{Distribution, Normal};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why an I–V computation or analysis was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum BktError {
    /// Bad temperatures, currents, voltages, parameters or options.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A fit could not be attempted.
    #[error(transparent)]
    Fit(#[from] FitError),
    /// α(T) stays on one side of 3.
    #[error("alpha never crosses 3 between {t_min} K and {t_max} K (it runs from {alpha_first:.3} to {alpha_last:.3}): T_BKT is outside the data")]
    NoCrossing {
        t_min: f64,
        t_max: f64,
        alpha_first: f64,
        alpha_last: f64,
    },
    /// The voltage never passes the critical-current threshold, or starts above it.
    #[error(
        "voltage {what} the threshold {threshold} V: the critical current is outside the data"
    )]
    NoCriticalCurrent { what: &'static str, threshold: f64 },
}

/// One I–V curve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IvCurve {
    /// Temperature, K.
    pub temperature: f64,
    /// Currents, A (positive, strictly increasing).
    pub current: Vec<f64>,
    /// Voltages, V.
    pub voltage: Vec<f64>,
}

/// The BKT exponent α = 1 + πK_R of a region with BKT temperature `t_b_k`
/// (GL stiffness; 3 at T = T_B, 1 at and above T_c0).
pub fn alpha_bound(t_k: f64, tc0_k: f64, t_b_k: f64) -> f64 {
    if t_k >= tc0_k {
        1.0
    } else {
        1.0 + 2.0 * (t_b_k / t_k) * (tc0_k - t_k) / (tc0_k - t_b_k)
    }
}

/// Noise-free V(I) in volts of the film at `t_k` for each current.
fn iv_clean(p: &TransportParams, regions: &[Region], t_k: f64, currents: &[f64]) -> Vec<f64> {
    let r_n = p.normal_resistance(t_k);
    let i0 = p.i0 * (1.0 - t_k / p.tc0).max(0.0).powf(1.5);
    // The unbound regions add up to one Ohmic resistance.
    let sigma_n = 1.0 / r_n;
    let ohmic: f64 = regions
        .iter()
        .filter(|g| t_k >= g.t_b || i0 <= 0.0)
        .map(|g| g.weight * g.resistance(t_k, sigma_n))
        .sum();
    let mut v: Vec<f64> = currents.iter().map(|&i| ohmic * i).collect();
    if i0 > 0.0 {
        // (I₀/I)^(α−1) = exp[(α−1)·ln(I₀/I)], the logarithms taken once.
        let logs: Vec<f64> = currents.iter().map(|&i| (i0 / i).ln()).collect();
        // On log-spaced currents (as measured, and as every page asks for)
        // ln(I₀/I) falls by the same step from point to point, and each
        // power is the one before times exp[−(α−1)·step]: one exponential
        // per region instead of one per point (7e-15 relative after 60
        // points; `iv_clean_is_the_same_on_log_spaced_currents` checks it).
        let step = log_step(&logs);
        for g in regions.iter().filter(|g| t_k < g.t_b) {
            let e = alpha_bound(t_k, p.tc0, g.t_b) - 1.0;
            let w = g.weight * r_n;
            // Below the current where (I₀/I)^(α−1) > e⁴⁰ the region adds
            // less than 4e-18 of w·R_N·I: skip it (the logs fall with I).
            let first = logs.partition_point(|&l| e * l > 40.0);
            let Some(&l0) = logs.get(first) else {
                continue;
            };
            let ratio = step.map(|d| fast_exp::exp(-e * d));
            let mut power = fast_exp::exp(e * l0);
            for ((o, &i), &l) in v[first..]
                .iter_mut()
                .zip(&currents[first..])
                .zip(&logs[first..])
            {
                if ratio.is_none() {
                    power = fast_exp::exp(e * l);
                }
                *o += w * i / (1.0 + power);
                if let Some(r) = ratio {
                    power *= r;
                }
            }
        }
    }
    v
}

/// The common decrease of consecutive `logs` when every step equals the
/// first to 1e-13 of it (log-spaced currents), else None.
fn log_step(logs: &[f64]) -> Option<f64> {
    let d = logs.first()? - logs.get(1)?;
    let same = logs
        .windows(2)
        .all(|w| ((w[0] - w[1]) - d).abs() <= 1e-13 * d.abs());
    (same && d > 0.0).then_some(d)
}

/// The synthetic I–V family: one curve per temperature (K, any order) on the
/// same currents (A, positive and strictly increasing).
pub fn iv_curves(
    p: &TransportParams,
    temperatures_k: &[f64],
    currents_a: &[f64],
) -> Result<Vec<IvCurve>, BktError> {
    p.validate()?;
    input::positive_slice("temperaturesK", temperatures_k)?;
    input::positive_slice("currentsA", currents_a)?;
    input::increasing("currentsA", currents_a)?;
    let regions = regions(p);
    let mut rng = StdRng::seed_from_u64(p.seed_u64());
    let normal = Normal::new(0.0, 1.0).map_err(|_| InputError::NotFinite {
        name: "params.ivNoiseV",
        value: p.iv_noise_v,
    })?;
    Ok(temperatures_k
        .iter()
        .map(|&t| {
            let mut voltage = iv_clean(p, &regions, t, currents_a);
            for v in voltage.iter_mut() {
                let z: f64 = normal.sample(&mut rng);
                *v += p.iv_noise_v * z;
            }
            IvCurve {
                temperature: t,
                current: currents_a.to_vec(),
                voltage,
            }
        })
        .collect())
}

/// Which points of each curve the exponent α is fitted to. The power-law
/// regime lies between two Ohmic lines: the low-current line of free
/// vortices (R₀ = V/I at the lowest current above the floor) and the
/// normal-state line (R_N = the largest V/I at the top current of any
/// curve). A point is used when V > `v_min`, V > `low_factor`·R₀·I,
/// V < `high_fraction`·R_N·I, and `i_min` ≤ I ≤ `i_max`. Where fewer than
/// three points qualify the curve is Ohmic at this resolution, and all its
/// points above `v_min` (and within the currents) are used: α ≈ 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AlphaWindow {
    /// Noise floor, V. 100 nV: twenty times a nanovoltmeter's 5 nV noise,
    /// so that noise moves no fitted point by more than 5 %.
    pub v_min: f64,
    /// Lowest current used, A (default: none).
    pub i_min: Option<f64>,
    /// Highest current used, A (default: none).
    pub i_max: Option<f64>,
    /// A point must lie this factor above the low-current Ohmic line: 2,
    /// so that the free-vortex resistance is at most half of what is fitted.
    pub low_factor: f64,
    /// A point must lie below this fraction of the normal-state line: ½,
    /// below which the join to the normal state bends the log–log slope by
    /// less than a factor 2.
    pub high_fraction: f64,
}

impl Default for AlphaWindow {
    fn default() -> Self {
        Self {
            v_min: 1e-7,
            i_min: None,
            i_max: None,
            low_factor: 2.0,
            high_fraction: 0.5,
        }
    }
}

/// α(T) and the temperature where it crosses 3.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BktAlpha {
    /// Temperatures, K (increasing).
    pub temperature: Vec<f64>,
    /// Exponent α at each temperature (NaN where fewer than 3 points are above the floor).
    pub alpha: Vec<f64>,
    /// Standard error of each α.
    pub alpha_error: Vec<f64>,
    /// Points fitted at each temperature.
    pub n_points: Vec<usize>,
    /// The straight-line fit of ln V against ln I at each temperature
    /// (params `lnV0`, `alpha`; null where fewer than 3 points qualified).
    pub fits: Vec<Option<FitReport>>,
    /// Where α crosses 3, K.
    pub t_bkt: f64,
    /// Standard error of `t_bkt`, K (see [`alpha_crossing`]).
    pub t_bkt_error: f64,
}

/// The points (ln I, ln V) of one curve inside the window.
fn window_logs(c: &IvCurve, w: &AlphaWindow, r_normal: f64) -> (Vec<f64>, Vec<f64>) {
    let above = |i: f64, v: f64| {
        v > w.v_min && w.i_min.is_none_or(|m| i >= m) && w.i_max.is_none_or(|m| i <= m)
    };
    let points = || c.current.iter().zip(&c.voltage).map(|(&i, &v)| (i, v));
    let r0 = points()
        .find(|&(i, v)| above(i, v))
        .map_or(f64::INFINITY, |(i, v)| v / i);
    let strict = |i: f64, v: f64| {
        above(i, v) && v > w.low_factor * r0 * i && v < w.high_fraction * r_normal * i
    };
    let use_strict = points().filter(|&(i, v)| strict(i, v)).take(3).count() >= 3;
    let mut out = (
        Vec::with_capacity(c.current.len()),
        Vec::with_capacity(c.current.len()),
    );
    for (i, v) in points() {
        if if use_strict {
            strict(i, v)
        } else {
            above(i, v)
        } {
            out.0.push(i.ln());
            out.1.push(v.ln());
        }
    }
    out
}

/// Checks a set of I–V curves: increasing temperatures, positive increasing currents.
fn check_curves(curves: &[IvCurve]) -> Result<(), InputError> {
    if curves.is_empty() {
        return Err(InputError::Empty { name: "curves" });
    }
    let temps: Vec<f64> = curves.iter().map(|c| c.temperature).collect();
    input::positive_slice("curves[].temperature", &temps)?;
    input::increasing("curves[].temperature", &temps)?;
    for c in curves {
        input::positive_slice("curves[].current", &c.current)?;
        input::increasing("curves[].current", &c.current)?;
        input::same_len(
            "curves[].voltage",
            &c.voltage,
            "curves[].current",
            &c.current,
        )?;
        input::finite_slice("curves[].voltage", &c.voltage)?;
    }
    Ok(())
}

/// α(T) of each curve and T_BKT where it crosses 3 (see [`AlphaWindow`]).
/// Curves must come in strictly increasing temperature.
pub fn bkt_alpha(curves: &[IvCurve], w: &AlphaWindow) -> Result<BktAlpha, BktError> {
    let mut out = alpha_exponents(curves, w)?;
    (out.t_bkt, out.t_bkt_error) = alpha_crossing(&out)?;
    Ok(out)
}

/// α(T) of each curve (see [`AlphaWindow`]) without the crossing: `t_bkt`
/// and `t_bkt_error` are NaN. For a figure that shows α also where it does
/// not cross 3.
pub fn alpha_exponents(curves: &[IvCurve], w: &AlphaWindow) -> Result<BktAlpha, BktError> {
    check_curves(curves)?;
    input::positive("window.vMin", w.v_min, "voltage in volts")?;
    input::in_range("window.lowFactor", w.low_factor, 1.0, 1e6)?;
    input::in_range("window.highFraction", w.high_fraction, 1e-6, 1.0)?;
    for (name, v) in [("window.iMin", w.i_min), ("window.iMax", w.i_max)] {
        if let Some(v) = v {
            input::positive(name, v, "current in ampere")?;
        }
    }
    let r_normal = curves
        .iter()
        .filter_map(|c| Some(c.voltage.last()? / c.current.last()?))
        .fold(0.0, f64::max);
    let mut out = BktAlpha {
        temperature: Vec::new(),
        alpha: Vec::new(),
        alpha_error: Vec::new(),
        n_points: Vec::new(),
        fits: Vec::new(),
        t_bkt: f64::NAN,
        t_bkt_error: f64::NAN,
    };
    for c in curves {
        let (x, y) = window_logs(c, w, r_normal);
        let fit = fit::straight_line(["lnV0", "alpha"], &x, &y, None).ok();
        let (a, e) = fit
            .as_ref()
            .map_or((f64::NAN, f64::NAN), |f| (f.params[1].1, f.errors[1].1));
        out.fits.push(fit);
        out.temperature.push(c.temperature);
        out.alpha.push(a);
        out.alpha_error.push(e);
        out.n_points.push(x.len());
    }
    Ok(out)
}

/// Where α(T) first falls through 3, K, by linear interpolation between the
/// two bracketing temperatures, and its standard error: the errors of the
/// two α propagated through the interpolation (it omits the error of
/// interpolating linearly, which shrinks with the temperature step).
pub fn alpha_crossing(a: &BktAlpha) -> Result<(f64, f64), BktError> {
    // (T, α, σ_α) where α is known.
    let usable: Vec<(f64, f64, f64)> = a
        .temperature
        .iter()
        .zip(&a.alpha)
        .zip(&a.alpha_error)
        .filter(|((_, a), _)| a.is_finite())
        .map(|((&t, &a), &e)| (t, a, e))
        .collect();
    // T* = T₁ + h (α₁ − 3)/(α₁ − α₂), h = T₂ − T₁, so ∂T*/∂α₁ = h (3 − α₂)/(α₁ − α₂)²
    // and ∂T*/∂α₂ = h (α₁ − 3)/(α₁ − α₂)².
    usable
        .windows(2)
        .find(|p| p[0].1 >= 3.0 && p[1].1 < 3.0)
        .map(|p| {
            let ((t1, a1, e1), (t2, a2, e2)) = (p[0], p[1]);
            let (h, d) = (t2 - t1, a1 - a2);
            let error = h / (d * d) * ((3.0 - a2) * e1).hypot((a1 - 3.0) * e2);
            (t1 + h * (a1 - 3.0) / d, error)
        })
        .ok_or(BktError::NoCrossing {
            t_min: a.temperature.first().copied().unwrap_or(f64::NAN),
            t_max: a.temperature.last().copied().unwrap_or(f64::NAN),
            alpha_first: usable.first().map_or(f64::NAN, |p| p.1),
            alpha_last: usable.last().map_or(f64::NAN, |p| p.1),
        })
}

/// The default critical-current criterion, V: 1 μV, two hundred times the
/// 5 nV noise floor, the usual voltage criterion on a Hall bar.
pub const IC_THRESHOLD_V: f64 = 1e-6;

/// The critical current, A: where V first exceeds `threshold_v` on the way
/// up in current, interpolated linearly in (ln I, ln V) between the two
/// bracketing points.
pub fn critical_current(
    current: &[f64],
    voltage: &[f64],
    threshold_v: f64,
) -> Result<f64, BktError> {
    input::positive_slice("current", current)?;
    input::increasing("current", current)?;
    input::same_len("voltage", voltage, "current", current)?;
    input::finite_slice("voltage", voltage)?;
    input::positive("threshold", threshold_v, "voltage in volts")?;
    let k = voltage
        .iter()
        .position(|&v| v > threshold_v)
        .ok_or(BktError::NoCriticalCurrent {
            what: "never reaches",
            threshold: threshold_v,
        })?;
    if k == 0 {
        return Err(BktError::NoCriticalCurrent {
            what: "at the lowest current already exceeds",
            threshold: threshold_v,
        });
    }
    let (i0, i1) = (current[k - 1], current[k]);
    let (v0, v1) = (voltage[k - 1].max(threshold_v * 1e-6), voltage[k]);
    let f = (threshold_v.ln() - v0.ln()) / (v1.ln() - v0.ln());
    Ok((i0.ln() + f * (i1.ln() - i0.ln())).exp())
}

/// Temperatures of the Fig. 1e–f family, K: 1.40 to 2.10 K in 0.05 K steps,
/// from below T_c zero to above the transition's midpoint.
pub fn fig1e_temperatures() -> Vec<f64> {
    (0..=14).map(|k| 1.4 + 0.05 * f64::from(k)).collect()
}

/// Currents of the Fig. 1e–f family, A: 1 μA to 1 mA, 20 per decade.
pub fn fig1e_currents() -> Vec<f64> {
    (0..=60)
        .map(|k| 1e-6 * 10f64.powf(f64::from(k) / 20.0))
        .collect()
}
