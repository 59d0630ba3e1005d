//! Weighted nonlinear least squares, once, for every model of the project.
//!
//! The minimiser is Levenberg–Marquardt (the `levenberg-marquardt` crate, a
//! port of MINPACK's `lmder`). At the solution the report carries what a
//! physicist reads off a fit (physics.md §10):
//!
//! - covariance `C = (JᵀJ)⁻¹ · RSS/(n − p)` with `J` the Jacobian of the
//!   weighted residuals `r_i = (y_i − f_i)/σ_i` — the same scaling as SciPy's
//!   `curve_fit` with `absolute_sigma=False`; standard errors `√C_jj`;
//! - `AIC = n ln(RSS/n) + 2p`, `BIC = n ln(RSS/n) + p ln n`.
//!
//! Non-convergence is a result, not an error: the report says `converged`
//! and why. Errors are reserved for input that cannot be fitted at all.
//!
//! # References
//! J. J. Moré, *The Levenberg–Marquardt algorithm: implementation and
//! theory*, Lecture Notes in Mathematics 630, 105–116 (1978).
//! H. Akaike, IEEE Trans. Autom. Control 19, 716 (1974);
//! G. Schwarz, Ann. Stat. 6, 461 (1978).

use crate::input::{self, InputError};
use levenberg_marquardt::{LeastSquaresProblem, LevenbergMarquardt};
use nalgebra::{storage::Owned, DMatrix, DVector, Dyn};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use thiserror::Error;

/// Why a fit could not be attempted.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum FitError {
    /// The data or the starting point were refused.
    #[error(transparent)]
    Input(#[from] InputError),
    /// With n ≤ p there is no residual degree of freedom to estimate errors.
    #[error("the fit has {n} points for {p} parameters: it needs at least {} points", p + 1)]
    TooFewPoints { n: usize, p: usize },
    /// A straight line through points that all share one abscissa.
    #[error("{name} has no spread (all values are {value}): a straight line through the points is not determined")]
    NoSpread { name: &'static str, value: f64 },
    /// The model is not finite at the starting point.
    #[error(
        "the model is not finite at the starting point {start:?}: choose other starting values"
    )]
    BadStart { start: Vec<f64> },
}

/// Everything a fit reports; serialised for JavaScript as
/// `{ params, errors, covariance, rss, redchi, aic, bic, n, p, iterations, converged, message }`
/// with `params` and `errors` as `{ name: value }` objects in parameter order.
#[derive(Debug, Clone, Serialize)]
pub struct FitReport {
    /// Parameter names and best-fit values, in the model's order.
    #[serde(serialize_with = "as_map")]
    pub params: Vec<(String, f64)>,
    /// One standard error per parameter (NaN when the covariance is singular).
    #[serde(serialize_with = "as_map")]
    pub errors: Vec<(String, f64)>,
    /// Covariance matrix, row by row, in the parameters' units.
    pub covariance: Vec<Vec<f64>>,
    /// Residual sum of squares Σ rᵢ² of the weighted residuals.
    pub rss: f64,
    /// Reduced χ² = RSS/(n − p).
    pub redchi: f64,
    /// Akaike information criterion n ln(RSS/n) + 2p.
    pub aic: f64,
    /// Bayesian information criterion n ln(RSS/n) + p ln n.
    pub bic: f64,
    /// Number of data points.
    pub n: usize,
    /// Number of free parameters.
    pub p: usize,
    /// Residual evaluations the minimiser used.
    pub iterations: usize,
    /// Whether Levenberg–Marquardt met its convergence criteria.
    pub converged: bool,
    /// The minimiser's termination reason, in words.
    pub message: String,
}

impl FitReport {
    /// The best-fit value of parameter `name`.
    pub fn value(&self, name: &str) -> Option<f64> {
        self.params.iter().find(|(k, _)| k == name).map(|p| p.1)
    }
    /// The standard error of parameter `name`.
    pub fn error(&self, name: &str) -> Option<f64> {
        self.errors.iter().find(|(k, _)| k == name).map(|p| p.1)
    }
    /// All best-fit values in parameter order.
    pub fn values(&self) -> Vec<f64> {
        self.params.iter().map(|p| p.1).collect()
    }
}

fn as_map<S: Serializer>(pairs: &[(String, f64)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(pairs.len()))?;
    for (k, v) in pairs {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

/// Fits `model(x_i; p)` to `(x, y)` — the familiar `curve_fit` call.
/// `sigma`, when given, holds one standard uncertainty per point (weights 1/σ²).
pub fn curve_fit<F>(
    model: F,
    names: &[&str],
    x: &[f64],
    y: &[f64],
    sigma: Option<&[f64]>,
    p0: &[f64],
) -> Result<FitReport, FitError>
where
    F: Fn(f64, &[f64]) -> f64,
{
    input::same_len("y", y, "x", x)?;
    least_squares(
        |p, out| {
            for (o, &xi) in out.iter_mut().zip(x) {
                *o = model(xi, p);
            }
        },
        names,
        y,
        sigma,
        p0,
    )
}

/// The general form: `predict(p, out)` writes the model's prediction for every
/// data point into `out` (so joint fits of several data sets need no special
/// case); `y` are the measured values. The Jacobian is taken by central
/// differences.
pub fn least_squares<F>(
    predict: F,
    names: &[&str],
    y: &[f64],
    sigma: Option<&[f64]>,
    p0: &[f64],
) -> Result<FitReport, FitError>
where
    F: Fn(&[f64], &mut [f64]),
{
    least_squares_with_jacobian(predict, None::<fn(&[f64], &mut [f64])>, names, y, sigma, p0)
}

/// [`least_squares`] with an analytic Jacobian: `jacobian(p, out)` writes
/// ∂f_i/∂p_j column by column (`out[j * n + i]`), n = `y.len()`.
pub fn least_squares_with_jacobian<F, J>(
    predict: F,
    jacobian: Option<J>,
    names: &[&str],
    y: &[f64],
    sigma: Option<&[f64]>,
    p0: &[f64],
) -> Result<FitReport, FitError>
where
    F: Fn(&[f64], &mut [f64]),
    J: Fn(&[f64], &mut [f64]),
{
    input::finite_slice("y", y)?;
    input::finite_slice("p0", p0)?;
    if let Some(s) = sigma {
        input::same_len("sigma", s, "y", y)?;
        input::positive_slice("sigma", s)?;
    }
    let (n, p) = (y.len(), p0.len());
    if n <= p {
        return Err(FitError::TooFewPoints { n, p });
    }
    let weights: Vec<f64> = match sigma {
        Some(s) => s.iter().map(|v| 1.0 / v).collect(),
        None => vec![1.0; n],
    };
    let problem = Problem {
        predict: &predict,
        jacobian: jacobian.as_ref(),
        y,
        weights: &weights,
        params: DVector::from_column_slice(p0),
    };
    if problem.residuals().is_none() {
        return Err(FitError::BadStart { start: p0.to_vec() });
    }
    let (problem, report) = LevenbergMarquardt::new()
        .with_ftol(FTOL)
        .with_xtol(XTOL)
        .with_patience(200)
        .minimize(problem);
    let best: Vec<f64> = problem.params.iter().copied().collect();
    let residuals = problem.residuals();
    let rss = residuals.as_ref().map_or(f64::NAN, |r| r.norm_squared());
    let dof = (n - p) as f64;
    let covariance = problem
        .jacobian()
        .and_then(|j| (j.transpose() * j).try_inverse())
        .map(|c| c * (rss / dof))
        .filter(|c| c.iter().all(|v| v.is_finite()));
    let converged = report.termination.was_successful() && residuals.is_some();
    let mut message = format!("{:?}", report.termination);
    if covariance.is_none() {
        message.push_str("; covariance is singular: parameters are not all determined by the data");
    }
    let cov_rows: Vec<Vec<f64>> = (0..p)
        .map(|i| {
            (0..p)
                .map(|k| covariance.as_ref().map_or(f64::NAN, |c| c[(i, k)]))
                .collect()
        })
        .collect();
    let nf = n as f64;
    let pf = p as f64;
    Ok(FitReport {
        params: names.iter().map(|s| s.to_string()).zip(best).collect(),
        errors: names
            .iter()
            .enumerate()
            .map(|(i, s)| (s.to_string(), cov_rows[i][i].sqrt()))
            .collect(),
        covariance: cov_rows,
        rss,
        redchi: rss / dof,
        aic: nf * (rss / nf).ln() + 2.0 * pf,
        bic: nf * (rss / nf).ln() + pf * nf.ln(),
        n,
        p,
        iterations: report.number_of_evaluations,
        converged,
        message,
    })
}

/// Fits the straight line `y = a + b·x` in closed form (weighted linear least
/// squares; `names` = [intercept, slope]). The report is the one
/// [`curve_fit`] gives for the same line — same covariance scaling, RSS, AIC
/// and BIC — but exact, with no iterations: every straight-line analysis of
/// the project (Hall slopes, log–log exponents, linearised laws) uses it.
pub fn straight_line(
    names: [&str; 2],
    x: &[f64],
    y: &[f64],
    sigma: Option<&[f64]>,
) -> Result<FitReport, FitError> {
    input::finite_slice("x", x)?;
    input::same_len("y", y, "x", x)?;
    input::finite_slice("y", y)?;
    if let Some(s) = sigma {
        input::same_len("sigma", s, "y", y)?;
        input::positive_slice("sigma", s)?;
    }
    let n = x.len();
    if n <= 2 {
        return Err(FitError::TooFewPoints { n, p: 2 });
    }
    let w = |i: usize| sigma.map_or(1.0, |s| 1.0 / (s[i] * s[i]));
    let (mut sw, mut swx, mut swy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        sw += w(i);
        swx += w(i) * x[i];
        swy += w(i) * y[i];
    }
    let (mx, my) = (swx / sw, swy / sw);
    // Centred sums: exact for large offsets in x (temperatures, log currents).
    let (mut sxx, mut sxy) = (0.0, 0.0);
    for i in 0..n {
        let dx = x[i] - mx;
        sxx += w(i) * dx * dx;
        sxy += w(i) * dx * (y[i] - my);
    }
    if sxx <= 0.0 || !sxx.is_finite() {
        return Err(FitError::NoSpread {
            name: "x",
            value: x[0],
        });
    }
    let slope = sxy / sxx;
    let intercept = my - slope * mx;
    let rss: f64 = (0..n)
        .map(|i| w(i) * (y[i] - intercept - slope * x[i]).powi(2))
        .sum();
    let dof = (n - 2) as f64;
    let s2 = rss / dof;
    // (XᵀWX)⁻¹ for the columns (1, x), written with the centred sums.
    let var_b = s2 / sxx;
    let var_a = s2 * (1.0 / sw + mx * mx / sxx);
    let cov_ab = -s2 * mx / sxx;
    let nf = n as f64;
    let params = vec![
        (names[0].to_string(), intercept),
        (names[1].to_string(), slope),
    ];
    Ok(FitReport {
        errors: vec![
            (names[0].to_string(), var_a.sqrt()),
            (names[1].to_string(), var_b.sqrt()),
        ],
        params,
        covariance: vec![vec![var_a, cov_ab], vec![cov_ab, var_b]],
        rss,
        redchi: s2,
        aic: nf * (rss / nf).ln() + 4.0,
        bic: nf * (rss / nf).ln() + 2.0 * nf.ln(),
        n,
        p: 2,
        iterations: 0,
        converged: true,
        message: "closed-form linear least squares".to_string(),
    })
}

/// Stop when the relative reduction of the sum of squares falls below this.
/// SciPy's `curve_fit` stops at 1.49e-8; 1e-10 puts the parameters within
/// ~1e-8 of their standard error of the exact minimum, far below any
/// physically meaningful digit, and keeps agreement with SciPy at 1e-6.
const FTOL: f64 = 1e-10;
/// Stop when the relative step in the parameters falls below this.
const XTOL: f64 = 1e-10;

/// Relative step of the central-difference Jacobian: ε^(1/3) balances the
/// O(h²) truncation error against the O(ε/h) rounding error.
const JACOBIAN_STEP: f64 = 6.055e-6;

struct Problem<'a, F, J> {
    predict: &'a F,
    jacobian: Option<&'a J>,
    y: &'a [f64],
    weights: &'a [f64],
    params: DVector<f64>,
}

impl<F: Fn(&[f64], &mut [f64]), J> Problem<'_, F, J> {
    /// Weighted residuals (f − y)/σ at `p`, or None where the model is not finite.
    fn residuals_at(&self, p: &[f64], out: &mut [f64]) -> bool {
        (self.predict)(p, out);
        for ((o, y), w) in out.iter_mut().zip(self.y).zip(self.weights) {
            *o = (*o - y) * w;
        }
        out.iter().all(|v| v.is_finite())
    }
}

impl<F, J> LeastSquaresProblem<f64, Dyn, Dyn> for Problem<'_, F, J>
where
    F: Fn(&[f64], &mut [f64]),
    J: Fn(&[f64], &mut [f64]),
{
    type ResidualStorage = Owned<f64, Dyn>;
    type JacobianStorage = Owned<f64, Dyn, Dyn>;
    type ParameterStorage = Owned<f64, Dyn>;

    fn set_params(&mut self, x: &DVector<f64>) {
        self.params.copy_from(x);
    }

    fn params(&self) -> DVector<f64> {
        self.params.clone()
    }

    fn residuals(&self) -> Option<DVector<f64>> {
        let mut out = vec![0.0; self.y.len()];
        self.residuals_at(self.params.as_slice(), &mut out)
            .then(|| DVector::from_vec(out))
    }

    fn jacobian(&self) -> Option<DMatrix<f64>> {
        let n = self.y.len();
        if let Some(analytic) = self.jacobian {
            let mut jac = DMatrix::zeros(n, self.params.len());
            analytic(self.params.as_slice(), jac.as_mut_slice());
            for (k, v) in jac.as_mut_slice().iter_mut().enumerate() {
                *v *= self.weights[k % n];
            }
            return jac.iter().all(|v| v.is_finite()).then_some(jac);
        }
        let mut p: Vec<f64> = self.params.iter().copied().collect();
        let mut jac = DMatrix::zeros(n, p.len());
        let (mut plus, mut minus) = (vec![0.0; n], vec![0.0; n]);
        for j in 0..p.len() {
            let pj = p[j];
            let h = JACOBIAN_STEP * if pj != 0.0 { pj.abs() } else { 1.0 };
            p[j] = pj + h;
            let ok_plus = self.residuals_at(&p, &mut plus);
            p[j] = pj - h;
            let ok_minus = self.residuals_at(&p, &mut minus);
            p[j] = pj;
            if !(ok_plus && ok_minus) {
                return None;
            }
            let step = 2.0 * h;
            for i in 0..n {
                jac[(i, j)] = (plus[i] - minus[i]) / step;
            }
        }
        Some(jac)
    }
}
