//! Hall effect, Fig. 1c: slopes, densities, carriers, the presets.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::hall::{
    density_from_slope, fig1c_fields, hall_curve, hall_density, mobility, slope_from_density,
    Carrier,
};
use ktao::physics::resistive::rt_model;
use ktao::physics::transport::{lao_kto, yao_kto};

#[test]
fn papers_densities_are_slopes_of_8p574_and_4p304_ohm_per_tesla() {
    assert!((slope_from_density(7.28e13) - 8.574).abs() < 5e-4);
    assert!((slope_from_density(1.45e14) - 4.304).abs() < 5e-4);
    assert!((density_from_slope(-8.574) / 7.28e13 - 1.0).abs() < 1e-4);
    // μ = 1/(n e R): 1e14 cm⁻² at 1 kΩ is 62.4 cm²/(V·s).
    assert!((mobility(1e14, 1000.0) - 62.415).abs() < 1e-2);
}

#[test]
fn exact_line_with_offset_gives_density_carrier_and_mobility() {
    let b = fig1c_fields();
    let rxy: Vec<f64> = b.iter().map(|&b| 3.0 - 8.574 * b).collect();
    let h = hall_density(&b, &rxy, Some(1568.0)).unwrap();
    assert_eq!(h.carrier, Carrier::Electrons);
    assert!((h.offset_ohm - 3.0).abs() < 1e-10 && (h.slope_ohm_per_t + 8.574).abs() < 1e-12);
    assert!((h.n_cm2 / 7.28e13 - 1.0).abs() < 1e-4);
    assert!(h.n_error < 1e-6 * h.n_cm2);
    assert!((h.mobility_cm2_vs.unwrap() - mobility(h.n_cm2, 1568.0)).abs() < 1e-9);
    let holes: Vec<f64> = b.iter().map(|&b| 4.304 * b).collect();
    let h = hall_density(&b, &holes, None).unwrap();
    assert_eq!(h.carrier, Carrier::Holes);
    assert_eq!(h.mobility_cm2_vs, None);
}

#[test]
fn preset_curves_at_5_kelvin_give_the_papers_densities() {
    let b = fig1c_fields();
    for (p, n) in [(lao_kto(), 7.28e13), (yao_kto(), 1.45e14)] {
        let rxy = hall_curve(&p, &b).unwrap();
        let rs = rt_model(&p, &[5.0]).unwrap()[0];
        let h = hall_density(&b, &rxy, Some(rs)).unwrap();
        println!(
            "{}: n = {:e} ± {:e} cm^-2, mu = {:?} cm2/Vs",
            p.name, h.n_cm2, h.n_error, h.mobility_cm2_vs
        );
        assert!((h.n_cm2 / n - 1.0).abs() < 0.005, "{}", h.n_cm2);
        assert!((h.offset_ohm - p.hall_offset_ohm).abs() < 0.05);
        assert_eq!(h.carrier, Carrier::Electrons);
    }
}

#[test]
fn bad_input_is_refused_naming_the_parameter() {
    let msg =
        |b: &[f64], r: &[f64], rs: Option<f64>| hall_density(b, r, rs).unwrap_err().to_string();
    assert!(msg(&[], &[], None).contains("fieldT must not be empty"));
    assert!(msg(&[1.0, 2.0], &[1.0], None).contains("rxyOhm has 1 values but fieldT has 2"));
    assert!(msg(&[1.0, f64::NAN], &[1.0, 2.0], None).contains("fieldT[1] must be a finite number"));
    assert!(msg(&[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0], Some(-5.0))
        .contains("sheetResistanceOhm must be a positive"));
    assert!(msg(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0], None).contains("fieldT has no spread"));
    assert!(msg(&[1.0, 2.0], &[1.0, 2.0], None).contains("2 points for 2 parameters"));
    assert!(msg(&[-1.0, 0.0, 1.0, 2.0], &[1.0, -1.0, 1.0, -1.0], None)
        .contains("not distinguishable from zero"));
    let mut p = lao_kto();
    p.n_cm2 = -1.0;
    assert!(hall_curve(&p, &[1.0])
        .unwrap_err()
        .to_string()
        .contains("params.nCm2"));
}
