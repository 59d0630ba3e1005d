//! The oxygen-vacancy moment model (Fig. 3, S16–S18): limits that hold for
//! any parameters, the Stoner criterion against the model's own DOS,
//! Kramers degeneracy, Bloch's theorem, and the one calibrated number.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::vacancy::{
    u_scan, vacancy_model, vacancy_model_with_progress, Axis, Vacancies, VacancyError,
    VacancyParams, VacancySite,
};

fn defaults() -> VacancyParams {
    VacancyParams::default()
}

/// A smaller slab for the checks that do not need the default size.
fn small() -> VacancyParams {
    VacancyParams {
        size: 2,
        ..defaults()
    }
}

#[test]
fn without_u_every_moment_vanishes() {
    for p in [
        VacancyParams {
            u_eff: 0.0,
            ..defaults()
        },
        VacancyParams {
            u_eff: 0.0,
            soc: 0.4,
            ..small()
        },
        VacancyParams {
            u_eff: 0.0,
            k_points: 4,
            initial_polarization: 1.0,
            ..defaults()
        },
    ] {
        let r = vacancy_model(&p).unwrap();
        let worst = r.site_moments.iter().fold(0.0f64, |a, m| a.max(m.abs()));
        assert!(worst < 1e-8, "largest |m| {worst} at U = 0 ({p:?})");
        assert!(r.converged);
    }
}

#[test]
fn without_a_vacancy_there_are_no_d_electrons_and_no_moment() {
    let r = vacancy_model(&VacancyParams {
        vacancies: Vacancies::Count(0),
        u_eff: 2.0,
        ..defaults()
    })
    .unwrap();
    assert_eq!(r.electrons, 0.0);
    assert!(r.vacancy_sites.is_empty());
    assert!(r.site_moments.iter().all(|&m| m == 0.0));
    // E_F sits at the conduction-band minimum: no level below it.
    assert!(r.eigenvalues.iter().all(|&e| e >= -1e-12));
}

#[test]
fn the_electron_count_is_conserved() {
    for p in [
        defaults(),
        VacancyParams {
            u_eff: 0.7,
            ..defaults()
        },
        VacancyParams {
            vacancies: Vacancies::Count(3),
            doping: 0.1,
            u_eff: 1.5,
            ..defaults()
        },
        VacancyParams {
            k_points: 3,
            ..small()
        },
        VacancyParams {
            soc: 0.4,
            ..small()
        },
    ] {
        let r = vacancy_model(&p).unwrap();
        let expected =
            2.0 * r.vacancy_sites.len() as f64 + p.doping * (p.layers * p.size * p.size) as f64;
        assert!(
            (r.electrons - expected).abs() < 1e-8,
            "{} electrons, expected {expected}",
            r.electrons
        );
    }
}

#[test]
fn the_largest_moment_rises_with_u() {
    let u: Vec<f64> = (0..=8).map(|i| 0.25 * i as f64).collect();
    let scan = u_scan(&defaults(), &u).unwrap();
    assert_eq!(scan.max_moment[0], 0.0);
    for w in scan.max_moment.windows(2) {
        assert!(w[1] >= w[0] - 1e-9, "not rising: {:?}", scan.max_moment);
    }
    assert!(scan.max_moment[8] > scan.max_moment[4] && scan.max_moment[4] > 0.1);
    assert!(scan.converged.iter().all(|&c| c));
}

#[test]
fn defaults_give_the_papers_0_124_mu_b_on_an_interface_ta() {
    // The calibration (Fig. 3c): the confinement was tuned for this, nothing else.
    let r = vacancy_model(&defaults()).unwrap();
    assert!(r.converged);
    assert!(
        (r.max_moment - 0.124).abs() <= 0.01,
        "largest Ta moment {}",
        r.max_moment
    );
    assert_eq!(
        r.max_moment_site / (r.size * r.size),
        0,
        "not on the interface layer"
    );
    // Layer moments add up to the total moment of the patch.
    let total: f64 = r.layer_moments.iter().sum();
    assert!((total - r.moment_per_cell * 16.0).abs() < 1e-12);
}

#[test]
fn paramagnetic_and_ferromagnetic_starts_reach_the_same_moments() {
    let run = |p0: f64| {
        vacancy_model(&VacancyParams {
            initial_polarization: p0,
            tolerance: 1e-11,
            ..defaults()
        })
        .unwrap()
    };
    let (pm, fm, down) = (run(1e-4), run(1.0), run(-1.0));
    for ((a, b), c) in pm
        .site_moments
        .iter()
        .zip(&fm.site_moments)
        .zip(&down.site_moments)
    {
        assert!((a - b).abs() < 1e-7, "{a} vs {b}");
        // Spin-flip symmetry: a start polarised down ends mirrored.
        assert!((a + c).abs() < 1e-7, "{a} vs {c}");
    }
    assert!(pm.max_moment > 0.1);
}

/// Thermally broadened DOS at E_F per site, spin and orbital:
/// N = Σ_n w_n f(1 − f)/k_BT over all levels (w_n their Brillouin-zone
/// weights), divided by the 6 channels per Ta.
fn dos_at_fermi(eigenvalues: &[f64], weights: &[f64], sites: usize, kt: f64) -> f64 {
    let s: f64 = eigenvalues
        .iter()
        .zip(weights)
        .map(|(&e, &w)| {
            let f = 1.0 / (1.0 + (e / kt).exp());
            w * f * (1.0 - f) / kt
        })
        .sum();
    s / (6 * sites) as f64
}

#[test]
fn a_uniformly_doped_slab_turns_ferromagnetic_where_u_times_n_is_one() {
    //! Stoner: with V_mσ = U(½ − n_mσ), a uniform exchange field h = U m/2 on
    //! every channel polarises each by 2 N h, so the paramagnet is unstable
    //! exactly where U N_mσ(E_F) = 1. In a (111) bilayer without confinement
    //! every site (inversion) and orbital (C3) is equivalent, so the uniform
    //! mode is the one a uniform seed excites. One cell with a fine mesh of
    //! Bloch phases leaves no room for the finite-q (density- or spin-wave)
    //! instabilities that a larger patch would meet first.
    let uniform = VacancyParams {
        layers: 2,
        size: 1,
        k_points: 64,
        vacancies: Vacancies::Count(0),
        confinement: 0.0,
        doping: 0.4,
        smearing: 0.02,
        tolerance: 1e-12,
        max_iterations: 3_000,
        ..defaults()
    };
    let pm = vacancy_model(&VacancyParams {
        u_eff: 0.0,
        ..uniform.clone()
    })
    .unwrap();
    let n = dos_at_fermi(&pm.eigenvalues, &pm.eigenvalue_weights, 2, uniform.smearing);
    let u_c = 1.0 / n;
    let run = |u: f64| {
        vacancy_model(&VacancyParams {
            u_eff: u,
            initial_polarization: 1e-3,
            ..uniform.clone()
        })
        .unwrap()
    };
    // Below: the seed decays and the loop converges to the paramagnet.
    for f in [0.95, 0.99] {
        let below = run(f * u_c);
        assert!(below.converged, "{} steps", below.iterations);
        assert!(below.max_moment < 1e-6, "at {f} U_c: {}", below.max_moment);
    }
    // Above: the seed grows into a moment (the slow approach to the
    // symmetric ferromagnet near U_c is not waited for).
    for f in [1.01, 1.05] {
        let above = run(f * u_c);
        let m = &above.history.max_moment;
        assert!(above.max_moment > 1e-2, "at {f} U_c: {}", above.max_moment);
        assert!(m[m.len() - 1] > 10.0 * m[0]);
        eprintln!(
            "N_mσ(E_F) = {n:.4} /eV, U_c = {u_c:.4} eV, m({f} U_c) = {:.4}",
            above.max_moment
        );
    }
}

#[test]
fn spin_orbit_coupling_keeps_the_spectrum_kramers_degenerate_without_u() {
    let r = vacancy_model(&VacancyParams {
        u_eff: 0.0,
        soc: 0.4,
        ..small()
    })
    .unwrap();
    assert_eq!(r.eigenvalues.len(), 6 * 6 * 4);
    for pair in r.eigenvalues.chunks_exact(2) {
        assert!((pair[0] - pair[1]).abs() < 1e-9, "{pair:?}");
    }
    // And SOC really acts: the spectrum differs from the one without it.
    let off = vacancy_model(&VacancyParams {
        u_eff: 0.0,
        ..small()
    })
    .unwrap();
    let diff = r
        .eigenvalues
        .iter()
        .zip(&off.eigenvalues)
        .fold(0.0f64, |a, (x, y)| a.max((x - y).abs()));
    assert!(diff > 0.05, "SOC moved no level: {diff}");
}

#[test]
fn an_isolated_ta_splits_into_j_eff_3_2_below_and_1_2_above() {
    // One layer, one site: no hopping, only λ L·S: four levels at −λ/2, two at +λ.
    let lambda = 0.4;
    let r = vacancy_model(&VacancyParams {
        layers: 1,
        size: 1,
        vacancies: Vacancies::Count(0),
        doping: 1.0,
        soc: lambda,
        u_eff: 0.0,
        ..defaults()
    })
    .unwrap();
    let e = &r.eigenvalues;
    assert_eq!(e.len(), 6);
    for i in 1..4 {
        assert!((e[i] - e[0]).abs() < 1e-12);
    }
    assert!((e[5] - e[4]).abs() < 1e-12);
    assert!((e[4] - e[0] - 1.5 * lambda).abs() < 1e-12);
}

#[test]
fn bloch_phases_of_one_cell_equal_the_periodic_patch() {
    //! Bloch's theorem: a 3 × 3 patch at Γ holds exactly the states of one
    //! cell at the 3 × 3 mesh of Bloch phases, with and without SOC; with a
    //! U_eff too weak to break the translation symmetry, the self-consistent
    //! solutions agree too.
    for (soc, u_eff) in [(0.0, 0.0), (0.4, 0.0), (0.0, 0.2), (0.4, 0.2)] {
        let base = VacancyParams {
            layers: 3,
            vacancies: Vacancies::Count(0),
            doping: 0.3,
            soc,
            u_eff,
            initial_polarization: 0.3,
            ..defaults()
        };
        let patch = vacancy_model(&VacancyParams {
            size: 3,
            k_points: 1,
            ..base.clone()
        })
        .unwrap();
        let cell = vacancy_model(&VacancyParams {
            size: 1,
            k_points: 3,
            ..base.clone()
        })
        .unwrap();
        assert!(
            (patch.fermi_energy - cell.fermi_energy).abs() < 1e-9,
            "SOC {soc}, U {u_eff}: μ {} vs {}",
            patch.fermi_energy,
            cell.fermi_energy
        );
        let weight = |r: &ktao::physics::vacancy::VacancyResult| -> f64 {
            r.eigenvalue_weights.iter().sum()
        };
        assert!((weight(&patch) - 9.0 * weight(&cell)).abs() < 1e-9);
        assert!((patch.moment_per_cell - cell.moment_per_cell).abs() < 1e-8);
        for (l, (a, b)) in patch
            .layer_moments
            .iter()
            .zip(&cell.layer_moments)
            .enumerate()
        {
            assert!((a / 9.0 - b).abs() < 1e-8, "layer {l}: {a} vs {b}");
        }
        for (a, b) in patch.pdos.layers[0].up.iter().zip(&cell.pdos.layers[0].up) {
            assert!((a - b).abs() < 1e-8);
        }
    }
}

#[test]
fn the_pdos_holds_every_state() {
    let r = vacancy_model(&defaults()).unwrap();
    let de = r.pdos.energy[1] - r.pdos.energy[0];
    let states: f64 = r
        .pdos
        .layers
        .iter()
        .flat_map(|l| l.up.iter().chain(&l.down))
        .sum::<f64>()
        * de
        * 16.0;
    let expected = 6.0 * 96.0;
    assert!((states / expected - 1.0).abs() < 1e-3, "{states} states");
    // Occupied states on the majority side: the spin-up PDOS weighs more below E_F.
    let below = |v: &Vec<f64>| -> f64 {
        v.iter()
            .zip(&r.pdos.energy)
            .filter(|p| *p.1 < 0.0)
            .map(|p| p.0)
            .sum()
    };
    assert!(below(&r.pdos.layers[0].up) > below(&r.pdos.layers[0].down));
}

#[test]
fn explicit_vacancies_match_a_count_and_cut_their_bond() {
    let counted = vacancy_model(&defaults()).unwrap();
    let placed = vacancy_model(&VacancyParams {
        vacancies: Vacancies::Sites(vec![VacancySite {
            layer: 0,
            m: 0,
            n: 0,
            axis: Axis::X,
        }]),
        ..defaults()
    })
    .unwrap();
    assert_eq!(counted.vacancy_sites, placed.vacancy_sites);
    assert_eq!(counted.site_moments, placed.site_moments);
    // By the threefold axis of the slab, a vacancy on a y bond gives the same largest moment.
    let y = vacancy_model(&VacancyParams {
        vacancies: Vacancies::Sites(vec![VacancySite {
            layer: 0,
            m: 1,
            n: 2,
            axis: Axis::Y,
        }]),
        ..defaults()
    })
    .unwrap();
    assert!((y.max_moment - counted.max_moment).abs() < 1e-7);
}

#[test]
fn progress_is_reported_every_step_and_false_cancels() {
    let mut seen = Vec::new();
    let r = vacancy_model_with_progress(&defaults(), &mut |it, res| {
        seen.push((it, res));
        true
    })
    .unwrap();
    assert_eq!(seen.len(), r.iterations);
    assert_eq!(seen.last().map(|s| s.1), Some(r.residual));
    assert_eq!(r.history.residual.len(), r.iterations);
    let stopped = vacancy_model_with_progress(&defaults(), &mut |it, _| it < 3);
    assert_eq!(
        stopped.unwrap_err(),
        VacancyError::Cancelled { iteration: 3 }
    );
}

#[test]
fn bad_input_is_refused_with_a_message_naming_it() {
    let msg = |p: VacancyParams| vacancy_model(&p).unwrap_err().to_string();
    assert!(msg(VacancyParams {
        layers: 0,
        ..defaults()
    })
    .contains("layers must lie between 1 and 64, got 0"));
    assert!(msg(VacancyParams {
        size: 0,
        ..defaults()
    })
    .contains("size must lie between 1 and 32, got 0"));
    assert!(msg(VacancyParams {
        u_eff: f64::NAN,
        ..defaults()
    })
    .contains("uEff must lie between 0 and 10, got NaN"));
    assert!(msg(VacancyParams {
        hopping: -0.5,
        ..defaults()
    })
    .contains("hopping must be a positive finite hopping in eV"));
    assert!(msg(VacancyParams {
        smearing: 0.0,
        ..defaults()
    })
    .contains("smearing"));
    assert!(msg(VacancyParams {
        mixing: 1.5,
        ..defaults()
    })
    .contains("mixing must lie between 0 and 1"));
    let outside = |layer: i64, m: i64| {
        msg(VacancyParams {
            vacancies: Vacancies::Sites(vec![VacancySite {
                layer,
                m,
                n: 0,
                axis: Axis::Z,
            }]),
            ..defaults()
        })
    };
    assert!(outside(5, 0)
        .contains("vacancies[0] (layer 5, m 0, n 0) lies outside the slab: layer must be 0 to 4"));
    assert!(outside(0, 4).contains("m and n 0 to 3"));
    assert!(outside(-1, 0).contains("lies outside the slab"));
    let twice = VacancySite {
        layer: 0,
        m: 1,
        n: 1,
        axis: Axis::Y,
    };
    assert!(msg(VacancyParams {
        vacancies: Vacancies::Sites(vec![twice, twice]),
        ..defaults()
    })
    .contains("vacancies[1] repeats vacancies[0]"));
    assert!(msg(VacancyParams {
        vacancies: Vacancies::Count(49),
        ..defaults()
    })
    .contains("only 48"));
    assert!(msg(VacancyParams {
        layers: 1,
        ..defaults()
    })
    .contains("layers must be at least 2"));
    assert!(msg(VacancyParams {
        doping: 5.99,
        ..defaults()
    })
    .contains("do not fit into the t2g bands, which hold 576"));
    assert!(msg(VacancyParams {
        layers: 40,
        size: 20,
        ..defaults()
    })
    .contains("spin-orbitals"));
    let scan = |u: &[f64]| u_scan(&small(), u).unwrap_err().to_string();
    assert!(scan(&[]).contains("uValues must not be empty"));
    assert!(scan(&[0.0, f64::NAN]).contains("uValues[1] must be a finite number"));
    assert!(scan(&[1.0, -0.5]).contains("uValues[1] must lie between 0 and 10, got -0.5"));
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
