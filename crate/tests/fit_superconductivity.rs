//! The superconductivity fits against SciPy's `curve_fit` on committed
//! fixtures (each made by the Python script beside it in `tests/data/`), and
//! the closed-form straight line against the iterative fit.
#![cfg(not(target_arch = "wasm32"))]

use ktao::fit::{curve_fit, straight_line};
use ktao::physics::gl_hc2::{fit_gl_hc2, gl_hc2_start};
use ktao::physics::halperin_nelson::{fit_halperin_nelson, hn_start, HnWindow};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/");

/// The numeric columns of a fixture CSV (comment and header lines skipped).
fn columns(file: &str) -> Vec<Vec<f64>> {
    let text = std::fs::read_to_string(format!("{ROOT}{file}")).unwrap();
    let rows: Vec<Vec<f64>> = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .map(|l| l.split(',').map(|v| v.trim().parse().unwrap()).collect())
        .collect();
    (0..rows[0].len())
        .map(|k| rows.iter().map(|r| r[k]).collect())
        .collect()
}

/// Reads `"key": number` from the flat JSON a fixture script writes.
fn json_number(json: &str, key: &str) -> f64 {
    let pat = format!("\"{key}\": ");
    let start = json.find(&pat).unwrap_or_else(|| panic!("{key} missing")) + pat.len();
    let end = json[start..].find([',', '\n', '}']).unwrap() + start;
    json[start..end].trim().parse().unwrap()
}

/// The `"p0": [a, b, c]` array of a fixture.
fn json_p0(json: &str) -> Vec<f64> {
    let start = json.find("\"p0\": [").unwrap() + 7;
    let end = json[start..].find(']').unwrap() + start;
    json[start..end]
        .split(',')
        .map(|v| v.trim().parse().unwrap())
        .collect()
}

fn agree(what: &str, got: f64, want: f64, tol: f64) {
    assert!(
        (got / want - 1.0).abs() < tol,
        "{what}: ktao {got}, SciPy {want}"
    );
}

#[test]
fn halperin_nelson_fit_agrees_with_scipy_curve_fit() {
    let c = columns("halperin_nelson_scipy.csv");
    let (t, r) = (&c[0], &c[1]);
    let json = std::fs::read_to_string(format!("{ROOT}halperin_nelson_scipy.json")).unwrap();
    // The same starting point as the script's.
    for (got, want) in hn_start(t, r).iter().zip(json_p0(&json)) {
        agree("p0", *got, want, 1e-9);
    }
    let window = HnWindow {
        t_min: Some(t[0]),
        t_max: Some(t[t.len() - 1]),
    };
    let fit = fit_halperin_nelson(t, r, &window).unwrap();
    assert!(fit.converged, "{}", fit.message);
    for name in ["r0", "b", "tBkt"] {
        agree(
            name,
            fit.value(name).unwrap(),
            json_number(&json, &format!("{name}.value")),
            1e-6,
        );
        agree(
            name,
            fit.error(name).unwrap(),
            json_number(&json, &format!("{name}.error")),
            1e-6,
        );
    }
}

#[test]
fn joint_gl_fit_agrees_with_scipy_curve_fit() {
    let c = columns("gl_hc2_scipy.csv");
    let (t, hp, hl) = (&c[0], &c[1], &c[2]);
    let json = std::fs::read_to_string(format!("{ROOT}gl_hc2_scipy.json")).unwrap();
    for (got, want) in gl_hc2_start(t, hp, t, hl)
        .unwrap()
        .iter()
        .zip(json_p0(&json))
    {
        agree("p0", *got, want, 1e-9);
    }
    let fit = fit_gl_hc2(t, hp, t, hl).unwrap();
    assert!(fit.converged, "{}", fit.message);
    for name in ["tc", "xiNm", "dNm"] {
        agree(
            name,
            fit.value(name).unwrap(),
            json_number(&json, &format!("{name}.value")),
            1e-6,
        );
        agree(
            name,
            fit.error(name).unwrap(),
            json_number(&json, &format!("{name}.error")),
            1e-6,
        );
    }
}

#[test]
fn closed_form_line_equals_the_iterative_fit_with_weights() {
    let x: Vec<f64> = (0..15).map(|k| 1.0 + 0.3 * f64::from(k)).collect();
    let y: Vec<f64> = x
        .iter()
        .map(|&x| 2.0 - 0.7 * x + 0.05 * (5.0 * x).sin())
        .collect();
    let s: Vec<f64> = x.iter().map(|&x| 0.1 + 0.02 * x).collect();
    let line = straight_line(["a", "b"], &x, &y, Some(&s)).unwrap();
    let lm = curve_fit(
        |x, p| p[0] + p[1] * x,
        &["a", "b"],
        &x,
        &y,
        Some(&s),
        &[0.0, 0.0],
    )
    .unwrap();
    for name in ["a", "b"] {
        agree(
            name,
            line.value(name).unwrap(),
            lm.value(name).unwrap(),
            1e-8,
        );
        agree(
            name,
            line.error(name).unwrap(),
            lm.error(name).unwrap(),
            1e-6,
        );
    }
    agree("rss", line.rss, lm.rss, 1e-8);
    agree("aic", line.aic, lm.aic, 1e-8);
    assert!(
        straight_line(["a", "b"], &[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0], None)
            .unwrap_err()
            .to_string()
            .contains("x has no spread")
    );
    assert!(straight_line(["a", "b"], &[1.0, 2.0], &[1.0, 2.0], None)
        .unwrap_err()
        .to_string()
        .contains("2 points for 2 parameters"));
}
