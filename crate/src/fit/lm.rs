//! The Levenberg–Marquardt minimiser behind [`super::least_squares_with_jacobian`]
//! and [`super::least_squares_fused`].
//!
//! Every fit of the project has a handful of parameters (p ≤ 6) and tens to
//! hundreds of points, so one iteration is: the model and its Jacobian at
//! the current point, the p × p normal matrix A = JᵀJ and gradient g = Jᵀr
//! accumulated in one pass, and the damped step
//!
//! (A + λ D²) δ = −g,  D = diag(‖J_j‖) (MINPACK's scaling: never shrinking),
//!
//! solved by Cholesky — a few hundred flops. λ comes from Moré's trust
//! region, as in MINPACK's `lmder`: λ = 0 (the Gauss–Newton step) whenever
//! that step lies within the region ‖Dδ‖ ≤ Δ, else the λ that puts the step
//! on its edge; Δ grows or shrinks with the ratio of the actual to the
//! predicted reduction of the sum of squares, and a step is taken when that
//! ratio exceeds 10⁻⁴.
//! Forming A squares the condition number of J, which limits how close the
//! *step* gets to the Gauss–Newton one, not where the iteration stops: the
//! stopping test below uses the gradient g, computed directly from J and r.
//!
//! # Stopping
//! Before each step the iteration asks how far the undamped (Gauss–Newton)
//! step δ = −A⁻¹g would move each parameter, in units of its standard error
//! σ_j = √(C_jj), C = A⁻¹·S/(n − p), S = ‖r‖². By Cauchy–Schwarz,
//! |δ_j| ≤ √((A⁻¹)_jj) ‖δ‖_A = σ_j √(dec·(n − p)) with the decrement
//! dec = δᵀAδ/S (the relative reduction of S the step promises), so
//! dec·(n − p) ≤ [`SIGMA_TOL`]² bounds every |δ_j| by 10⁻⁶ σ_j: the values are
//! then exact to a millionth of their error bars (for a value known to 1 %,
//! to 10⁻⁸ relative), and the iteration stops at a point whose Jacobian is
//! already known (the covariance needs no further evaluation). It also stops
//! when the step is below [`XTOL`] of the parameters (in the D norm), when
//! the residuals vanish, or — where A is singular and δ undefined — when a
//! step reduces S by less than [`FTOL`] relative and predicted no more
//! (MINPACK's test).
//!
//! # Second-order steps
//! Where the model fits its data badly (a large residual at the minimum:
//! e.g. the Halperin–Nelson law on an inhomogeneous film), Gauss–Newton
//! converges only linearly — each step shrinks the distance to the minimum
//! by a fixed factor, the largest eigenvalue of A⁻¹C with C = Σ rᵢ ∇²rᵢ the
//! curvature A leaves out (a quarter for Fig. S4: ten evaluations from 0.1 σ
//! to 10⁻⁶ σ). A model that can give its second derivatives cheaply
//! ([`Residuals::SECOND_ORDER`]) gets Newton's step on A + C instead, once
//! the Gauss–Newton step is within [`NEWTON_WITHIN`] of the minimum (and
//! A + C is positive definite, as at any minimum; elsewhere it keeps
//! Gauss–Newton) — convergence there is quadratic. The second derivatives
//! are asked for only at trial points within [`SECOND_ORDER_FROM`], and C
//! is formed only for a Newton step: the iterations before cost what they
//! did. The trust region and the stopping test work as before with A + C as
//! the model's matrix: the test measures the Newton step in the norm of A,
//! as the standard errors are (C is not part of the covariance, as in
//! SciPy's `curve_fit`).
//!
//! # References
//! K. Levenberg, Q. Appl. Math. 2, 164 (1944); D. W. Marquardt, J. Soc. Ind.
//! Appl. Math. 11, 431 (1963); J. J. Moré, Lecture Notes in Mathematics 630,
//! 105 (1978) (trust region, scaling, stopping tests); J. J. Moré, B. S.
//! Garbow and K. E. Hillstrom, *User guide for MINPACK-1*, ANL-80-74 (1980).

mod linalg;

pub use linalg::{cholesky, cholesky_solve};
use linalg::{curvature, dot, normal_equations, quad_form, scaled_norm, sum_sq, Scratch};

/// Stop when the Gauss–Newton step moves no parameter by more than this
/// many standard errors (see the module doc).
pub const SIGMA_TOL: f64 = 1e-6;
/// Stop when the scaled step is below this fraction of the scaled parameters.
pub const XTOL: f64 = 1e-10;
/// Where the decrement is undefined (singular A): stop when a step reduced
/// the sum of squares by less than this, relative, and predicted no more.
pub const FTOL: f64 = 1e-10;
/// Evaluations allowed per parameter (+1), as MINPACK's `maxfev` = 200(p + 1).
const PATIENCE: usize = 200;
/// A second-order model's step becomes Newton's once the Gauss–Newton step
/// is this close (decrement × (n − p), see the module doc: every parameter
/// within √0.1 ≈ 0.3 standard errors). Farther out C, taken at the wrong
/// parameters, can mislead more than it helps: on the Halperin–Nelson fit
/// of the 1 % noise fixture, Newton from the start took 8 evaluations and
/// Gauss–Newton 5; from this close both take the same, and on Fig. S4
/// Newton takes 5 where Gauss–Newton takes 12.
pub const NEWTON_WITHIN: f64 = 0.1;
/// Trial points get their second derivatives once the Gauss–Newton step is
/// this close (every parameter within about 1 standard error), so that the
/// point where Newton's steps begin already has them.
pub const SECOND_ORDER_FROM: f64 = 1.0;

/// What a model supplies: weighted residuals and their Jacobian, column by
/// column (`jac[j * n + i]` = ∂r_i/∂p_j). Values need not be finite: a point
/// where the sum of squares is not finite lies outside the model's domain
/// (a step there is refused), and a Jacobian with a non-finite column norm
/// ends the fit (the checks cost O(p), not a pass over every value).
pub trait Residuals {
    /// Whether [`Residuals::both`] costs little more than the residuals alone
    /// (the model shares its exponentials and roots with the derivatives):
    /// then every trial point gets its Jacobian at once, and a step, once
    /// taken, needs no further evaluation.
    const FUSED: bool;
    /// Writes r(p) into `out`.
    fn residuals(&mut self, p: &[f64], out: &mut [f64]);
    /// Writes ∂r/∂p at `p` into `jac`, n × p column-major.
    fn jacobian(&mut self, p: &[f64], jac: &mut [f64]);
    /// Both at once.
    fn both(&mut self, p: &[f64], out: &mut [f64], jac: &mut [f64]) {
        self.residuals(p, out);
        self.jacobian(p, jac);
    }
    /// Whether [`Residuals::all`] gives second derivatives (only with
    /// `FUSED`): the iteration then ends with Newton's steps (module doc).
    const SECOND_ORDER: bool = false;
    /// [`Residuals::both`] and ∂²r_i/∂p_j∂p_k into `hess[pair * n + i]`,
    /// for the pairs j ≤ k in the order (0,0), (0,1), …, (0,p−1), (1,1), ….
    fn all(&mut self, p: &[f64], out: &mut [f64], jac: &mut [f64], hess: &mut [f64]) {
        self.both(p, out, jac);
        hess.fill(0.0);
    }
}

/// Why the minimiser stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Termination {
    /// The Gauss–Newton step is below [`SIGMA_TOL`] standard errors.
    Decrement,
    /// The Newton step (see [`NEWTON_WITHIN`]) is below [`SIGMA_TOL`]
    /// standard errors.
    NewtonDecrement,
    /// The step fell below [`XTOL`] of the parameters.
    Step,
    /// A singular problem stopped reducing the sum of squares ([`FTOL`]).
    Reduction,
    /// The gradient is exactly zero.
    Gradient,
    /// The residuals are exactly zero.
    ResidualsZero,
    /// The Jacobian is not finite at the current point.
    JacobianNotFinite,
    /// The evaluation budget ran out.
    LostPatience,
}

impl Termination {
    /// Whether the point is a minimum (to the tolerances above).
    pub fn converged(self) -> bool {
        !matches!(self, Self::JacobianNotFinite | Self::LostPatience)
    }

    /// The reason in words, for the fit report, with a note where the
    /// covariance is singular (the numbers are the constants above;
    /// `tests/fit.rs` checks that they agree).
    pub fn describe(self, singular: bool) -> &'static str {
        macro_rules! say {
            ($s:literal) => {
                if singular {
                    concat!(
                        $s,
                        "; covariance is singular: parameters are not all determined by the data"
                    )
                } else {
                    $s
                }
            };
        }
        match self {
            Self::Decrement => say!("converged: the Gauss–Newton step would move no parameter by more than 1e-6 of its standard error"),
            Self::NewtonDecrement => say!("converged: the Newton step would move no parameter by more than 1e-6 of its standard error"),
            Self::Step => say!("converged: the step is below 1e-10 of the parameters"),
            Self::Reduction => say!("converged: the sum of squares changes by less than 1e-10 of it"),
            Self::Gradient => say!("converged: the gradient is zero"),
            Self::ResidualsZero => say!("converged: the residuals are zero"),
            Self::JacobianNotFinite => say!("stopped: the Jacobian is not finite at the current parameters"),
            Self::LostPatience => say!("stopped: no convergence within 200·(p + 1) evaluations of the model"),
        }
    }
}

/// Where the minimiser stopped.
pub struct Minimum {
    /// The parameters.
    pub x: Vec<f64>,
    /// The sum of squares of the weighted residuals there.
    pub rss: f64,
    /// JᵀJ there, p × p row-major; `None` where the Jacobian is not finite.
    pub normal: Option<Vec<f64>>,
    /// Residual evaluations, the starting point's included.
    pub evaluations: usize,
    /// Why it stopped.
    pub termination: Termination,
}

/// Minimises ‖r(p)‖² from `x0`; `None` where the residuals are not finite there.
pub fn minimise<R: Residuals>(model: &mut R, x0: &[f64], n: usize) -> Option<Minimum> {
    let p = x0.len();
    let mut x = x0.to_vec();
    let mut r = vec![0.0; n];
    let mut jac = vec![0.0; n * p];
    let mut evaluations = 1;
    let stop = |x: Vec<f64>, rss, normal, evaluations, termination| {
        Some(Minimum {
            x,
            rss,
            normal,
            evaluations,
            termination,
        })
    };
    if R::FUSED {
        model.both(&x, &mut r, &mut jac);
    } else {
        model.residuals(&x, &mut r);
    }
    let mut rss = sum_sq(&r);
    if !rss.is_finite() {
        return None;
    }
    if !R::FUSED {
        model.jacobian(&x, &mut jac);
    }
    // The second derivatives at the current point (when `curved`) and at
    // the trial point, and A + C.
    let second_order = R::FUSED && R::SECOND_ORDER;
    let pairs = if second_order { p * (p + 1) / 2 } else { 0 };
    let (mut hess, mut hess_trial) = (vec![0.0; n * pairs], vec![0.0; n * pairs]);
    let mut newton = vec![0.0; if second_order { p * p } else { 0 }];
    let mut curved = false;
    let (mut a, mut g) = (vec![0.0; p * p], vec![0.0; p]);
    if !normal_equations(&jac, &r, p, &mut a, &mut g) {
        return stop(x, rss, None, evaluations, Termination::JacobianNotFinite);
    }
    if rss == 0.0 {
        return stop(x, rss, Some(a), evaluations, Termination::ResidualsZero);
    }
    // Moré's scaling: the column norms of J, never decreasing.
    let mut d: Vec<f64> = (0..p)
        .map(|j| {
            if a[j * p + j] > 0.0 {
                a[j * p + j].sqrt()
            } else {
                1.0
            }
        })
        .collect();
    let mut delta = FACTOR * scaled_norm(&d, &x);
    if delta == 0.0 {
        delta = FACTOR;
    }
    let mut lambda = 0.0;
    let mut first = true;
    let mut s = Scratch::new(p);
    let mut trial = vec![0.0; p];
    // This iteration's undamped step (Gauss–Newton's or Newton's).
    let mut undamped = vec![0.0; p];
    let mut r_trial = vec![0.0; n];
    let mut jac_trial = if R::FUSED {
        vec![0.0; n * p]
    } else {
        Vec::new()
    };
    let max_evaluations = PATIENCE * (p + 1);
    loop {
        if g.iter().all(|&v| v == 0.0) {
            return stop(x, rss, Some(a), evaluations, Termination::Gradient);
        }
        // The undamped (Gauss–Newton) step measures the distance to the minimum.
        let dof = n.saturating_sub(p).max(1) as f64;
        let gauss_newton = s.factor(&a, 0.0, &d) && s.solve(&g);
        let mut second = false;
        let mut ask_second = false;
        if gauss_newton {
            let decrement = -dot(&g, &s.step) / rss;
            if decrement * dof <= SIGMA_TOL * SIGMA_TOL {
                return stop(x, rss, Some(a), evaluations, Termination::Decrement);
            }
            if scaled_norm(&d, &s.step) <= XTOL * scaled_norm(&d, &x) {
                return stop(x, rss, Some(a), evaluations, Termination::Step);
            }
            ask_second = second_order && decrement * dof <= SECOND_ORDER_FROM;
            if curved && decrement * dof <= NEWTON_WITHIN {
                curvature(&hess, &r, p, &mut newton);
                for (h, a) in newton.iter_mut().zip(&a) {
                    *h += a;
                }
                second = s.factor(&newton, 0.0, &d) && s.solve(&g);
                if second {
                    // Its length in the norm of A: standard errors, as above.
                    if quad_form(&a, &s.step) / rss * dof <= SIGMA_TOL * SIGMA_TOL {
                        return stop(x, rss, Some(a), evaluations, Termination::NewtonDecrement);
                    }
                } else {
                    // A + C is not positive definite: back to Gauss–Newton.
                    s.factor(&a, 0.0, &d);
                    s.solve(&g);
                }
            }
        }
        undamped.copy_from_slice(&s.step);
        // Steps inside the trust region until one reduces the sum of squares.
        loop {
            // The quadratic model's matrix: A, or A + C for Newton's step.
            let m: &[f64] = if second { &newton } else { &a };
            lambda = s.trust_step(m, &g, &d, delta, lambda, gauss_newton.then_some(&undamped));
            let step = &s.step;
            let pnorm = scaled_norm(&d, step);
            if !pnorm.is_finite() {
                return stop(x, rss, None, evaluations, Termination::JacobianNotFinite);
            }
            if first {
                delta = delta.min(pnorm);
                first = false;
            }
            for ((t, xi), st) in trial.iter_mut().zip(&x).zip(step) {
                *t = xi + st;
            }
            evaluations += 1;
            if R::FUSED {
                if ask_second {
                    model.all(&trial, &mut r_trial, &mut jac_trial, &mut hess_trial);
                } else {
                    model.both(&trial, &mut r_trial, &mut jac_trial);
                }
            } else {
                model.residuals(&trial, &mut r_trial);
            }
            // Outside the model's domain (NaN) counts as no reduction at all.
            let rss_trial = match sum_sq(&r_trial) {
                s if s.is_finite() => s,
                _ => f64::INFINITY,
            };
            // Relative reductions of S, actual and predicted by the linear
            // model (MINPACK's actred, prered, dirder).
            let actual = if 0.01 * rss_trial < rss {
                1.0 - rss_trial / rss
            } else {
                -1.0
            };
            let t1 = quad_form(m, step) / rss;
            let t2 = lambda * pnorm * pnorm / rss;
            let predicted = t1 + 2.0 * t2;
            let dirder = -(t1 + t2);
            let ratio = if predicted == 0.0 {
                0.0
            } else {
                actual / predicted
            };
            if ratio <= 0.25 {
                let mut temp = if actual >= 0.0 {
                    0.5
                } else {
                    0.5 * dirder / (dirder + 0.5 * actual)
                };
                if 0.01 * rss_trial >= rss || temp < 0.1 {
                    temp = 0.1;
                }
                delta = temp * delta.min(10.0 * pnorm);
                lambda /= temp;
            } else if lambda == 0.0 || ratio >= 0.75 {
                delta = 2.0 * pnorm;
                lambda *= 0.5;
            }
            if ratio >= 1e-4 {
                std::mem::swap(&mut x, &mut trial);
                std::mem::swap(&mut r, &mut r_trial);
                rss = rss_trial;
                if R::FUSED {
                    std::mem::swap(&mut jac, &mut jac_trial);
                    std::mem::swap(&mut hess, &mut hess_trial);
                    curved = ask_second;
                } else {
                    model.jacobian(&x, &mut jac);
                }
                if !normal_equations(&jac, &r, p, &mut a, &mut g) {
                    return stop(x, rss, None, evaluations, Termination::JacobianNotFinite);
                }
                for (j, dj) in d.iter_mut().enumerate() {
                    *dj = dj.max(a[j * p + j].sqrt());
                }
                if rss == 0.0 {
                    return stop(x, rss, Some(a), evaluations, Termination::ResidualsZero);
                }
                if !gauss_newton && actual.abs() <= FTOL && predicted <= FTOL && ratio <= 2.0 {
                    return stop(x, rss, Some(a), evaluations, Termination::Reduction);
                }
            }
            if delta <= XTOL * scaled_norm(&d, &x) {
                return stop(x, rss, Some(a), evaluations, Termination::Step);
            }
            if evaluations >= max_evaluations {
                return stop(x, rss, Some(a), evaluations, Termination::LostPatience);
            }
            if ratio >= 1e-4 {
                break;
            }
        }
    }
}

/// The initial trust region, relative to ‖D x0‖ (MINPACK's `factor`).
const FACTOR: f64 = 100.0;
