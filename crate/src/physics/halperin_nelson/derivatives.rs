//! The Halperin–Nelson law's first and second derivatives in its
//! parameters (R0 in Ω/□, b, T_BKT in K), which the fit evaluates in one
//! pass with its values.

use crate::fast_exp::exp;

/// The law above T_BKT at `t_k` (K) from s = τ^(−½) (τ = T/T_BKT − 1),
/// e = exp(−b s) and 1/T_BKT: R (Ω/□) and its gradient in (R0, b, T_BKT),
/// ∂R/∂R0 = e, ∂R/∂b = −Rs, ∂R/∂T_BKT = −bRq with q = ∂s/∂T_BKT =
/// s³T/(2T_BKT²).
pub(super) fn law_gradient(t_k: f64, itb: f64, s: f64, e: f64, r0: f64, b: f64) -> [f64; 4] {
    let f = r0 * e;
    let q = 0.5 * s * s * s * t_k * itb * itb;
    [f, e, -f * s, -b * f * q]
}

/// The law's second derivatives above T_BKT at `t_k` (K), from √τ, s =
/// 1/√τ, e = exp(−b s) and 1/T_BKT, in the pairs (R0,R0), (R0,b), (R0,T_BKT), (b,b),
/// (b,T_BKT), (T_BKT,T_BKT): with s and q as in [`law_gradient`], and
/// ∂q/∂T_BKT = 3q²/s − 2q/T_BKT, ∂²R/∂R0∂b = −es, ∂²R/∂R0∂T_BKT = −beq,
/// ∂²R/∂b² = Rs², ∂²R/∂b∂T_BKT = Rq(bs − 1) and
/// ∂²R/∂T_BKT² = bRq(bq − 3q√τ + 2/T_BKT).
pub(super) fn law_hessian(
    t_k: f64,
    itb: f64,
    root: f64,
    s: f64,
    e: f64,
    r0: f64,
    b: f64,
) -> [f64; 6] {
    let f = r0 * e;
    let q = 0.5 * s * s * s * t_k * itb * itb;
    [
        0.0,
        -e * s,
        -b * e * q,
        f * s * s,
        f * q * (b * s - 1.0),
        b * f * q * (b * q - 3.0 * q * root + 2.0 * itb),
    ]
}

/// [`super::hn_law`] at `t_k` (K) with its gradient in (R0, b, T_BKT) and its
/// second derivatives (pairs as in the fit: (R0,R0), (R0,b), (R0,T_BKT),
/// (b,b), (b,T_BKT), (T_BKT,T_BKT)); `None` at and below T_BKT, where the
/// law is 0. What the fit evaluates, exposed for its test against
/// differences of [`super::hn_law`].
pub fn hn_law_derivatives(
    t_k: f64,
    r0: f64,
    b: f64,
    t_bkt: f64,
) -> Option<(f64, [f64; 3], [f64; 6])> {
    let itb = 1.0 / t_bkt;
    let tau = t_k * itb - 1.0;
    (tau > 0.0).then(|| {
        let root = tau.sqrt();
        let e = exp(-b / root);
        let s = 1.0 / root;
        let [f, d_r0, d_b, d_tb] = law_gradient(t_k, itb, s, e, r0, b);
        (
            f,
            [d_r0, d_b, d_tb],
            law_hessian(t_k, itb, root, s, e, r0, b),
        )
    })
}
