//! Weighted nonlinear least squares, once, for every model of the project.
//!
//! The minimiser is Levenberg–Marquardt (`fit/lm.rs`: MINPACK's trust region and
//! scaling on the normal equations of the few parameters, by Cholesky, and a
//! stop once no parameter would move by 10⁻⁶ of its standard error; a model
//! that gives its second derivatives, [`least_squares_second_order`], ends
//! with Newton's steps where it fits its data badly). At the
//! solution the report carries what a physicist reads off a fit
//! (physics.md §10):
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
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;
use thiserror::Error;

mod lm;
mod second_order;

pub use lm::{FTOL, NEWTON_WITHIN, SECOND_ORDER_FROM, SIGMA_TOL, XTOL};
pub use second_order::least_squares_second_order;

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
/// Names and message are `&'static str`: every model names its parameters
/// with constants, and the messages are a fixed set — no allocation per fit,
/// and JavaScript gets them as cached strings (`serialize_struct` keys).
#[derive(Debug, Clone, Serialize)]
pub struct FitReport {
    /// Parameter names and best-fit values, in the model's order.
    #[serde(serialize_with = "as_object")]
    pub params: Vec<(&'static str, f64)>,
    /// One standard error per parameter (NaN when the covariance is singular).
    #[serde(serialize_with = "as_object")]
    pub errors: Vec<(&'static str, f64)>,
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
    pub message: &'static str,
}

impl FitReport {
    /// The best-fit value of parameter `name`.
    pub fn value(&self, name: &str) -> Option<f64> {
        self.params.iter().find(|(k, _)| *k == name).map(|p| p.1)
    }
    /// The standard error of parameter `name`.
    pub fn error(&self, name: &str) -> Option<f64> {
        self.errors.iter().find(|(k, _)| *k == name).map(|p| p.1)
    }
    /// All best-fit values in parameter order.
    pub fn values(&self) -> Vec<f64> {
        self.params.iter().map(|p| p.1).collect()
    }
}

/// `{ name: value, … }` in parameter order. A struct to serde (the names are
/// static): the same object as a map, and serde-wasm-bindgen keeps the JS
/// strings of struct keys where it decodes map keys on every call.
fn as_object<S: Serializer>(pairs: &[(&'static str, f64)], s: S) -> Result<S::Ok, S::Error> {
    let mut object = s.serialize_struct("Parameters", pairs.len())?;
    for (k, v) in pairs {
        object.serialize_field(k, v)?;
    }
    object.end()
}

/// Fits `model(x_i; p)` to `(x, y)` — the familiar `curve_fit` call.
/// `sigma`, when given, holds one standard uncertainty per point (weights 1/σ²).
pub fn curve_fit<F>(
    model: F,
    names: &[&'static str],
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
    names: &[&'static str],
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
    names: &[&'static str],
    y: &[f64],
    sigma: Option<&[f64]>,
    p0: &[f64],
) -> Result<FitReport, FitError>
where
    F: Fn(&[f64], &mut [f64]),
    J: Fn(&[f64], &mut [f64]),
{
    let weights = check(y, sigma, p0)?;
    let mut model = Separate {
        predict: &predict,
        jacobian: jacobian.as_ref(),
        y,
        weights: weights.as_deref(),
        plus: Vec::new(),
        minus: Vec::new(),
        shifted: Vec::new(),
    };
    let min = lm::minimise(&mut model, p0, y.len());
    report(min, names, y.len(), p0)
}

/// [`least_squares_with_jacobian`] for a model that computes its values and
/// its Jacobian in one pass (sharing exponentials and roots):
/// `model(p, out, jac)` writes f_i into `out` and, when `jac` is given,
/// ∂f_i/∂p_j into `jac[j * n + i]`. Every trial point then gets its
/// Jacobian with its values, so an accepted step costs one evaluation.
pub fn least_squares_fused<M>(
    model: M,
    names: &[&'static str],
    y: &[f64],
    sigma: Option<&[f64]>,
    p0: &[f64],
) -> Result<FitReport, FitError>
where
    M: Fn(&[f64], &mut [f64], Option<&mut [f64]>),
{
    let weights = check(y, sigma, p0)?;
    let mut fused = Fused {
        model: &model,
        y,
        weights: weights.as_deref(),
        scratch: Vec::new(),
    };
    let min = lm::minimise(&mut fused, p0, y.len());
    report(min, names, y.len(), p0)
}

/// Checks the data and the start → the weights 1/σ (`None`: all 1).
fn check(y: &[f64], sigma: Option<&[f64]>, p0: &[f64]) -> Result<Option<Vec<f64>>, FitError> {
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
    Ok(sigma.map(|s| s.iter().map(|v| 1.0 / v).collect()))
}

/// The report at the minimiser's result.
fn report(
    min: Option<lm::Minimum>,
    names: &[&'static str],
    n: usize,
    p0: &[f64],
) -> Result<FitReport, FitError> {
    let min = min.ok_or_else(|| FitError::BadStart { start: p0.to_vec() })?;
    let p = p0.len();
    let rss = min.rss;
    let dof = (n - p) as f64;
    // C = (JᵀJ)⁻¹ · RSS/(n − p), by Cholesky of JᵀJ; NaN where singular.
    let covariance = min
        .normal
        .and_then(|a| inverse_spd(a, p, rss / dof))
        .filter(|c| c.iter().flatten().all(|v| v.is_finite()));
    let singular = covariance.is_none();
    let covariance = covariance.unwrap_or_else(|| vec![vec![f64::NAN; p]; p]);
    let nf = n as f64;
    let pf = p as f64;
    Ok(FitReport {
        params: names.iter().copied().zip(min.x).collect(),
        errors: names
            .iter()
            .zip(&covariance)
            .enumerate()
            .map(|(i, (&s, row))| (s, row[i].sqrt()))
            .collect(),
        covariance,
        rss,
        redchi: rss / dof,
        aic: nf * (rss / nf).ln() + 2.0 * pf,
        bic: nf * (rss / nf).ln() + pf * nf.ln(),
        n,
        p,
        iterations: min.evaluations,
        converged: min.termination.converged(),
        message: min.termination.describe(singular),
    })
}

/// `scale` × the inverse of a symmetric positive-definite p × p matrix
/// (row-major), row by row, or `None` where it is singular.
fn inverse_spd(mut a: Vec<f64>, p: usize, scale: f64) -> Option<Vec<Vec<f64>>> {
    if !lm::cholesky(&mut a, p) {
        return None;
    }
    // Column j of the inverse solves A x = e_j; by symmetry it is row j.
    let rows = (0..p)
        .map(|j| {
            let mut row = vec![0.0; p];
            row[j] = 1.0;
            lm::cholesky_solve(&a, p, &mut row);
            row.iter_mut().for_each(|v| *v *= scale);
            row
        })
        .collect();
    Some(rows)
}

/// Fits the straight line `y = a + b·x` in closed form (weighted linear least
/// squares; `names` = [intercept, slope]). The report is the one
/// [`curve_fit`] gives for the same line — same covariance scaling, RSS, AIC
/// and BIC — but exact, with no iterations: every straight-line analysis of
/// the project (Hall slopes, log–log exponents, linearised laws) uses it.
pub fn straight_line(
    names: [&'static str; 2],
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
    let params = vec![(names[0], intercept), (names[1], slope)];
    Ok(FitReport {
        errors: vec![(names[0], var_a.sqrt()), (names[1], var_b.sqrt())],
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
        message: "closed-form linear least squares",
    })
}

/// Relative step of the central-difference Jacobian: ε^(1/3) balances the
/// O(h²) truncation error against the O(ε/h) rounding error.
const JACOBIAN_STEP: f64 = 6.055e-6;

/// The weighted residuals (f − y)/σ of a model given as its prediction and,
/// optionally, its analytic Jacobian (else central differences).
struct Separate<'a, F, J> {
    predict: &'a F,
    jacobian: Option<&'a J>,
    y: &'a [f64],
    /// 1/σ per point; `None`: all 1.
    weights: Option<&'a [f64]>,
    /// Scratch of the central differences.
    plus: Vec<f64>,
    minus: Vec<f64>,
    shifted: Vec<f64>,
}

impl<F, J> lm::Residuals for Separate<'_, F, J>
where
    F: Fn(&[f64], &mut [f64]),
    J: Fn(&[f64], &mut [f64]),
{
    const FUSED: bool = false;

    fn residuals(&mut self, p: &[f64], out: &mut [f64]) {
        (self.predict)(p, out);
        weigh_residuals(out, self.y, self.weights);
    }

    fn jacobian(&mut self, p: &[f64], jac: &mut [f64]) {
        let n = self.y.len();
        if let Some(analytic) = self.jacobian {
            analytic(p, jac);
            weigh_jacobian(jac, n, self.weights);
            return;
        }
        self.plus.resize(n, 0.0);
        self.minus.resize(n, 0.0);
        self.shifted.clear();
        self.shifted.extend_from_slice(p);
        for (j, col) in jac.chunks_exact_mut(n).enumerate() {
            let pj = p[j];
            let h = JACOBIAN_STEP * if pj != 0.0 { pj.abs() } else { 1.0 };
            let mut shifted = std::mem::take(&mut self.shifted);
            let (mut plus, mut minus) = (
                std::mem::take(&mut self.plus),
                std::mem::take(&mut self.minus),
            );
            shifted[j] = pj + h;
            self.residuals(&shifted, &mut plus);
            shifted[j] = pj - h;
            self.residuals(&shifted, &mut minus);
            shifted[j] = pj;
            let step = 2.0 * h;
            for ((c, a), b) in col.iter_mut().zip(&plus).zip(&minus) {
                *c = (a - b) / step;
            }
            (self.shifted, self.plus, self.minus) = (shifted, plus, minus);
        }
    }
}

/// The weighted residuals of a model that gives values and Jacobian together.
struct Fused<'a, M> {
    model: &'a M,
    y: &'a [f64],
    weights: Option<&'a [f64]>,
    /// Values thrown away when only the Jacobian is asked for.
    scratch: Vec<f64>,
}

impl<M> lm::Residuals for Fused<'_, M>
where
    M: Fn(&[f64], &mut [f64], Option<&mut [f64]>),
{
    const FUSED: bool = true;

    fn residuals(&mut self, p: &[f64], out: &mut [f64]) {
        (self.model)(p, out, None);
        weigh_residuals(out, self.y, self.weights);
    }

    fn jacobian(&mut self, p: &[f64], jac: &mut [f64]) {
        let mut values = std::mem::take(&mut self.scratch);
        values.resize(self.y.len(), 0.0);
        self.both(p, &mut values, jac);
        self.scratch = values;
    }

    fn both(&mut self, p: &[f64], out: &mut [f64], jac: &mut [f64]) {
        (self.model)(p, out, Some(jac));
        weigh_residuals(out, self.y, self.weights);
        weigh_jacobian(jac, self.y.len(), self.weights);
    }
}

/// f → (f − y)/σ in place.
fn weigh_residuals(out: &mut [f64], y: &[f64], weights: Option<&[f64]>) {
    match weights {
        Some(w) => {
            for ((o, y), w) in out.iter_mut().zip(y).zip(w) {
                *o = (*o - y) * w;
            }
        }
        None => {
            for (o, y) in out.iter_mut().zip(y) {
                *o -= y;
            }
        }
    }
}

/// ∂f/∂p → ∂f/∂p / σ in place, column by column.
fn weigh_jacobian(jac: &mut [f64], n: usize, weights: Option<&[f64]>) {
    if let Some(w) = weights {
        for col in jac.chunks_exact_mut(n) {
            for (v, w) in col.iter_mut().zip(w) {
                *v *= w;
            }
        }
    }
}
