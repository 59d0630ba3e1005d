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
fn the_pdos_summed_over_layers_and_spins_is_a_gaussian_on_every_level() {
    // Each state's weights add up to 1 over the channels, so Σ_layers,spins
    // D(E)·L² = Σ_k w_k g(E − ε_k): a direct sum of exponentials, against the
    // library's recurrence over the grid (cut at 6σ, where g < 1.6e-8 g(0)).
    let r = vacancy_model(&defaults()).unwrap();
    let sigma = defaults().pdos_broadening;
    let norm = 1.0 / ((2.0 * std::f64::consts::PI).sqrt() * sigma);
    for i in (0..r.pdos.energy.len()).step_by(7) {
        let e = r.pdos.energy[i];
        let direct: f64 = r
            .eigenvalues
            .iter()
            .zip(&r.eigenvalue_weights)
            .map(|(&ek, &wk)| wk * norm * (-0.5 * ((e - ek) / sigma).powi(2)).exp())
            .sum();
        let summed: f64 = r
            .pdos
            .layers
            .iter()
            .map(|l| l.up[i] + l.down[i])
            .sum::<f64>()
            * 16.0;
        assert!(
            (summed - direct).abs() <= 1e-6 * norm.max(direct),
            "E − E_F = {e}: {summed} vs {direct}"
        );
    }
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
fn a_restart_from_the_converged_density_takes_one_step_to_the_same_solution() {
    let cold = vacancy_model(&defaults()).unwrap();
    assert!(
        cold.iterations > 10,
        "the cold start took {}",
        cold.iterations
    );
    assert_eq!(cold.density.len(), cold.matrix_size);
    // The density adds up to the electrons, and the moments are read off it.
    let total: f64 = cold.density.iter().sum();
    assert!((total - cold.electrons).abs() < 1e-12 && (total - 2.0).abs() < 1e-9);
    let m0 = (cold.density[0] - cold.density[1])
        + (cold.density[2] - cold.density[3])
        + (cold.density[4] - cold.density[5]);
    assert!((m0 - cold.site_moments[0]).abs() < 1e-15);

    let warm = vacancy_model(&VacancyParams {
        start_density: Some(cold.density.clone()),
        ..defaults()
    })
    .unwrap();
    assert!(warm.converged);
    assert_eq!(warm.iterations, 1);
    // One more step from a density converged to 1e-9: the same solution to
    // far below the 4 shown digits.
    assert!((warm.max_moment - cold.max_moment).abs() < 1e-8);
    // Equivalent Ta carry it to 1e-9: the layer, not the site, is the same.
    assert_eq!(warm.max_moment_site / 16, cold.max_moment_site / 16);
    for (a, b) in warm.layer_moments.iter().zip(&cold.layer_moments) {
        assert!((a - b).abs() < 1e-8, "{a} vs {b}");
    }
    assert!((warm.fermi_energy - cold.fermi_energy).abs() < 1e-8);
}

#[test]
fn a_restart_from_another_solution_still_converges_to_this_one() {
    // The solution at U_eff = 0.75 eV as the start at U_eff = 1 eV: the loop
    // runs on to the U_eff = 1 eV solution of a cold start.
    let other = vacancy_model(&VacancyParams {
        u_eff: 0.75,
        ..defaults()
    })
    .unwrap();
    let cold = vacancy_model(&defaults()).unwrap();
    let from_other = vacancy_model(&VacancyParams {
        start_density: Some(other.density),
        ..defaults()
    })
    .unwrap();
    assert!(from_other.converged && from_other.iterations > 1);
    assert!((from_other.max_moment - cold.max_moment).abs() < 1e-7);
}

#[test]
fn a_bad_start_density_is_refused_and_the_scan_takes_none() {
    let msg = |n: Vec<f64>| {
        vacancy_model(&VacancyParams {
            start_density: Some(n),
            ..defaults()
        })
        .unwrap_err()
        .to_string()
    };
    let m = msg(vec![0.0; 10]);
    assert!(
        m.contains("startDensity has 10 values") && m.contains("576"),
        "{m}"
    );
    let mut n = vec![0.0; 576];
    n[7] = 1.5;
    let m = msg(n.clone());
    assert!(m.contains("startDensity[7]") && m.contains("1.5"), "{m}");
    n[7] = f64::NAN;
    assert!(msg(n).contains("startDensity[7]"));
    let e = u_scan(
        &VacancyParams {
            start_density: Some(vec![0.0; 576]),
            ..defaults()
        },
        &[1.0],
    )
    .unwrap_err();
    assert_eq!(e, VacancyError::StartDensityInScan);
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

/// The Fermi function against 1/(1 + eˣ) (e⁻ˣ/(1 + e⁻ˣ) above 0, where eˣ
/// would overflow) with `f64::exp`, over the range the SCF meets (levels
/// up to several eV from μ at k_BT = 5 meV): within two ulps, and exactly 0
/// or 1 where it skips the exponential.
#[test]
fn fermi_is_the_plain_formula_to_two_ulps() {
    use ktao::physics::vacancy::scf::fermi;
    for k in -16_000..=16_000 {
        let x = k as f64 * 0.05 + 1e-3;
        let want = if x > 0.0 {
            (-x).exp() / (1.0 + (-x).exp())
        } else {
            1.0 / (1.0 + x.exp())
        };
        let got = fermi(x);
        assert!(
            (got - want).abs() <= 2.0 * f64::EPSILON * want,
            "x = {x}: {got} vs {want}"
        );
    }
    assert_eq!((fermi(-40.5), fermi(800.0)), (1.0, 0.0));
}
