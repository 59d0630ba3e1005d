//! Small linear least-squares fits of loop processing: a polynomial near a
//! point, and the high-field window with one intercept per branch and side.
//!
//! Both models are linear in their parameters, so they are solved in closed
//! form (Householder QR of the weighted design matrix, as `fit::straight_line`
//! does for a line) rather than iterated by Levenberg–Marquardt: the same
//! minimum, exact instead of within the minimiser's tolerance, and six such
//! fits per loop at a fraction of the cost. The window's result is the
//! project's common fit object ([`FitReport`]), with `fit.rs`'s covariance
//! scaling (JᵀJ)⁻¹·RSS/(n − p).

use super::LoopError;
use crate::fit::{FitError, FitReport};

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

/// Fits a polynomial of `degree` (1 or 2) in (u − `uc`) to (u, y) with point
/// noise `sigma`.
pub fn poly(u: &[f64], y: &[f64], uc: f64, degree: usize, sigma: f64) -> Result<Local, LoopError> {
    let p = degree + 1;
    let n = u.len();
    let mut x = vec![0.0; n * p];
    for (i, &v) in u.iter().enumerate() {
        let d = v - uc;
        let mut pw = 1.0;
        for k in 0..p {
            x[k * n + i] = pw;
            pw *= d;
        }
    }
    let ls = linear(&x, y, p, sigma)?;
    // With weights 1/σ², (XᵀWX)⁻¹ is the covariance for the known noise.
    let dof = (n - p) as f64;
    let redchi = ls.rss / dof;
    let misfit = redchi > 1.0 + 3.0 * (2.0 / dof).sqrt();
    let scale = if misfit { redchi } else { 1.0 };
    let cov = ls
        .inverse
        .iter()
        .map(|row| row.iter().map(|v| v * scale).collect())
        .collect();
    Ok(Local { coef: ls.coef, cov })
}

/// A linear least-squares solution.
struct Linear {
    coef: Vec<f64>,
    /// (XᵀWX)⁻¹, NaN where X does not determine the parameters.
    inverse: Vec<Vec<f64>>,
    /// Σ w (y − Xc)².
    rss: f64,
}

/// Minimises Σ ((y_i − Σ_k X_ik c_k)/σ)² over c, for the design matrix `x`
/// stored column by column (`x[k * n + i]`, n = `y.len()`, `p` columns), by
/// Householder QR of X/σ (backward stable: no normal equations).
fn linear(x: &[f64], y: &[f64], p: usize, sigma: f64) -> Result<Linear, LoopError> {
    let n = y.len();
    if n <= p {
        return Err(FitError::TooFewPoints { n, p }.into());
    }
    let w = 1.0 / sigma;
    let mut a: Vec<f64> = x.iter().map(|v| v * w).collect();
    let mut b: Vec<f64> = y.iter().map(|v| v * w).collect();
    // A = QR: column k's reflector zeroes it below the diagonal.
    let mut diag = vec![0.0; p];
    let mut singular = false;
    for k in 0..p {
        let col = k * n;
        let norm = a[col + k..col + n]
            .iter()
            .map(|v| v * v)
            .sum::<f64>()
            .sqrt();
        let scale = a[col..col + n].iter().fold(0.0f64, |m, v| m.max(v.abs()));
        if norm <= 1e-13 * scale || norm == 0.0 || !norm.is_finite() {
            singular = true;
            diag[k] = 0.0;
            continue;
        }
        let alpha = if a[col + k] > 0.0 { -norm } else { norm };
        // v = a_k − α e_k, stored in place of the column below the diagonal.
        a[col + k] -= alpha;
        let vv: f64 = a[col + k..col + n].iter().map(|v| v * v).sum();
        let reflect = |target: &mut [f64], a: &[f64]| {
            let dot: f64 = (k..n).map(|i| a[col + i] * target[i]).sum();
            let f = 2.0 * dot / vv;
            for i in k..n {
                target[i] -= f * a[col + i];
            }
        };
        for j in k + 1..p {
            let (left, right) = a.split_at_mut(j * n);
            reflect(&mut right[..n], left);
        }
        reflect(&mut b, &a);
        diag[k] = alpha;
    }
    // R c = Qᵀb (R: diag on the diagonal, a[j n + i] above it).
    let r = |i: usize, j: usize| if i == j { diag[i] } else { a[j * n + i] };
    let mut coef = vec![0.0; p];
    // R⁻¹ (upper triangular), row-major: rinv[i * p + j].
    let mut rinv = vec![0.0; p * p];
    if singular {
        coef.iter_mut().for_each(|c| *c = f64::NAN);
    } else {
        for i in (0..p).rev() {
            let s: f64 = (i + 1..p).map(|j| r(i, j) * coef[j]).sum();
            coef[i] = (b[i] - s) / r(i, i);
        }
        // Column by column, from the diagonal up.
        for j in 0..p {
            rinv[j * p + j] = 1.0 / r(j, j);
            for i in (0..j).rev() {
                let s: f64 = (i + 1..=j).map(|m| r(i, m) * rinv[m * p + j]).sum();
                rinv[i * p + j] = -s / r(i, i);
            }
        }
    }
    // (XᵀWX)⁻¹ = R⁻¹R⁻ᵀ.
    let inverse = (0..p)
        .map(|i| {
            (0..p)
                .map(|j| {
                    if singular {
                        f64::NAN
                    } else {
                        (i.max(j)..p)
                            .map(|m| rinv[i * p + m] * rinv[j * p + m])
                            .sum()
                    }
                })
                .collect()
        })
        .collect();
    let rss = (0..n)
        .map(|i| {
            let f: f64 = (0..p).map(|k| x[k * n + i] * coef[k]).sum();
            ((y[i] - f) * w).powi(2)
        })
        .sum();
    Ok(Linear { coef, inverse, rss })
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
    let mut x = vec![0.0; n * p];
    for (i, q) in pts.iter().enumerate() {
        for k in 0..p {
            x[k * n + i] = column(q, k);
        }
    }
    let y: Vec<f64> = pts.iter().map(|q| q.y).collect();
    let ls = linear(&x, &y, p, 1.0)?;
    let dof = (n - p) as f64;
    let redchi = ls.rss / dof;
    let covariance: Vec<Vec<f64>> = ls
        .inverse
        .iter()
        .map(|row| row.iter().map(|v| v * redchi).collect())
        .collect();
    let names = &WINDOW_NAMES[..p];
    let (nf, pf) = (n as f64, p as f64);
    Ok(FitReport {
        params: names.iter().copied().zip(ls.coef).collect(),
        errors: names
            .iter()
            .enumerate()
            .map(|(i, s)| (*s, covariance[i][i].sqrt()))
            .collect(),
        covariance,
        rss: ls.rss,
        redchi,
        aic: nf * (ls.rss / nf).ln() + 2.0 * pf,
        bic: nf * (ls.rss / nf).ln() + pf * nf.ln(),
        n,
        p,
        iterations: 0,
        converged: true,
        message: "closed-form linear least squares",
    })
}
