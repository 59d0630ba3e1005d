//! The linear algebra of one Levenberg–Marquardt iteration (`lm.rs`): the
//! normal equations and the curvature C, the trust-region step (MINPACK's
//! `lmpar`) and Cholesky's factor and solve, for the few parameters of a fit.

/// Work space of the step computations (p × p factor, vectors of p).
pub(super) struct Scratch {
    p: usize,
    factor: Vec<f64>,
    pub(super) step: Vec<f64>,
    w: Vec<f64>,
}

impl Scratch {
    pub(super) fn new(p: usize) -> Self {
        Self {
            p,
            factor: vec![0.0; p * p],
            step: vec![0.0; p],
            w: vec![0.0; p],
        }
    }

    /// Cholesky factor of A + λD²; false where not positive definite.
    pub(super) fn factor(&mut self, a: &[f64], lambda: f64, d: &[f64]) -> bool {
        let p = self.p;
        self.factor.copy_from_slice(a);
        for (j, dj) in d.iter().enumerate() {
            self.factor[j * p + j] += lambda * dj * dj;
        }
        cholesky(&mut self.factor, p)
    }

    /// step = −(A + λD²)⁻¹ g with the current factor; false if not finite.
    pub(super) fn solve(&mut self, g: &[f64]) -> bool {
        for (s, gi) in self.step.iter_mut().zip(g) {
            *s = -gi;
        }
        cholesky_solve(&self.factor, self.p, &mut self.step);
        self.step.iter().all(|v| v.is_finite())
    }

    /// ‖L⁻¹ D²δ/‖Dδ‖‖² with the current factor L: −‖Dδ‖ · d‖Dδ‖/dλ.
    fn slope(&mut self, d: &[f64], dnorm: f64) -> f64 {
        let p = self.p;
        for ((w, dj), s) in self.w.iter_mut().zip(d).zip(&self.step) {
            *w = dj * dj * s / dnorm;
        }
        // Forward substitution only: L y = w.
        for i in 0..p {
            let mut s = self.w[i];
            for k in 0..i {
                s -= self.factor[i * p + k] * self.w[k];
            }
            self.w[i] = s / self.factor[i * p + i];
        }
        sum_sq(&self.w)
    }

    /// The step of the trust region ‖Dδ‖ ≤ Δ into `self.step`: the
    /// Gauss–Newton step when it fits, else (A + λD²)δ = −g with λ such that
    /// ‖Dδ‖ is within 10 % of Δ, by Moré's safeguarded Newton iteration on λ
    /// (MINPACK's `lmpar`). Returns λ; `lambda` is the previous one.
    pub(super) fn trust_step(
        &mut self,
        a: &[f64],
        g: &[f64],
        d: &[f64],
        delta: f64,
        lambda: f64,
        gauss_newton: Option<&[f64]>,
    ) -> f64 {
        let p = self.p;
        let mut lower = 0.0;
        if let Some(gn) = gauss_newton {
            self.step.copy_from_slice(gn);
            let dnorm = scaled_norm(d, &self.step);
            let fp = dnorm - delta;
            if fp <= 0.1 * delta {
                return 0.0;
            }
            self.factor(a, 0.0, d);
            lower = fp / delta / self.slope(d, dnorm);
        }
        let gnorm = (0..p).map(|j| (g[j] / d[j]).powi(2)).sum::<f64>().sqrt();
        let mut upper = gnorm / delta;
        if upper == 0.0 {
            upper = f64::MIN_POSITIVE / delta.min(0.1);
        }
        let mut lam = lambda.clamp(lower, upper);
        if lam == 0.0 {
            lam = match gauss_newton {
                Some(gn) => gnorm / scaled_norm(d, gn),
                None => 0.001 * upper,
            };
        }
        let mut fp_old = f64::INFINITY;
        for iteration in 1..=10 {
            if lam == 0.0 {
                lam = f64::MIN_POSITIVE.max(0.001 * upper);
            }
            if !(self.factor(a, lam, d) && self.solve(g)) {
                self.step.fill(f64::NAN);
                return lam;
            }
            let dnorm = scaled_norm(d, &self.step);
            let fp = dnorm - delta;
            if fp.abs() <= 0.1 * delta
                || (lower == 0.0 && fp <= fp_old && fp_old < 0.0)
                || iteration == 10
            {
                break;
            }
            fp_old = fp;
            let correction = fp / delta / self.slope(d, dnorm);
            if fp > 0.0 {
                lower = lower.max(lam);
            } else if fp < 0.0 {
                upper = upper.min(lam);
            }
            lam = lower.max(lam + correction);
        }
        lam
    }
}

pub(super) fn sum_sq(v: &[f64]) -> f64 {
    dot(v, v)
}

/// Σ aᵢbᵢ with four partial sums (independent additions pipeline; the
/// rounding differs from a left-to-right sum by a few ulp at most).
#[inline]
pub(super) fn dot(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let (mut s0, mut s1, mut s2, mut s3) = (0.0, 0.0, 0.0, 0.0);
    let mut i = 0;
    while i + 4 <= n {
        s0 += a[i] * b[i];
        s1 += a[i + 1] * b[i + 1];
        s2 += a[i + 2] * b[i + 2];
        s3 += a[i + 3] * b[i + 3];
        i += 4;
    }
    while i < n {
        s0 += a[i] * b[i];
        i += 1;
    }
    (s0 + s1) + (s2 + s3)
}

/// ‖D v‖.
pub(super) fn scaled_norm(d: &[f64], v: &[f64]) -> f64 {
    d.iter()
        .zip(v)
        .map(|(d, v)| (d * v) * (d * v))
        .sum::<f64>()
        .sqrt()
}

/// vᵀ A v for A p × p row-major.
pub(super) fn quad_form(a: &[f64], v: &[f64]) -> f64 {
    let p = v.len();
    (0..p).map(|i| v[i] * dot(&a[i * p..(i + 1) * p], v)).sum()
}

/// C = Σᵢ rᵢ ∇²rᵢ (p × p, row-major) from the second derivatives, pair by
/// pair as [`super::Residuals::all`] gives them.
pub(super) fn curvature(hess: &[f64], r: &[f64], p: usize, c: &mut [f64]) {
    let mut pairs = hess.chunks_exact(r.len().max(1));
    for j in 0..p {
        for k in j..p {
            let v = pairs.next().map_or(0.0, |h| dot(h, r));
            c[j * p + k] = v;
            c[k * p + j] = v;
        }
    }
}

/// A = JᵀJ (p × p, row-major) and g = Jᵀr, J column-major n × p; false
/// where they are not finite (a non-finite derivative makes its column's
/// norm, A_jj, NaN or infinite). Two and three parameters — most fits of
/// the project — take one pass over the points with every sum in a register.
pub(super) fn normal_equations(
    jac: &[f64],
    r: &[f64],
    p: usize,
    a: &mut [f64],
    g: &mut [f64],
) -> bool {
    let n = r.len();
    match p {
        2 => {
            let (c0, c1) = (&jac[..n], &jac[n..2 * n]);
            let (mut a00, mut a01, mut a11, mut g0, mut g1) = (0.0, 0.0, 0.0, 0.0, 0.0);
            for ((&x0, &x1), &ri) in c0.iter().zip(c1).zip(r) {
                a00 += x0 * x0;
                a01 += x0 * x1;
                a11 += x1 * x1;
                g0 += x0 * ri;
                g1 += x1 * ri;
            }
            a.copy_from_slice(&[a00, a01, a01, a11]);
            g.copy_from_slice(&[g0, g1]);
        }
        3 => {
            let (c0, c1, c2) = (&jac[..n], &jac[n..2 * n], &jac[2 * n..3 * n]);
            let [mut a00, mut a01, mut a02, mut a11, mut a12, mut a22] = [0.0; 6];
            let [mut g0, mut g1, mut g2] = [0.0; 3];
            for (((&x0, &x1), &x2), &ri) in c0.iter().zip(c1).zip(c2).zip(r) {
                a00 += x0 * x0;
                a01 += x0 * x1;
                a02 += x0 * x2;
                a11 += x1 * x1;
                a12 += x1 * x2;
                a22 += x2 * x2;
                g0 += x0 * ri;
                g1 += x1 * ri;
                g2 += x2 * ri;
            }
            a.copy_from_slice(&[a00, a01, a02, a01, a11, a12, a02, a12, a22]);
            g.copy_from_slice(&[g0, g1, g2]);
        }
        _ => {
            for i in 0..p {
                let ci = &jac[i * n..(i + 1) * n];
                g[i] = dot(ci, r);
                for k in 0..=i {
                    let v = dot(ci, &jac[k * n..(k + 1) * n]);
                    a[i * p + k] = v;
                    a[k * p + i] = v;
                }
            }
        }
    }
    (0..p).all(|j| a[j * p + j].is_finite())
}

/// In-place Cholesky factor L (lower triangle of `m`, row-major p × p) of a
/// symmetric matrix; false where a pivot is not positive.
pub fn cholesky(m: &mut [f64], p: usize) -> bool {
    for j in 0..p {
        let mut s = m[j * p + j];
        for k in 0..j {
            s -= m[j * p + k] * m[j * p + k];
        }
        if s <= 0.0 || !s.is_finite() {
            return false;
        }
        let l = s.sqrt();
        m[j * p + j] = l;
        for i in j + 1..p {
            let mut s = m[i * p + j];
            for k in 0..j {
                s -= m[i * p + k] * m[j * p + k];
            }
            m[i * p + j] = s / l;
        }
    }
    true
}

/// Solves L Lᵀ x = b in place (L from [`cholesky`]).
pub fn cholesky_solve(l: &[f64], p: usize, b: &mut [f64]) {
    for i in 0..p {
        let mut s = b[i];
        for k in 0..i {
            s -= l[i * p + k] * b[k];
        }
        b[i] = s / l[i * p + i];
    }
    for i in (0..p).rev() {
        let mut s = b[i];
        for k in i + 1..p {
            s -= l[k * p + i] * b[k];
        }
        b[i] = s / l[i * p + i];
    }
}
