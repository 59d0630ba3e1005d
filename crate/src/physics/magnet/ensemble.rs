//! Ensemble averages as quadratures: easy-axis angles, anisotropy fields and
//! particle volumes, each a set of classes with weights summing to one.
//!
//! - Easy axes: aligned (one angle ψ), random in the film plane with the field
//!   in the plane (ψ uniform: midpoints of equal cells of [0°, 90°]), random in
//!   3D (cos ψ uniform: midpoints of equal cells of cos ψ ∈ [0, 1], so that
//!   Σ wᵢ cos ψᵢ = ½ exactly), or a Gaussian spread of in-plane axes about ψ
//!   (equal cells over ±4σ, wrapped with the axis period of 180°).
//!   Uniaxial symmetry folds every angle into [0°, 90°] (see
//!   [`fold_psi`](super::particle::fold_psi)).
//! - H_K and volume: log-normal, median m and width σ (of the natural log),
//!   in N equal-probability classes at the quantiles Φ⁻¹((i + ½)/N), rescaled
//!   so the classes have exactly unit variance in z (the raw quantile
//!   midpoints understate it: 0.87 for N = 9).
//!
//! Equal cells rather than Gauss nodes: the switching fields of an
//! ensemble's classes then spread evenly along the field axis, so the steps
//! a finite quadrature leaves in a loop are as small as its class count allows.
//!
//! # References
//! P. J. Acklam, *An algorithm for computing the inverse normal cumulative
//! distribution function* (2003), relative error below 1.15e-9.

use crate::input::InputError;
use std::f64::consts::{FRAC_PI_2, PI};
use std::str::FromStr;

/// How the particles' easy axes are distributed about the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ensemble {
    /// Every easy axis at `psiDeg` from the field.
    Aligned,
    /// Easy axes random in the film plane, field in the plane (the paper's geometry).
    InPlane,
    /// Easy axes random in three dimensions.
    Random3d,
    /// A Gaussian spread of `spreadDeg` of in-plane axes about `psiDeg`.
    Spread,
}

impl Ensemble {
    /// The JavaScript name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Aligned => "aligned",
            Self::InPlane => "inplane",
            Self::Random3d => "random3d",
            Self::Spread => "spread",
        }
    }
}

impl FromStr for Ensemble {
    type Err = InputError;
    fn from_str(s: &str) -> Result<Self, InputError> {
        match s {
            "aligned" => Ok(Self::Aligned),
            "inplane" => Ok(Self::InPlane),
            "random3d" => Ok(Self::Random3d),
            "spread" => Ok(Self::Spread),
            other => Err(InputError::Unknown {
                name: "ensemble",
                allowed: "\"aligned\", \"inplane\", \"random3d\" or \"spread\"",
                value: other.to_string(),
            }),
        }
    }
}

/// Easy-axis angles (radians, folded into [0, π/2]) and their weights.
#[derive(Debug, Clone, PartialEq)]
pub struct AngleQuadrature {
    /// Folded easy-axis angles from the field, radians.
    pub psi: Vec<f64>,
    /// Weights, summing to one.
    pub weight: Vec<f64>,
}

/// The easy-axis quadrature of `ensemble` with `n` cells (aligned, and a
/// spread of zero width, have one angle).
pub fn angle_quadrature(
    ensemble: Ensemble,
    psi_deg: f64,
    spread_deg: f64,
    n: usize,
) -> AngleQuadrature {
    let n = n.max(1);
    let psi0 = psi_deg.to_radians();
    let single = |psi: f64| AngleQuadrature {
        psi: vec![super::particle::fold_psi(psi)],
        weight: vec![1.0],
    };
    match ensemble {
        Ensemble::Aligned => single(psi0),
        Ensemble::InPlane => AngleQuadrature {
            psi: (0..n)
                .map(|i| FRAC_PI_2 * (i as f64 + 0.5) / n as f64)
                .collect(),
            weight: vec![1.0 / n as f64; n],
        },
        Ensemble::Random3d => AngleQuadrature {
            psi: (0..n)
                .map(|i| ((i as f64 + 0.5) / n as f64).acos())
                .collect(),
            weight: vec![1.0 / n as f64; n],
        },
        Ensemble::Spread => {
            let sigma = spread_deg.to_radians();
            if sigma <= 0.0 {
                return single(psi0);
            }
            let width = (8.0 * sigma).min(PI);
            let raw: Vec<(f64, f64)> = (0..n)
                .map(|i| {
                    let psi = psi0 - 0.5 * width + width * (i as f64 + 0.5) / n as f64;
                    // Wrapped normal with the axis period π.
                    let w: f64 = (-3..=3)
                        .map(|k| {
                            let d = (psi + k as f64 * PI - psi0) / sigma;
                            (-0.5 * d * d).exp()
                        })
                        .sum();
                    (super::particle::fold_psi(psi), w)
                })
                .collect();
            let total: f64 = raw.iter().map(|r| r.1).sum();
            AngleQuadrature {
                psi: raw.iter().map(|r| r.0).collect(),
                weight: raw.iter().map(|r| r.1 / total).collect(),
            }
        }
    }
}

/// A log-normal distribution of median `median` and log-width `sigma` in
/// `n` equal-probability classes → (value, weight) pairs; one class when
/// `sigma` is zero.
pub fn lognormal_classes(median: f64, sigma: f64, n: usize) -> Vec<(f64, f64)> {
    if sigma <= 0.0 || n <= 1 {
        return vec![(median, 1.0)];
    }
    let z: Vec<f64> = (0..n)
        .map(|i| inverse_normal_cdf((i as f64 + 0.5) / n as f64))
        .collect();
    let var = z.iter().map(|v| v * v).sum::<f64>() / n as f64;
    let scale = 1.0 / var.sqrt();
    z.iter()
        .map(|&zi| (median * (sigma * zi * scale).exp(), 1.0 / n as f64))
        .collect()
}

/// Φ⁻¹(p), the standard normal quantile, for 0 < p < 1 (Acklam's rational
/// approximation, relative error < 1.15e-9).
pub fn inverse_normal_cdf(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    const P_LOW: f64 = 0.024_25;
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p <= 0.0 {
        f64::NEG_INFINITY
    } else if p >= 1.0 {
        f64::INFINITY
    } else if p < P_LOW {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - P_LOW {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}
