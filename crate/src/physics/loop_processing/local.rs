//! Small linear least-squares fits of loop processing, all through the
//! project's one minimiser ([`crate::fit`]): a polynomial near a point, and
//! the high-field window with one intercept per branch and side.

use super::LoopError;
use crate::fit::{self, FitReport};

/// A polynomial a₀ + a₁(u − u_c) + … fitted near u_c with known point noise
/// σ. Its covariance is σ²(XᵀX)⁻¹ (SciPy's `absolute_sigma=True`) while the
/// scatter agrees with σ; when the reduced χ² exceeds its mean by three
/// standard deviations (1 + 3√(2/dof): the polynomial does not describe the
/// points, e.g. a jump between two of them) it is scaled by the reduced χ²,
/// so the error widens instead of hiding behind σ.
pub struct Local {
    pub coef: Vec<f64>,
    cov: Vec<Vec<f64>>,
}

impl Local {
    /// The (i, j) element of the covariance.
    pub fn cov(&self, i: usize, j: usize) -> f64 {
        self.cov[i][j]
    }
}

const NAMES: [&str; 3] = ["a0", "a1", "a2"];

/// Fits a polynomial of `degree` (1 or 2) in (u − `uc`) to (u, y) with point
/// noise `sigma`.
pub fn poly(u: &[f64], y: &[f64], uc: f64, degree: usize, sigma: f64) -> Result<Local, LoopError> {
    let p = degree + 1;
    let n = u.len();
    let sig = vec![sigma; n];
    let du: Vec<f64> = u.iter().map(|v| v - uc).collect();
    // A start from the two outermost points keeps the minimiser's first step small.
    let p0 = {
        let mut p0 = vec![0.0; p];
        let (i0, i1) = (0, n - 1);
        let slope = if du[i1] != du[i0] {
            (y[i1] - y[i0]) / (du[i1] - du[i0])
        } else {
            0.0
        };
        p0[0] = y[i0] - slope * du[i0];
        p0[1] = slope;
        p0
    };
    let report = fit::least_squares_with_jacobian(
        |c, out| {
            for (o, &d) in out.iter_mut().zip(&du) {
                *o = c.iter().rev().fold(0.0, |acc, &ci| acc * d + ci);
            }
        },
        Some(|_c: &[f64], jac: &mut [f64]| {
            for (i, &d) in du.iter().enumerate() {
                let mut pw = 1.0;
                for k in 0..p {
                    jac[k * n + i] = pw;
                    pw *= d;
                }
            }
        }),
        &NAMES[..p],
        y,
        Some(&sig),
        &p0,
    )?;
    // The report's covariance is (XᵀWX)⁻¹ · redchi.
    let dof = (n - p) as f64;
    let misfit = report.redchi > 1.0 + 3.0 * (2.0 / dof).sqrt();
    let scale = if misfit || report.redchi <= 0.0 {
        1.0
    } else {
        1.0 / report.redchi
    };
    let cov = report
        .covariance
        .iter()
        .map(|row| row.iter().map(|v| v * scale).collect())
        .collect();
    Ok(Local {
        coef: report.values(),
        cov,
    })
}

/// A point of the high-field window.
#[derive(Debug, Clone, Copy)]
pub struct WindowPoint {
    /// Centred field u = H − H0, Oe.
    pub u: f64,
    /// Moment minus M0, emu.
    pub y: f64,
    /// On the descending branch.
    pub down: bool,
    /// Position in the sweep, as a fraction of it, minus ½.
    pub tau: f64,
}

/// Names of the high-field fit's parameters.
pub const WINDOW_NAMES: [&str; 6] = ["slope", "aPos", "aNeg", "opening", "drift", "curvature"];

/// The high-field window:
/// y = χ u + a_± + ½ b δ + D τ (+ c·sign(u)(|u| − ū)² when `curved`),
/// with a_± the saturated moment at positive and negative field, b = ±1 on
/// the descending and ascending branch (δ: how far the loop is still open),
/// and D the drift over the whole sweep (τ its clock).
pub fn window(pts: &[WindowPoint], curved: bool) -> Result<FitReport, LoopError> {
    let n = pts.len();
    let p = if curved { 6 } else { 5 };
    let ubar = pts.iter().map(|q| q.u.abs()).sum::<f64>() / n as f64;
    let column = |q: &WindowPoint, k: usize| -> f64 {
        match k {
            0 => q.u,
            1 => f64::from(u8::from(q.u > 0.0)),
            2 => f64::from(u8::from(q.u <= 0.0)),
            3 => {
                if q.down {
                    0.5
                } else {
                    -0.5
                }
            }
            4 => q.tau,
            _ => q.u.signum() * (q.u.abs() - ubar).powi(2),
        }
    };
    // Start: the slope through the two outermost points, the intercepts
    // their sides' means; a linear model converges in one step from anywhere.
    let mut p0 = vec![0.0; p];
    let (lo, hi) = pts.iter().fold((pts[0], pts[0]), |(lo, hi), q| {
        (
            if q.u < lo.u { *q } else { lo },
            if q.u > hi.u { *q } else { hi },
        )
    });
    if hi.u > lo.u {
        p0[0] = (hi.y - lo.y) / (hi.u - lo.u);
    }
    let slope0 = p0[0];
    let side_mean = |pos: bool| {
        let v: Vec<f64> = pts
            .iter()
            .filter(|q| (q.u > 0.0) == pos)
            .map(|q| q.y - slope0 * q.u)
            .collect();
        v.iter().sum::<f64>() / v.len().max(1) as f64
    };
    p0[1] = side_mean(true);
    p0[2] = side_mean(false);
    let y: Vec<f64> = pts.iter().map(|q| q.y).collect();
    let report = fit::least_squares_with_jacobian(
        |c, out| {
            for (o, q) in out.iter_mut().zip(pts) {
                *o = (0..p).map(|k| c[k] * column(q, k)).sum();
            }
        },
        Some(|_c: &[f64], jac: &mut [f64]| {
            for (i, q) in pts.iter().enumerate() {
                for k in 0..p {
                    jac[k * n + i] = column(q, k);
                }
            }
        }),
        &WINDOW_NAMES[..p],
        &y,
        None,
        &p0,
    )?;
    Ok(report)
}
