//! The vacancy model against exact statements that hold whatever the
//! calibration: the Stoner criterion from the model's own DOS, Kramers
//! degeneracy and the J_eff splitting with SOC, and Bloch's theorem.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::vacancy::{vacancy_model, Vacancies, VacancyParams, VacancyResult};

fn defaults() -> VacancyParams {
    VacancyParams::default()
}

fn small() -> VacancyParams {
    VacancyParams {
        size: 2,
        ..defaults()
    }
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
        let weight = |r: &VacancyResult| -> f64 { r.eigenvalue_weights.iter().sum() };
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
fn t2g_spin_orbit_coupling_only_couples_within_its_two_sectors() {
    //! Why the SOC slab splits into two blocks: every nonzero element of
    //! λ L·S joins two states of the same sector ({d_yz↑, d_zx↑, d_xy↓} or
    //! {d_yz↓, d_zx↓, d_xy↑}), and each sector has both kinds of element.
    use ktao::physics::vacancy::hamiltonian::{sector_spin, soc_matrix};
    let m = soc_matrix(0.4);
    let sector_of = |state: usize| {
        let (orbital, spin) = (state / 2, state % 2);
        (0..2).find(|&s| sector_spin(s, orbital) == spin).unwrap()
    };
    let mut within = [0; 2];
    for (a, row) in m.iter().enumerate() {
        for (b, v) in row.iter().enumerate() {
            if v.norm() > 1e-15 {
                assert_eq!(sector_of(a), sector_of(b), "element ({a}, {b}) = {v}");
                if a != b {
                    within[sector_of(a)] += 1;
                }
            }
        }
    }
    assert_eq!(
        within,
        [6, 6],
        "each sector couples its three orbitals pairwise"
    );
}
