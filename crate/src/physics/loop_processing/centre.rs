//! Step 2 of loop processing: the loop's centre (H0, M0) by symmetry, and
//! its standard errors.

use super::branches::Branches;
use super::LoopError;
use std::cell::Cell;

/// The symmetry residuals of a loop on the symmetric grid `us`.
struct Symmetry<'a> {
    br: &'a Branches,
    us: &'a [f64],
    /// Scratch arrays (fields, values and slopes of both branches), taken
    /// out of the cell for an evaluation and put back: no allocation per
    /// evaluation, and nothing that can fail.
    scratch: Cell<[Vec<f64>; 5]>,
}

impl<'a> Symmetry<'a> {
    fn new(br: &'a Branches, us: &'a [f64]) -> Self {
        let n = us.len();
        Self {
            br,
            us,
            scratch: Cell::new(std::array::from_fn(|_| vec![0.0; n])),
        }
    }

    /// m_d(h0 + u_k) + m_a(h0 − u_k) into `out` and, when given, its
    /// derivative in h0 into `slope`. The grid is symmetric, u_{n−1−k} = −u_k,
    /// so both branches are read at the same ascending fields h0 + u_k.
    fn eval(&self, h0: f64, out: &mut [f64], slope: Option<&mut [f64]>) {
        let n = self.us.len();
        let mut scratch = self.scratch.take();
        let [xs, vd, dd, va, da] = &mut scratch;
        for v in [&mut *xs, &mut *vd, &mut *dd, &mut *va, &mut *da] {
            v.resize(n, 0.0);
        }
        for (x, u) in xs.iter_mut().zip(self.us) {
            *x = h0 + u;
        }
        self.br.down.eval_ascending(xs, vd, dd);
        self.br.up.eval_ascending(xs, va, da);
        for (k, o) in out.iter_mut().enumerate() {
            *o = vd[k] + va[n - 1 - k];
        }
        if let Some(s) = slope {
            for (k, o) in s.iter_mut().enumerate() {
                *o = dd[k] + da[n - 1 - k];
            }
        }
        self.scratch.set(scratch);
    }
}

/// Standard errors of the centre (H0, M0) for point noise `sigma`.
///
/// The symmetry residuals r_k = m_d(H0 + u_k) + m_a(H0 − u_k) − 2M0 share
/// measured points through the interpolation, so they are correlated and the
/// fit's own covariance understates the errors (by about a third on a
/// typical loop). The sandwich form does not: with J = ∂r/∂(H0, M0) and
/// r = A m linear in the measured moments, Cov = (JᵀJ)⁻¹ JᵀA (σ² I) AᵀJ (JᵀJ)⁻¹.
pub fn centre_errors(br: &Branches, h0: f64, us: &[f64], sigma: f64) -> (f64, f64) {
    let n = us.len();
    let sym = Symmetry::new(br, us);
    let (mut r, mut jh) = (vec![0.0; n], vec![0.0; n]);
    sym.eval(h0, &mut r, Some(&mut jh));
    // B = JᵀJ with the M0 column −2.
    let (b00, b01, b11) = (
        jh.iter().map(|v| v * v).sum::<f64>(),
        jh.iter().map(|v| -2.0 * v).sum::<f64>(),
        4.0 * n as f64,
    );
    let det = b00 * b11 - b01 * b01;
    if det <= 0.0 || !det.is_finite() {
        return (f64::NAN, f64::NAN);
    }
    let inv = [[b11 / det, -b01 / det], [-b01 / det, b00 / det]];
    // AᵀJ: each residual spreads its Jacobian row over the points it interpolates.
    let (mut vd, mut vu) = (
        vec![[0.0f64; 2]; br.down.h.len()],
        vec![[0.0f64; 2]; br.up.h.len()],
    );
    for (k, &u) in us.iter().enumerate() {
        let row = [jh[k], -2.0];
        for (idx, w) in br.down.weights(h0 + u) {
            vd[idx][0] += w * row[0];
            vd[idx][1] += w * row[1];
        }
        for (idx, w) in br.up.weights(h0 - u) {
            vu[idx][0] += w * row[0];
            vu[idx][1] += w * row[1];
        }
    }
    let mut meat = [[0.0; 2]; 2];
    for v in vd.iter().chain(&vu) {
        for i in 0..2 {
            for j in 0..2 {
                meat[i][j] += sigma * sigma * v[i] * v[j];
            }
        }
    }
    let mut cov = [[0.0; 2]; 2];
    for i in 0..2 {
        for j in 0..2 {
            for k in 0..2 {
                for l in 0..2 {
                    cov[i][j] += inv[i][k] * meat[k][l] * inv[l][j];
                }
            }
        }
    }
    (cov[0][0].max(0.0).sqrt(), cov[1][1].max(0.0).sqrt())
}

/// The centre of a loop and the symmetric grid it was found on.
pub struct Centre {
    /// Field offset, Oe.
    pub h0: f64,
    /// Moment offset, emu.
    pub m0: f64,
    /// The symmetric grid of u = H − H0, Oe.
    pub us: Vec<f64>,
    /// m_d(H0 + u) + m_a(H0 − u) − 2 M0 on that grid, emu.
    pub mismatch: Vec<f64>,
}

/// The (H0, M0) that best superpose the descending branch on the inverted
/// ascending one over the fields `lo`…`hi` both branches share: a scan for
/// the start, then Gauss–Newton on H0 (see [`refine`]).
pub fn centre(br: &Branches, lo: f64, hi: f64) -> Result<Centre, LoopError> {
    let (c, half) = (0.5 * (lo + hi), 0.5 * (hi - lo));
    // As many symmetric points as the shorter branch has, at most 100: on a
    // 400-point loop the centre's scatter is then 10 % above that of 200
    // points, at half the cost; the errors account for it either way.
    let n_u = br.down.h.len().min(br.up.h.len()).clamp(20, 100);
    let u_max = 0.8 * half;
    let us: Vec<f64> = (0..n_u)
        .map(|i| -u_max + 2.0 * u_max * i as f64 / (n_u - 1) as f64)
        .collect();
    let sym = Symmetry::new(br, &us);
    let mut r = vec![0.0; n_u];
    // Eleven candidates 4 % of the half-range apart, then the vertex of the
    // parabola through the best and its neighbours: a start the fit refines
    // in a few steps.
    const SCAN: usize = 10;
    let at = |k: usize| c - 0.2 * half + 0.4 * half * k as f64 / SCAN as f64;
    let mut rss = [0.0; SCAN + 1];
    let score = |h0: f64, r: &mut [f64]| {
        sym.eval(h0, r, None);
        let m0 = r.iter().sum::<f64>() / (2.0 * n_u as f64);
        (r.iter().map(|v| (v - 2.0 * m0).powi(2)).sum::<f64>(), m0)
    };
    for (k, v) in rss.iter_mut().enumerate() {
        *v = score(at(k), &mut r).0;
    }
    let k = (0..=SCAN).fold(0, |b, k| if rss[k] < rss[b] { k } else { b });
    let mut start = at(k);
    if k > 0 && k < SCAN {
        let (a, b, cc) = (rss[k - 1], rss[k], rss[k + 1]);
        let curvature = a - 2.0 * b + cc;
        if curvature > 0.0 {
            let step = at(1) - at(0);
            start += (0.5 * (a - cc) / curvature).clamp(-1.0, 1.0) * step;
        }
    }
    let h0 = refine(&sym, start, 1e-10 * half);
    let m0 = score(h0, &mut r).1;
    sym.eval(h0, &mut r, None);
    let mismatch = r.iter().map(|v| v - 2.0 * m0).collect();
    Ok(Centre {
        h0,
        m0,
        us,
        mismatch,
    })
}

/// The least-squares H0 from `start`: the residuals r_k(H0) − 2M0 are
/// linear in M0, whose best value for a given H0 is the mean of r_k/2, so
/// the fit is one-dimensional in H0 (variable projection). The projected
/// residuals e_k = r_k − r̄ with slopes s_k − s̄ give the gradient
/// g = Σ e (s − s̄) of ½Σe²; the first step is Gauss–Newton (−g/Σ(s − s̄)²),
/// the later ones secant steps on g (superlinear where Gauss–Newton is only
/// linear: the interpolant's curvature is not in its model), each halved
/// until it lowers Σe², until a step falls below `tol` (Oe). The same
/// minimum a two-parameter Levenberg–Marquardt fit reaches, in a few
/// evaluations of both branches.
fn refine(sym: &Symmetry, start: f64, tol: f64) -> f64 {
    let n = sym.us.len();
    let (mut r, mut s) = (vec![0.0; n], vec![0.0; n]);
    let mean = |v: &[f64]| v.iter().sum::<f64>() / n as f64;
    // (Σe², gradient g, Gauss–Newton curvature Σ(s − s̄)²) at the last evaluation.
    let measure = |r: &[f64], s: &[f64]| {
        let (rm, sm) = (mean(r), mean(s));
        let (mut rss, mut g, mut den) = (0.0, 0.0, 0.0);
        for (rk, sk) in r.iter().zip(s) {
            let (e, d) = (rk - rm, sk - sm);
            rss += e * e;
            g += e * d;
            den += d * d;
        }
        (rss, g, den)
    };
    let mut h0 = start;
    sym.eval(h0, &mut r, Some(&mut s));
    let (mut rss, mut g, mut den) = measure(&r, &s);
    let mut previous: Option<(f64, f64)> = None;
    for _ in 0..MAX_STEPS {
        if den.is_nan() || den <= 0.0 || !g.is_finite() {
            break;
        }
        let newton = -g / den;
        let secant = previous.and_then(|(hp, gp)| {
            let curvature = (g - gp) / (h0 - hp);
            (curvature > 0.0 && curvature.is_finite()).then_some(-g / curvature)
        });
        // A secant step within a few Gauss–Newton steps; otherwise Gauss–Newton.
        let mut step = match secant {
            Some(v) if v.abs() <= 4.0 * newton.abs() => v,
            _ => newton,
        };
        let mut moved = None;
        for _ in 0..MAX_HALVINGS {
            sym.eval(h0 + step, &mut r, Some(&mut s));
            let next = measure(&r, &s);
            if next.0 <= rss {
                moved = Some(next);
                break;
            }
            step *= 0.5;
        }
        let Some(next) = moved else {
            break;
        };
        previous = Some((h0, g));
        h0 += step;
        (rss, g, den) = next;
        if step.abs() <= tol {
            break;
        }
    }
    h0
}

/// Steps at most (a loop needs a handful).
const MAX_STEPS: usize = 50;
/// Halvings of a step that does not lower the sum of squares.
const MAX_HALVINGS: usize = 30;
