//! The shared least-squares module against analytic results and SciPy.
#![cfg(not(target_arch = "wasm32"))]

use ktao::fit::{curve_fit, least_squares};
use ktao::physics::hc2_angle::{fit_hc2_angle, Hc2AngleModel};

#[test]
fn straight_line_matches_the_closed_form_regression() {
    // y = a + b x: the textbook OLS errors are exact for a linear model.
    let x: Vec<f64> = (0..20).map(f64::from).collect();
    let y: Vec<f64> = x
        .iter()
        .map(|&x| 1.5 + 0.25 * x + 0.1 * (x * 1.7).sin())
        .collect();
    let r = curve_fit(
        |x, p| p[0] + p[1] * x,
        &["a", "b"],
        &x,
        &y,
        None,
        &[0.0, 1.0],
    )
    .unwrap();
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let sxx: f64 = x.iter().map(|x| (x - mx).powi(2)).sum();
    let sxy: f64 = x.iter().zip(&y).map(|(x, y)| (x - mx) * (y - my)).sum();
    let b = sxy / sxx;
    let a = my - b * mx;
    let rss: f64 = x.iter().zip(&y).map(|(x, y)| (y - a - b * x).powi(2)).sum();
    let s2 = rss / (n - 2.0);
    let close = |u: f64, v: f64| (u - v).abs() <= 1e-8 * v.abs().max(1e-12);
    assert!(close(r.value("a").unwrap(), a) && close(r.value("b").unwrap(), b));
    assert!(close(r.error("b").unwrap(), (s2 / sxx).sqrt()));
    assert!(close(
        r.error("a").unwrap(),
        (s2 * (1.0 / n + mx * mx / sxx)).sqrt()
    ));
    assert!(close(r.rss, rss));
    assert!(close(r.aic, n * (rss / n).ln() + 4.0));
    assert!(close(r.bic, n * (rss / n).ln() + 2.0 * n.ln()));
    assert_eq!((r.n, r.p), (20, 2));
    assert!(r.converged);
}

#[test]
fn weights_scale_like_curve_fit_with_relative_sigma() {
    // Uniform σ changes neither the parameters nor (absolute_sigma=False) their errors.
    let x: Vec<f64> = (0..10).map(f64::from).collect();
    let y: Vec<f64> = x
        .iter()
        .map(|&x| (0.3 * x).exp() + 0.01 * (3.0 * x).cos())
        .collect();
    let model = |x: f64, p: &[f64]| p[0] * (p[1] * x).exp();
    let plain = curve_fit(model, &["A", "k"], &x, &y, None, &[1.0, 0.2]).unwrap();
    let sig = vec![0.5; x.len()];
    let weighted = curve_fit(model, &["A", "k"], &x, &y, Some(&sig), &[1.0, 0.2]).unwrap();
    for name in ["A", "k"] {
        let (a, b) = (plain.error(name).unwrap(), weighted.error(name).unwrap());
        assert!((a / b - 1.0).abs() < 1e-6, "{name}: {a} vs {b}");
    }
    assert!((weighted.rss / plain.rss - 4.0).abs() < 1e-6);
}

#[test]
fn non_finite_start_is_an_error_and_too_few_points_too() {
    let x = [1.0, 2.0, 3.0];
    let e = curve_fit(
        |x, p| (p[0] * x).ln(),
        &["a"],
        &x,
        &[0.0, 0.7, 1.1],
        None,
        &[-1.0],
    )
    .unwrap_err();
    assert!(e.to_string().contains("not finite at the starting point"));
    let e = least_squares(
        |_, _| {},
        &["a", "b", "c"],
        &[1.0, 2.0],
        None,
        &[1.0, 1.0, 1.0],
    )
    .unwrap_err();
    assert!(e.to_string().contains("2 points for 3 parameters"));
}

/// The committed fixture `tests/data/hc2_angle_scipy.csv` and the parameters
/// SciPy's `curve_fit` found on it (written by `tests/data/hc2_angle_scipy.py`).
#[test]
fn hc2_angle_fits_agree_with_scipy_curve_fit() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/");
    let data = std::fs::read_to_string(format!("{root}hc2_angle_scipy.csv")).unwrap();
    let (mut t, mut h) = (vec![], vec![]);
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("theta"))
    {
        let mut it = line.split(',').map(|v| v.trim().parse::<f64>().unwrap());
        t.push(it.next().unwrap());
        h.push(it.next().unwrap());
    }
    let expected = std::fs::read_to_string(format!("{root}hc2_angle_scipy.json")).unwrap();
    let fits = fit_hc2_angle(&t, &h, None).unwrap();
    for (model, report) in [
        (Hc2AngleModel::Tinkham, &fits.tinkham),
        (Hc2AngleModel::Gl3d, &fits.gl3d),
    ] {
        let key = if model == Hc2AngleModel::Tinkham {
            "tinkham"
        } else {
            "gl3d"
        };
        for name in ["hPerp", "hPar"] {
            for (what, got) in [
                ("value", report.value(name).unwrap()),
                ("error", report.error(name).unwrap()),
            ] {
                let want = json_number(&expected, &format!("{key}.{name}.{what}"));
                assert!(
                    (got / want - 1.0).abs() < 1e-6,
                    "{key} {name} {what}: ktao {got}, SciPy {want}"
                );
            }
        }
    }
}

/// Reads `"key": number` from the flat JSON the fixture script writes.
fn json_number(json: &str, key: &str) -> f64 {
    let pat = format!("\"{key}\": ");
    let start = json.find(&pat).unwrap_or_else(|| panic!("{key} missing")) + pat.len();
    let end = json[start..].find([',', '\n', '}']).unwrap() + start;
    json[start..end].trim().parse().unwrap()
}
