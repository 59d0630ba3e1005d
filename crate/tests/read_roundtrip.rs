//! Round trips: synthetic data from a model, written as a MultiVu `.dat` and
//! as CSV the way instruments and spreadsheets write them, read back, and
//! analysed: the generating parameters come back within their errors.
//!
//! H_c2(θ) (Fig. 1d) here; the loops, ZFC/FC, R(T), I–V and Hall go
//! through the page's analyses in analysis_roundtrip.rs.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::hc2_angle::{
    fig1d_data, fit_hc2_angle, Hc2AngleFits, FIG1D_H_PAR_T, FIG1D_H_PERP_T, FIG1D_SEED,
};
use ktao::read::columns::{find, Quantity};
use ktao::read::units::factor;
use ktao::read::{read_data_file, Format, Instrument};

/// MultiVu's number format: six decimals and a three-digit exponent
/// (`1.285714e+003`).
fn multivu(v: f64) -> String {
    let s = format!("{v:.6e}");
    let (m, e) = s.split_once('e').unwrap();
    let e: i32 = e.parse().unwrap();
    format!("{m}e{}{:03}", if e < 0 { '-' } else { '+' }, e.abs())
}

fn recovered(fits: &Hc2AngleFits) {
    let t = &fits.tinkham;
    for (name, truth) in [("hPerp", FIG1D_H_PERP_T), ("hPar", FIG1D_H_PAR_T)] {
        let (p, e) = (t.value(name).unwrap(), t.error(name).unwrap());
        assert!(
            (p - truth).abs() < 3.0 * e,
            "{name}: {p} ± {e}, true {truth}"
        );
    }
    assert_eq!(
        fits.preferred,
        ktao::physics::hc2_angle::Hc2AngleModel::Tinkham
    );
}

#[test]
fn hc2_angle_through_a_multivu_dat_file() {
    let data = fig1d_data(FIG1D_H_PERP_T, FIG1D_H_PAR_T, 0.02, FIG1D_SEED).unwrap();
    let mut dat = String::from(
        "[Header]\r\n; written by ktao's round-trip test\r\nTITLE,Hc2(theta) at 1.6 K\r\n\
         FILEOPENTIME,30422650.78,12/18/2024,10:42 AM\r\nBYAPP, Resistivity, 2.1, 1.0\r\n\
         INFO, APPNAME, PPMS MultiVu Application, 1.5.11\r\n[Data]\r\n\
         Comment,Time Stamp (sec),Temperature (K),Magnetic Field (Oe),Sample Position (deg),\r\n",
    );
    for (i, (t, h)) in data.theta_deg.iter().zip(&data.hc2).enumerate() {
        // The field column in oersted: 1 T ↔ 10⁴ Oe.
        dat += &format!(
            ",{},{},{},{},\r\n",
            multivu(30_423_000.0 + 60.0 * i as f64),
            multivu(1.6),
            multivu(h * 1e4),
            multivu(*t)
        );
    }
    let f = read_data_file(dat.as_bytes(), "hc2-theta.dat").unwrap();
    assert_eq!(
        (f.format, f.instrument),
        (Format::MultiVu, Some(Instrument::PpmsResistivity))
    );
    assert_eq!(f.rows, data.theta_deg.len());
    let theta = find(&f, Quantity::Angle, 1, None).unwrap();
    let field = find(&f, Quantity::Field, 1, None).unwrap();
    assert_eq!(theta.header, "Sample Position (deg)");
    let to_t = factor(field.unit.as_deref().unwrap(), "T").unwrap();
    let hc2: Vec<f64> = field.values.iter().map(|v| v * to_t).collect();
    let fits = fit_hc2_angle(&theta.values, &hc2, None).unwrap();
    recovered(&fits);
    // And the same fit as on the data before writing, to the 7 digits written.
    let direct = fit_hc2_angle(&data.theta_deg, &data.hc2, None).unwrap();
    let rel =
        (fits.tinkham.value("hPar").unwrap() / direct.tinkham.value("hPar").unwrap() - 1.0).abs();
    assert!(rel < 1e-5, "{rel}");
}

#[test]
fn hc2_angle_through_a_csv_in_millitesla_with_a_named_column() {
    let data = fig1d_data(FIG1D_H_PERP_T, FIG1D_H_PAR_T, 0.02, FIG1D_SEED).unwrap();
    let mut csv = String::from("\u{FEFF}theta (deg),Hc2 (mT)\n");
    for (t, h) in data.theta_deg.iter().zip(&data.hc2) {
        csv += &format!("{t},{}\n", h * 1e3);
    }
    let f = read_data_file(csv.as_bytes(), "hc2.csv").unwrap();
    assert_eq!(f.format, Format::Csv);
    // No quantity is called Hc2: the analysis names its column.
    let field = find(&f, Quantity::Field, 1, Some("Hc2 (mT)")).unwrap();
    assert_eq!((field.unit.as_deref(), field.scale), (Some("T"), 1e-3));
    let theta = find(&f, Quantity::Angle, 1, None).unwrap();
    let fits = fit_hc2_angle(&theta.values, &field.values, None).unwrap();
    recovered(&fits);
    for (a, b) in field.values.iter().zip(&data.hc2) {
        assert!((a - b).abs() <= 1e-15 * b.abs() * 10.0, "{a} vs {b}");
    }
}
