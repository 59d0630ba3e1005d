//! Oxygen annealing (Fig. 5): the paper's four samples in the paper's order,
//! the mass-action law, and the moment per vacancy taken from the vacancy model.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::annealing::{
    annealing, cell_area_cm2, AnnealingParams, MOMENT_PER_VACANCY_MU_B, PAPER_PRESSURES_MBAR,
};
use ktao::physics::constants::E_CHARGE_C;
use ktao::physics::vacancy::{vacancy_model, VacancyParams};

#[test]
fn the_papers_four_samples_come_out_in_the_papers_order() {
    // As grown, then 2e-6, 1e-2 and 1 mbar: R_s up, n down, m down (Fig. 5a–d).
    let s = annealing(&AnnealingParams::default(), &PAPER_PRESSURES_MBAR).unwrap();
    for w in s.windows(2) {
        assert!(w[1].sheet_resistance > w[0].sheet_resistance);
        assert!(w[1].carrier_density_cm2 < w[0].carrier_density_cm2);
        assert!(w[1].moment_per_cell < w[0].moment_per_cell);
    }
    // "An almost vanishing magnetic hysteresis loop" at 1 mbar.
    let ratio = s[3].moment_per_cell / s[0].moment_per_cell;
    assert!(ratio < 0.1, "m(1 mbar)/m(as grown) = {ratio}");
}

#[test]
fn the_as_grown_sample_is_the_hall_sample_of_fig_1c() {
    let p = AnnealingParams::default();
    let s = annealing(&p, &[0.0]).unwrap();
    assert!((s[0].carrier_density_cm2 / 7.28e13 - 1.0).abs() < 1e-12);
    assert!((s[0].vacancy_density / 3.64e13 - 1.0).abs() < 1e-12);
    // R_s = 1/(n e μ) in SI.
    let r = 1.0 / (7.28e17 * E_CHARGE_C * 40e-4);
    assert!((s[0].sheet_resistance / r - 1.0).abs() < 1e-12);
    // 3.64e13 cm⁻² vacancies on 27.56 Å² cells, 2 μ_B each: 0.20 μ_B per cell,
    // the ≈ 0.2 μ_B per interface cell of Fig. 2.
    assert!((cell_area_cm2() / 27.56e-16 - 1.0).abs() < 1e-3);
    assert!(
        (s[0].moment_per_cell - 0.2006).abs() < 0.001,
        "{}",
        s[0].moment_per_cell
    );
}

#[test]
fn above_the_onset_the_density_follows_the_mass_action_law() {
    let p = AnnealingParams {
        exponent: 0.25,
        ..AnnealingParams::default()
    };
    let s = annealing(&p, &[1e-4, 1e-2, 1e-8]).unwrap();
    let expected = (1e-2f64 / 1e-4).powf(-0.25);
    assert!((s[1].vacancy_density / s[0].vacancy_density / expected - 1.0).abs() < 1e-12);
    // Below the onset pressure (1e-7 mbar) the as-grown density is the cap.
    assert_eq!(s[2].vacancy_density, 3.64e13);
    // Half the electrons itinerant: the same carriers need twice the vacancies.
    let half = annealing(
        &AnnealingParams {
            itinerant_fraction: 0.5,
            ..AnnealingParams::default()
        },
        &[0.0],
    )
    .unwrap();
    assert!((half[0].vacancy_density / 7.28e13 - 1.0).abs() < 1e-12);
}

#[test]
fn the_moment_per_vacancy_is_the_vacancy_models() {
    // One vacancy per 4 × 4 interface cells at the model's defaults.
    let r = vacancy_model(&VacancyParams::default()).unwrap();
    let per_vacancy = r.moment_per_cell * 16.0;
    assert!(
        (per_vacancy - MOMENT_PER_VACANCY_MU_B).abs() < 1e-3,
        "{per_vacancy}"
    );
}

#[test]
fn bad_input_is_refused_with_a_message_naming_it() {
    let p = AnnealingParams::default();
    let msg = |p: &AnnealingParams, x: &[f64]| annealing(p, x).unwrap_err().to_string();
    assert!(msg(&p, &[]).contains("pO2Mbar must not be empty"));
    assert!(msg(&p, &[1.0, f64::NAN]).contains("pO2Mbar[1] must be a finite number"));
    assert!(msg(&p, &[-1e-3]).contains("pO2Mbar[0] must lie between 0 and 10000, got -0.001"));
    let bad = |q: AnnealingParams| msg(&q, &[1.0]);
    assert!(bad(AnnealingParams {
        exponent: 0.0,
        ..p.clone()
    })
    .contains("exponent must be a positive finite exponent"));
    assert!(bad(AnnealingParams {
        mobility: f64::INFINITY,
        ..p.clone()
    })
    .contains("mobility must be a positive finite"));
    assert!(bad(AnnealingParams {
        itinerant_fraction: 1.5,
        ..p.clone()
    })
    .contains("itinerantFraction must lie between 0 and 1"));
    assert!(bad(AnnealingParams {
        onset_pressure: -1.0,
        ..p.clone()
    })
    .contains("onsetPressure must be a positive finite pressure in mbar"));
    assert!(bad(AnnealingParams {
        as_grown_carrier_density: f64::NAN,
        ..p
    })
    .contains("asGrownCarrierDensity"));
}
