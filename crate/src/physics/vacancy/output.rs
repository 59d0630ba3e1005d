//! From parameters to the published quantities: the slab and its blocks are
//! set up once, the loop runs, and the moments, layer PDOS and convergence
//! record are read off its last step.

use super::hamiltonian::{self, Block, OneBody};
use super::lattice::Slab;
use super::scf::{self, Loop, Spectrum};
use super::{VacancyError, VacancyParams, VacancySite};
use crate::input;
use serde::{Deserialize, Serialize};

/// The spin-resolved PDOS of one layer, states/eV per Ta of the layer.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LayerPdos {
    pub up: Vec<f64>,
    pub down: Vec<f64>,
}

/// Gaussian-broadened layer PDOS on an energy grid with E_F = 0.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Pdos {
    /// Energy E − E_F in eV.
    pub energy: Vec<f64>,
    /// One entry per layer, interface first.
    pub layers: Vec<LayerPdos>,
}

/// The convergence record, one entry per self-consistency step.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct History {
    /// max_c |n_c^out − n_c^in| (electrons).
    pub residual: Vec<f64>,
    /// Largest |Ta moment| of the step's output density (μ_B).
    pub max_moment: Vec<f64>,
}

/// Everything the vacancy model reports. Sites are ordered layer by layer
/// (interface first), then by m, then n: site = (ℓ·L + m)·L + n.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VacancyResult {
    /// N_L, as solved.
    pub layers: usize,
    /// L, as solved.
    pub size: usize,
    /// The vacancies, as placed.
    pub vacancy_sites: Vec<VacancySite>,
    /// Spin moment of every Ta, μ_B.
    pub site_moments: Vec<f64>,
    /// d electrons on every Ta.
    pub site_charges: Vec<f64>,
    /// Moment of each layer, summed over its L² Ta (μ_B), interface first:
    /// the numbers printed in Fig. 3b–c.
    pub layer_moments: Vec<f64>,
    /// The largest |Ta moment|, μ_B.
    pub max_moment: f64,
    /// The site that carries it.
    pub max_moment_site: usize,
    /// Total moment per interface unit cell (√3 a² = 27.56 Å²), μ_B.
    pub moment_per_cell: f64,
    /// d electrons in the slab (2 per vacancy plus the doping).
    pub electrons: f64,
    /// The self-consistent density n_c (electrons) of every channel
    /// c = (site·3 + orbital)·2 + spin: what `start_density` restarts from.
    pub density: Vec<f64>,
    /// Chemical potential on the Hamiltonian's energy scale, eV.
    pub fermi_energy: f64,
    /// All single-particle energies E − E_F (eV) at the sampled Bloch
    /// phases, ascending.
    pub eigenvalues: Vec<f64>,
    /// The weight of each eigenvalue (per patch): 1 at Γ; with Bloch
    /// sampling the phase's share, doubled where θ and −θ are done once.
    /// They add up to the matrix size.
    pub eigenvalue_weights: Vec<f64>,
    /// The spin-resolved layer PDOS.
    pub pdos: Pdos,
    /// Whether the residual fell below the tolerance.
    pub converged: bool,
    /// Self-consistency steps taken.
    pub iterations: usize,
    /// The last step's residual.
    pub residual: f64,
    /// The residual and largest moment of every step.
    pub history: History,
    /// Dimension of the full Hamiltonian (6 per Ta: 3 orbitals × 2 spins).
    pub matrix_size: usize,
    /// Independent blocks it splits into.
    pub blocks: usize,
    /// Dimension of the largest block.
    pub largest_block: usize,
    /// Block diagonalisations done in all.
    pub diagonalisations: usize,
}

/// Fig. S18: the model at each U_eff.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UScan {
    /// U_eff, eV.
    pub u_eff: Vec<f64>,
    /// Largest |Ta moment| at each U_eff, μ_B.
    pub max_moment: Vec<f64>,
    /// Moment per interface unit cell, μ_B.
    pub moment_per_cell: Vec<f64>,
    /// Layer moments (μ_B), one list per U_eff.
    pub layer_moments: Vec<Vec<f64>>,
    /// Whether each point converged.
    pub converged: Vec<bool>,
    /// Steps each point took.
    pub iterations: Vec<usize>,
}

/// The slab, its blocks and the non-interacting solution, shared by every
/// U_eff of a scan.
struct Prepared {
    slab: Slab,
    blocks: Vec<Block>,
    electrons: f64,
    /// Non-interacting (U_eff = 0) density (empty for a restart).
    n0: Vec<f64>,
}

fn prepare(p: &VacancyParams) -> Result<Prepared, VacancyError> {
    p.validate()?;
    let slab = Slab::new(p.layers, p.size, &p.vacancies)?;
    let electrons = p.electrons(slab.vacancies.len());
    let capacity = 6.0 * slab.sites() as f64;
    if electrons >= capacity {
        return Err(VacancyError::TooManyElectrons {
            electrons,
            capacity,
        });
    }
    let one = OneBody {
        hopping: p.hopping,
        vacancy_potential: p.vacancy_potential,
        confinement: p.confinement,
        soc: p.soc,
        k_points: p.k_points,
    };
    let blocks = hamiltonian::blocks(&slab, &one);
    let channels = 6 * slab.sites();
    // A restart starts from its own density and needs no U = 0 solution.
    let n0 = if p.start_density.is_some() {
        Vec::new()
    } else {
        let zero = vec![0.0; channels];
        let spectrum = scf::solve(&blocks, &zero, electrons, p.smearing)?;
        scf::density(&blocks, &spectrum, channels, p.smearing)
    };
    Ok(Prepared {
        slab,
        blocks,
        electrons,
        n0,
    })
}

/// Relative size of the fixed perturbation of the starting density.
pub const START_NOISE: f64 = 1e-4;

/// A fixed pseudo-random number in [−1, 1) for channel `c` (SplitMix64).
fn jitter(c: usize) -> f64 {
    let mut z = (c as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 52) as f64 - 1.0
}

/// The starting density: the non-interacting one, spin-averaged, polarised
/// by p (n_σ = n̄(1 ± p), kept within [0, 1]), and perturbed channel by
/// channel by a fixed relative ±1e-4 (the same for both spins). Without
/// that perturbation the exact symmetries of the slab (equivalent ribbons,
/// the mirror that swaps two orbitals) would hold the loop on symmetric
/// solutions that are saddle points, not minima, of the mean-field energy;
/// DFT codes break them the same way, by numerical noise.
fn start(n0: &[f64], p: f64) -> Vec<f64> {
    let mut n = n0.to_vec();
    for (site_orbital, pair) in n.chunks_exact_mut(2).enumerate() {
        let mean = 0.5 * (pair[0] + pair[1]) * (1.0 + START_NOISE * jitter(site_orbital));
        pair[0] = (mean * (1.0 + p)).clamp(0.0, 1.0);
        pair[1] = (mean * (1.0 - p)).clamp(0.0, 1.0);
    }
    n
}

fn run(
    prep: &Prepared,
    p: &VacancyParams,
    progress: &mut dyn FnMut(usize, f64) -> bool,
) -> Result<VacancyResult, VacancyError> {
    let settings = Loop {
        u_eff: p.u_eff,
        electrons: prep.electrons,
        kt: p.smearing,
        mixing: p.mixing,
        tolerance: p.tolerance,
        max_iterations: p.max_iterations,
    };
    let first = match &p.start_density {
        Some(n) => n.clone(),
        None => start(&prep.n0, p.initial_polarization),
    };
    let out = scf::run(&prep.blocks, first, &settings, progress)?;
    let slab = &prep.slab;
    let site_moments: Vec<f64> = out
        .density
        .chunks_exact(6)
        .map(|s| (s[0] - s[1]) + (s[2] - s[3]) + (s[4] - s[5]))
        .collect();
    let site_charges: Vec<f64> = out
        .density
        .chunks_exact(6)
        .map(|s| s.iter().sum())
        .collect();
    let per_layer = slab.size * slab.size;
    let layer_moments: Vec<f64> = site_moments
        .chunks(per_layer)
        .map(|l| l.iter().sum())
        .collect();
    let (max_moment_site, max_moment) =
        site_moments
            .iter()
            .map(|m| m.abs())
            .enumerate()
            .fold(
                (0, 0.0),
                |best, (i, m)| if m > best.1 { (i, m) } else { best },
            );
    let mut levels: Vec<(f64, f64)> = out
        .spectrum
        .parts
        .iter()
        .flat_map(|p| p.energies.iter().map(move |&e| (e, p.weight)))
        .map(|(e, w)| (e - out.spectrum.mu, w))
        .collect();
    levels.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (eigenvalues, eigenvalue_weights) = levels.into_iter().unzip();
    let pdos = pdos(slab, &prep.blocks, &out.spectrum, p.pdos_broadening);
    Ok(VacancyResult {
        layers: slab.layers,
        size: slab.size,
        vacancy_sites: slab.vacancies.clone(),
        moment_per_cell: site_moments.iter().sum::<f64>() / per_layer as f64,
        site_moments,
        site_charges,
        layer_moments,
        max_moment,
        max_moment_site,
        electrons: out.density.iter().sum(),
        density: out.density,
        fermi_energy: out.spectrum.mu,
        eigenvalues,
        eigenvalue_weights,
        pdos,
        converged: out.converged,
        iterations: out.iterations,
        residual: out.residual,
        history: super::output::History {
            residual: out.residuals,
            max_moment: out.max_moments,
        },
        matrix_size: 6 * slab.sites(),
        blocks: prep.blocks.len(),
        largest_block: prep.blocks.iter().map(Block::dim).max().unwrap_or(0),
        diagonalisations: out.diagonalisations,
    })
}

/// Points on the PDOS energy axis.
pub const PDOS_POINTS: usize = 601;

/// D_ℓσ(E) = (1/L²) Σ_k Σ_{i∈ℓ, m} |ψ_k(i m σ)|² g(E − ε_k + μ), g a
/// normalised Gaussian of standard deviation `width` (eV).
fn pdos(slab: &Slab, blocks: &[Block], spec: &Spectrum, width: f64) -> Pdos {
    let layers = slab.layers;
    // Each state's energy and its weight on every (layer, spin).
    let mut states: Vec<(f64, Vec<f64>)> = Vec::new();
    for bs in &spec.parts {
        let Some(block) = blocks.get(bs.block) else {
            continue;
        };
        for (k, &e) in bs.energies.iter().enumerate() {
            let mut w = vec![0.0; 2 * layers];
            for (&c, &x) in block.channels.iter().zip(bs.weights.column(k).iter()) {
                let (site, spin) = (c / 6, c % 2);
                if let Some(slot) = w.get_mut(2 * slab.layer_of(site) + spin) {
                    *slot += bs.weight * x;
                }
            }
            states.push((e - spec.mu, w));
        }
    }
    let lo = states.iter().map(|s| s.0).fold(f64::INFINITY, f64::min) - 4.0 * width;
    let hi = states.iter().map(|s| s.0).fold(f64::NEG_INFINITY, f64::max) + 4.0 * width;
    let (lo, hi) = if lo.is_finite() && hi > lo {
        (lo, hi)
    } else {
        (-1.0, 1.0)
    };
    let step = (hi - lo) / (PDOS_POINTS - 1) as f64;
    let energy: Vec<f64> = (0..PDOS_POINTS).map(|i| lo + step * i as f64).collect();
    let mut grid = vec![vec![0.0; PDOS_POINTS]; 2 * layers];
    let norm = 1.0 / ((2.0 * std::f64::consts::PI).sqrt() * width * (slab.size * slab.size) as f64);
    let reach = (6.0 * width / step).ceil() as i64;
    // On the even grid the Gaussian is a product recurrence: with
    // d = (x − e)/σ and h = step/σ, g(d + h) = g(d)·r with r = e^{−dh − h²/2},
    // and r itself grows by e^{−h²} per point. Two exponentials per state
    // instead of one per point (~160): the PDOS was most of a restart's step.
    let h = step / width;
    let q = (-h * h).exp();
    let mut gauss = Vec::with_capacity(2 * reach as usize + 1);
    for (e, w) in &states {
        let centre = ((e - lo) / step).round() as i64;
        let from = (centre - reach).max(0) as usize;
        let to = ((centre + reach).max(0) as usize).min(PDOS_POINTS - 1);
        let Some(&x0) = energy.get(from) else {
            continue;
        };
        let d = (x0 - e) / width;
        let mut g = norm * (-0.5 * d * d).exp();
        let mut r = (-d * h - 0.5 * h * h).exp();
        gauss.clear();
        for _ in from..=to {
            gauss.push(g);
            g *= r;
            r *= q;
        }
        // A state of a block without SOC has one spin: half its weights are 0.
        for (row, &wi) in grid.iter_mut().zip(w).filter(|(_, &wi)| wi != 0.0) {
            for (slot, &gi) in row[from..].iter_mut().zip(&gauss) {
                *slot += wi * gi;
            }
        }
    }
    let mut rows = grid.into_iter();
    let layers = (0..layers)
        .map(|_| LayerPdos {
            up: rows.next().unwrap_or_default(),
            down: rows.next().unwrap_or_default(),
        })
        .collect();
    Pdos { energy, layers }
}

/// See [`super::vacancy_model_with_progress`].
pub fn solve(
    p: &VacancyParams,
    progress: &mut dyn FnMut(usize, f64) -> bool,
) -> Result<VacancyResult, VacancyError> {
    let prep = prepare(p)?;
    run(&prep, p, progress)
}

/// See [`super::u_scan_with_progress`].
pub fn scan(
    p: &VacancyParams,
    u_values: &[f64],
    progress: &mut dyn FnMut(usize, usize, f64) -> bool,
) -> Result<UScan, VacancyError> {
    input::finite_slice("uValues", u_values)?;
    input::in_range_slice("uValues", u_values, 0.0, 10.0)?;
    if p.start_density.is_some() {
        return Err(VacancyError::StartDensityInScan);
    }
    let prep = prepare(p)?;
    let mut out = UScan::default();
    for (point, &u) in u_values.iter().enumerate() {
        let at = VacancyParams {
            u_eff: u,
            ..p.clone()
        };
        let r = run(&prep, &at, &mut |it, res| progress(point, it, res))?;
        out.u_eff.push(u);
        out.max_moment.push(r.max_moment);
        out.moment_per_cell.push(r.moment_per_cell);
        out.layer_moments.push(r.layer_moments);
        out.converged.push(r.converged);
        out.iterations.push(r.iterations);
    }
    Ok(out)
}
