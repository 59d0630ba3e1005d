//! The bifurcation (irreversibility) temperature of measured ZFC and FC
//! branches, as in Fig. S5: the highest temperature at which the
//! field-cooled moment still differs from the zero-field-cooled one.
//!
//! The model's curves ([`crate::physics::magnet::zfc_fc`]) share one
//! temperature grid and carry no noise; measured branches do neither. Here
//! each branch is sorted by temperature (repeated temperatures averaged),
//! both are interpolated linearly onto the temperatures of either branch
//! inside their common range, and the split s(T) = ±(FC − ZFC) is oriented
//! so that its largest excursion is positive. T_irr is the highest
//! temperature where s exceeds the larger of
//! - [`SPLIT_FRACTION`] of its largest value (the model's criterion), and
//! - [`NOISE_FACTOR`] times the point noise σ of the split, estimated
//!   robustly from its second differences (σ² = var(Δ²s)/6 for white noise,
//!   with the normalised median absolute deviation for the spread, so that
//!   the smooth split itself and a few outliers do not count as noise),
//!
//! interpolated linearly to the next temperature, where s falls below it.
//! A split that never rises above [`SEPARATION_FACTOR`] σ is no bifurcation:
//! the branches agree within the noise.
//!
//! Temperatures in K, moments in emu (any one unit for both branches).
//!
//! # References
//! J. A. Mydosh, *Spin glasses: an experimental introduction* (1993), §3.2,
//! for T_irr as the onset of ZFC/FC irreversibility; F. R. Hampel, J. Am.
//! Stat. Assoc. 69, 383 (1974), for the median absolute deviation.

use crate::input::{self, InputError};
use serde::Serialize;

/// Fraction of the largest split that marks the bifurcation: the 2 % of
/// `magnet::zfc_fc::BIFURCATION_FRACTION`, so that model and data agree.
pub const SPLIT_FRACTION: f64 = 0.02;
/// Noise multiple the split must exceed: 3 σ, so that noise alone crosses
/// it at fewer than 0.3 % of the points.
pub const NOISE_FACTOR: f64 = 3.0;
/// The largest split must exceed this many σ for the branches to count as
/// separated: 5 σ, beyond what the largest of a few hundred noise points
/// reaches (≈ 3.5 σ).
pub const SEPARATION_FACTOR: f64 = 5.0;
/// Fewest distinct temperatures a branch needs.
pub const MIN_POINTS: usize = 3;
/// 1/Φ⁻¹(3/4): the median absolute deviation times this is σ for Gaussian noise.
const MAD_TO_SIGMA: f64 = 1.482_602_218_505_602;

/// What the two branches show.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bifurcation {
    /// T_irr, K: `None` when the branches do not separate beyond the noise,
    /// or when they are still apart at the top of their common range.
    pub temperature_k: Option<f64>,
    /// Whether the largest split exceeds [`SEPARATION_FACTOR`] σ.
    pub separated: bool,
    /// Whether the split is still above the threshold at the highest common
    /// temperature (T_irr lies above the data).
    pub persists: bool,
    /// Largest oriented split FC − ZFC (sign of the moments kept), emu.
    pub split_max: f64,
    /// Point noise σ of the split, emu.
    pub noise: f64,
    /// The threshold used, emu.
    pub threshold: f64,
    /// Temperature of the ZFC maximum (of the moment along the split's
    /// orientation), K: the blocking temperature of the largest particles.
    pub zfc_peak_k: f64,
    /// The common temperatures, K.
    pub t: Vec<f64>,
    /// The oriented split at each, emu.
    pub split: Vec<f64>,
}

/// A branch sorted by temperature, with repeated temperatures averaged and
/// rows where either value is missing left out.
pub fn sorted_branch(t: &[f64], m: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let mut pts: Vec<(f64, f64)> = t
        .iter()
        .zip(m)
        .filter(|(a, b)| a.is_finite() && b.is_finite())
        .map(|(&a, &b)| (a, b))
        .collect();
    pts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut ts, mut ms): (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
    let mut k = 0;
    while k < pts.len() {
        let j = k + pts[k..].iter().take_while(|p| p.0 == pts[k].0).count();
        let mean = pts[k..j].iter().map(|p| p.1).sum::<f64>() / (j - k) as f64;
        ts.push(pts[k].0);
        ms.push(mean);
        k = j;
    }
    (ts, ms)
}

/// Linear interpolation of (t, m) at `x` inside `t[0]..=t[last]` (t increasing).
fn interpolate(t: &[f64], m: &[f64], x: f64) -> f64 {
    let i = t.partition_point(|&v| v < x).clamp(1, t.len() - 1);
    let (t0, t1) = (t[i - 1], t[i]);
    m[i - 1] + (m[i] - m[i - 1]) * (x - t0) / (t1 - t0)
}

/// The robust point noise of `s`: MAD of its second differences, as σ.
pub fn second_difference_noise(s: &[f64]) -> f64 {
    let mut d: Vec<f64> = s
        .windows(3)
        .map(|w| (w[2] - 2.0 * w[1] + w[0]).abs())
        .collect();
    if d.is_empty() {
        return 0.0;
    }
    d.sort_by(f64::total_cmp);
    let median = if d.len() % 2 == 1 {
        d[d.len() / 2]
    } else {
        0.5 * (d[d.len() / 2 - 1] + d[d.len() / 2])
    };
    MAD_TO_SIGMA * median / 6f64.sqrt()
}

fn check_branch(
    name_t: &'static str,
    t: &[f64],
    name_m: &'static str,
    m: &[f64],
) -> Result<(Vec<f64>, Vec<f64>), InputError> {
    input::same_len(name_m, m, name_t, t)?;
    let (ts, ms) = sorted_branch(t, m);
    if ts.len() < MIN_POINTS {
        return Err(InputError::TooShort {
            name: name_t,
            len: ts.len(),
            min: MIN_POINTS,
        });
    }
    Ok((ts, ms))
}

/// T_irr of measured branches: `zfc_t`, `zfc_m` and `fc_t`, `fc_m` in any
/// order of rows (see the module documentation).
pub fn bifurcation(
    zfc_t: &[f64],
    zfc_m: &[f64],
    fc_t: &[f64],
    fc_m: &[f64],
) -> Result<Bifurcation, InputError> {
    let (zt, zm) = check_branch("zfcT", zfc_t, "zfcM", zfc_m)?;
    let (ft, fm) = check_branch("fcT", fc_t, "fcM", fc_m)?;
    let (lo, hi) = (zt[0].max(ft[0]), zt[zt.len() - 1].min(ft[ft.len() - 1]));
    let mut t: Vec<f64> = zt
        .iter()
        .chain(&ft)
        .copied()
        .filter(|&x| x >= lo && x <= hi)
        .collect();
    t.sort_by(f64::total_cmp);
    t.dedup();
    if t.len() < MIN_POINTS {
        return Err(InputError::TooShort {
            name: "temperatures common to zfcT and fcT",
            len: t.len(),
            min: MIN_POINTS,
        });
    }
    let raw: Vec<f64> = t
        .iter()
        .map(|&x| interpolate(&ft, &fm, x) - interpolate(&zt, &zm, x))
        .collect();
    let (most, least) = raw
        .iter()
        .fold((f64::NEG_INFINITY, f64::INFINITY), |(a, b), &v| {
            (a.max(v), b.min(v))
        });
    let sign = if most >= -least { 1.0 } else { -1.0 };
    let split: Vec<f64> = raw.iter().map(|v| sign * v).collect();
    let split_max = split.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let noise = second_difference_noise(&split);
    let threshold = (SPLIT_FRACTION * split_max).max(NOISE_FACTOR * noise);
    let separated = split_max > 0.0 && split_max > SEPARATION_FACTOR * noise;
    let last = split.iter().rposition(|&s| s > threshold);
    let (temperature_k, persists) = match last {
        Some(i) if separated && i + 1 < t.len() => {
            let (s0, s1) = (split[i], split[i + 1]);
            let f = (s0 - threshold) / (s0 - s1);
            (Some(t[i] + f * (t[i + 1] - t[i])), false)
        }
        Some(_) => (None, separated),
        None => (None, false),
    };
    let zfc_peak_k = zt
        .iter()
        .zip(&zm)
        .fold((zt[0], f64::NEG_INFINITY), |best, (&x, &m)| {
            if sign * m > best.1 {
                (x, sign * m)
            } else {
                best
            }
        })
        .0;
    Ok(Bifurcation {
        temperature_k,
        separated,
        persists,
        split_max: sign * split_max,
        noise,
        threshold,
        zfc_peak_k,
        t,
        split,
    })
}
