//! Every Ta of the vacancy model against an independent NumPy solution
//! (tests/data/vacancy_numpy.py, which made the fixture it is compared with).
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::vacancy::{vacancy_model, VacancyParams};

fn defaults() -> VacancyParams {
    VacancyParams::default()
}

/// The arrays named `key` in the fixture, in order of appearance.
fn json_arrays(json: &str, key: &str) -> Vec<Vec<f64>> {
    json.split(&format!("\"{key}\": ["))
        .skip(1)
        .map(|rest| {
            rest[..rest.find(']').unwrap()]
                .split(',')
                .map(|v| v.trim().parse().unwrap())
                .collect()
        })
        .collect()
}

/// The numbers named `key` in the fixture, in order of appearance.
fn json_numbers(json: &str, key: &str) -> Vec<f64> {
    json.split(&format!("\"{key}\": "))
        .skip(1)
        .map(|rest| {
            rest[..rest.find([',', '\n', '}']).unwrap()]
                .trim()
                .parse()
                .unwrap()
        })
        .collect()
}

#[test]
fn every_ta_moment_agrees_with_an_independent_numpy_solution() {
    //! tests/data/vacancy_numpy.py solves the same model with dense NumPy
    //! eigensolves of whole spin blocks (no ribbons; with SOC the whole
    //! complex slab) and SciPy's brentq for μ, from the same perturbed start:
    //! the moments of every Ta must agree.
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/");
    let json = std::fs::read_to_string(format!("{root}vacancy_numpy.json")).unwrap();
    let moments = json_arrays(&json, "siteMoments");
    let charges = json_arrays(&json, "siteCharges");
    let fermi = json_numbers(&json, "fermiEnergy");
    let cases = [
        VacancyParams {
            u_eff: 1.0,
            ..defaults()
        },
        VacancyParams {
            u_eff: 0.75,
            ..defaults()
        },
        VacancyParams {
            u_eff: 2.0,
            ..defaults()
        },
        VacancyParams {
            size: 3,
            layers: 4,
            u_eff: 1.2,
            vacancy_potential: 0.2,
            confinement: 0.4,
            smearing: 0.01,
            ..defaults()
        },
        VacancyParams {
            size: 2,
            layers: 4,
            u_eff: 0.0,
            soc: 0.4,
            ..defaults()
        },
    ];
    assert_eq!(moments.len(), cases.len());
    for (((p, want), mu), charge) in cases.iter().zip(&moments).zip(&fermi).zip(&charges) {
        let r = vacancy_model(&VacancyParams {
            tolerance: 1e-12,
            max_iterations: 5000,
            ..p.clone()
        })
        .unwrap();
        assert!(r.converged);
        assert_eq!(r.site_moments.len(), want.len());
        for (i, (a, b)) in r.site_moments.iter().zip(want).enumerate() {
            assert!(
                (a - b).abs() < 1e-6,
                "U = {}: Ta {i}: {a} vs NumPy {b}",
                p.u_eff
            );
        }
        let per_site = &r.site_charges;
        for (i, (a, b)) in per_site.iter().zip(charge).enumerate() {
            assert!(
                (a - b).abs() < 1e-6,
                "U = {} SOC {}: Ta {i} charge {a} vs NumPy {b}",
                p.u_eff,
                p.soc
            );
        }
        // μ is ill-conditioned where E_F falls between discrete levels.
        assert!(
            (r.fermi_energy - mu).abs() < 1e-5,
            "μ {} vs {mu}",
            r.fermi_energy
        );
    }
}
