//! The minimiser's second-order steps (`least_squares_second_order`): the
//! same minimum, errors and stopping test as Gauss–Newton's, reached in
//! fewer evaluations where the model fits its data badly.
#![cfg(not(target_arch = "wasm32"))]

use ktao::fit::{least_squares_fused, least_squares_second_order, FitReport};

/// a·exp(−k t) with its Jacobian and, when asked, its second derivatives
/// (pairs (a,a), (a,k), (k,k)).
fn decay(t: &[f64], p: &[f64], out: &mut [f64], jac: Option<&mut [f64]>, hess: Option<&mut [f64]>) {
    let n = t.len();
    for (i, &ti) in t.iter().enumerate() {
        let e = (-p[1] * ti).exp();
        out[i] = p[0] * e;
    }
    if let Some(j) = jac {
        for (i, &ti) in t.iter().enumerate() {
            let e = (-p[1] * ti).exp();
            (j[i], j[n + i]) = (e, -p[0] * ti * e);
        }
    }
    if let Some(h) = hess {
        for (i, &ti) in t.iter().enumerate() {
            let e = (-p[1] * ti).exp();
            (h[i], h[n + i], h[2 * n + i]) = (0.0, -ti * e, p[0] * ti * ti * e);
        }
    }
}

/// Both fits of the decay to `y` (weights 1/σ² when given) from (1, 1).
fn both_fits(t: &[f64], y: &[f64], sigma: Option<&[f64]>) -> (FitReport, FitReport) {
    let names = ["a", "k"];
    let gn = least_squares_fused(
        |p, out, jac| decay(t, p, out, jac, None),
        &names,
        y,
        sigma,
        &[1.0, 1.0],
    )
    .unwrap();
    let newton = least_squares_second_order(
        |p, out, jac, hess| decay(t, p, out, jac, hess),
        &names,
        y,
        sigma,
        &[1.0, 1.0],
    )
    .unwrap();
    (gn, newton)
}

#[test]
fn a_bad_model_reaches_gauss_newtons_minimum_in_under_half_the_evaluations() {
    // A decay fitted to a Gaussian bump: large residuals at the minimum,
    // where Gauss–Newton converges linearly (29 evaluations, weighted 27;
    // Newton 10 and 10).
    let t: Vec<f64> = (0..40).map(|k| 0.1 * f64::from(k)).collect();
    let y: Vec<f64> = t.iter().map(|&t| (-(t - 1.0) * (t - 1.0)).exp()).collect();
    let sigma: Vec<f64> = t.iter().map(|&t| 0.1 + 0.02 * t).collect();
    for s in [None, Some(sigma.as_slice())] {
        let (gn, newton) = both_fits(&t, &y, s);
        assert!(gn.converged && newton.converged, "{}", newton.message);
        // Each stops within 1e-6 standard errors of the minimum.
        for ((name, a), ((_, b), (_, e))) in
            gn.params.iter().zip(newton.params.iter().zip(&gn.errors))
        {
            assert!((a - b).abs() < 2e-6 * e, "{name}: {a} vs {b} (σ {e})");
        }
        for ((name, a), (_, b)) in gn.errors.iter().zip(&newton.errors) {
            assert!((a / b - 1.0).abs() < 1e-6, "{name} error: {a} vs {b}");
        }
        assert!(
            2 * newton.iterations < gn.iterations,
            "Newton {} evaluations, Gauss–Newton {}",
            newton.iterations,
            gn.iterations
        );
    }
}

#[test]
fn a_model_that_fits_exactly_gives_gauss_newtons_fit() {
    // Zero residuals: C = 0, and the Newton step is the Gauss–Newton one.
    let t: Vec<f64> = (0..30).map(|k| 0.1 * f64::from(k)).collect();
    let y: Vec<f64> = t.iter().map(|&t| 2.5 * (-0.8 * t).exp()).collect();
    let (gn, newton) = both_fits(&t, &y, None);
    assert_eq!(gn.iterations, newton.iterations);
    for ((_, a), (_, b)) in gn.params.iter().zip(&newton.params) {
        assert!((a / b - 1.0).abs() < 1e-12, "{a} vs {b}");
    }
    assert!((newton.params[1].1 - 0.8).abs() < 1e-9);
}
