//! The self-consistent mean-field loop at fixed electron count.
//!
//! Each step: add V_c = U_eff (½ − n_c) to every channel c (Dudarev's
//! potential, orbital- and spin-diagonal), diagonalise every block, bisect
//! the chemical potential μ until Σ_k f((ε_k − μ)/k_BT) equals the electron
//! count, form n_c^out = Σ_k f_k |ψ_k(c)|², and mix
//! n^in ← n^in + β (n^out − n^in). The loop stops when the largest change
//! max_c |n_c^out − n_c^in| falls below the tolerance.
//!
//! Simple (linear) mixing is used on purpose: a spin-symmetric solution is a
//! fixed point of the map too, and quasi-Newton mixing (Anderson, Broyden)
//! converges to such unstable fixed points as readily as to stable ones;
//! linear mixing is repelled by them, so a nearly paramagnetic start still
//! finds the magnetic ground state.

use super::hamiltonian::{Block, BlockSpectrum};
use super::VacancyError;
use crate::fast_exp::exp;

/// Fermi–Dirac occupation of a level at x = (ε − μ)/k_BT, without overflow,
/// with `crate::fast_exp` (within an ulp of `f64::exp`): counting the
/// electrons for μ was a quarter of an SCF step, most of it exponentials.
pub fn fermi(x: f64) -> f64 {
    // Far from μ the occupation is exactly 0 or 1 in doubles (e^x < 2⁻⁵³
    // below −37; e^−x underflows above 745.2): no exponential needed.
    if x < -40.0 {
        1.0
    } else if x > 746.0 {
        0.0
    } else if x > 0.0 {
        let e = exp(-x);
        e / (1.0 + e)
    } else {
        1.0 / (1.0 + exp(x))
    }
}

/// How far the electron count may miss its target: μ is the midpoint of
/// the interval where |N(μ) − N| ≤ this, so that when E_F falls in a gap
/// between levels (a flat N(μ)) it sits mid-gap instead of at an arbitrary
/// end of it.
pub const COUNT_TOLERANCE: f64 = 1e-10;

/// The chemical potential (eV) that puts `electrons` into the levels
/// (energy in eV, Brillouin-zone weight) at smearing `kt` (eV): the
/// midpoint of the interval where the count is within [`COUNT_TOLERANCE`],
/// each end found by safeguarded Newton iteration to 1e-14 in the count. With no electrons it is the
/// lowest level (the conduction-band minimum).
pub fn chemical_potential(levels: &[(f64, f64)], electrons: f64, kt: f64) -> f64 {
    chemical_potential_near(levels, electrons, kt, None).0
}

/// [`chemical_potential`] with the ends of the last SCF step's interval as
/// the starts of the Newton iterations (`near`), which makes ~30 counts of
/// the levels per step ~10 once the levels settle; also returns this
/// interval's ends, for the next step. The ends are the same to the count's
/// tolerance whatever the start.
pub fn chemical_potential_near(
    levels: &[(f64, f64)],
    electrons: f64,
    kt: f64,
    near: Option<(f64, f64)>,
) -> (f64, Option<(f64, f64)>) {
    let lo0 = levels.iter().map(|l| l.0).fold(f64::INFINITY, f64::min);
    let hi0 = levels.iter().map(|l| l.0).fold(f64::NEG_INFINITY, f64::max);
    if electrons <= 0.0 || !lo0.is_finite() {
        return (if lo0.is_finite() { lo0 } else { 0.0 }, None);
    }
    // N(μ) and dN/dμ = Σ w f(1 − f)/k_BT.
    let count = |mu: f64| {
        levels.iter().fold((0.0, 0.0), |(n, dn), &(e, w)| {
            let f = fermi((e - mu) / kt);
            (n + w * f, dn + w * f * (1.0 - f) / kt)
        })
    };
    // Where N(μ) reaches `target`: Newton steps kept inside a shrinking
    // bracket, bisection when a step would leave it (N is flat in a gap).
    let crossing = |target: f64, start: Option<f64>| {
        let (mut lo, mut hi) = (lo0 - 60.0 * kt - 1.0, hi0 + 60.0 * kt + 1.0);
        let mut mu = match start {
            Some(m) if m > lo && m < hi => m,
            _ => 0.5 * (lo + hi),
        };
        for _ in 0..300 {
            let (n, dn) = count(mu);
            if n < target {
                lo = mu;
            } else {
                hi = mu;
            }
            if (n - target).abs() <= 1e-14 * target.max(1.0) {
                return mu;
            }
            let newton = mu - (n - target) / dn;
            let next = if dn > 0.0 && newton > lo && newton < hi {
                newton
            } else {
                0.5 * (lo + hi)
            };
            if next <= lo || next >= hi || next == mu {
                break;
            }
            mu = next;
        }
        hi
    };
    let below = crossing(electrons - COUNT_TOLERANCE, near.map(|n| n.0));
    let above = crossing(electrons + COUNT_TOLERANCE, near.map(|n| n.1));
    (0.5 * (below + above), Some((below, above)))
}

/// The spectrum of every block at every Bloch phase, at one mean field.
#[derive(Debug, Clone)]
pub struct Spectrum {
    pub parts: Vec<BlockSpectrum>,
    /// Chemical potential μ (eV).
    pub mu: f64,
    /// No electrons at all: every level is empty, whatever μ says.
    pub empty: bool,
}

/// Diagonalises every block at `mean_field`, then fixes μ for `electrons`.
pub fn solve(
    blocks: &[Block],
    mean_field: &[f64],
    electrons: f64,
    kt: f64,
) -> Result<Spectrum, VacancyError> {
    solve_near(blocks, mean_field, electrons, kt, &mut None)
}

/// [`solve`], with μ's search started from `near` (see
/// [`chemical_potential_near`]), which it updates.
fn solve_near(
    blocks: &[Block],
    mean_field: &[f64],
    electrons: f64,
    kt: f64,
    near: &mut Option<(f64, f64)>,
) -> Result<Spectrum, VacancyError> {
    let mut parts = Vec::new();
    for (index, b) in blocks.iter().enumerate() {
        parts.extend(b.solve(index, mean_field)?);
    }
    let levels: Vec<(f64, f64)> = parts
        .iter()
        .flat_map(|p| p.energies.iter().map(move |&e| (e, p.weight)))
        .collect();
    let (mu, ends) = chemical_potential_near(&levels, electrons, kt, *near);
    *near = ends;
    Ok(Spectrum {
        parts,
        mu,
        empty: electrons <= 0.0,
    })
}

/// n_c = Σ_θ w_θ Σ_k f((ε_k − μ)/k_BT) |ψ_k(c)|² for every channel.
pub fn density(blocks: &[Block], spectrum: &Spectrum, channels: usize, kt: f64) -> Vec<f64> {
    let mut n = vec![0.0; channels];
    if spectrum.empty {
        return n;
    }
    for part in &spectrum.parts {
        let Some(block) = blocks.get(part.block) else {
            continue;
        };
        for (k, &e) in part.energies.iter().enumerate() {
            let f = part.weight * fermi((e - spectrum.mu) / kt);
            if f < 1e-300 {
                continue;
            }
            let col = part.weights.column(k);
            for (&c, &w) in block.channels.iter().zip(col.iter()) {
                if let Some(slot) = n.get_mut(c) {
                    *slot += f * w;
                }
            }
        }
    }
    n
}

/// Dudarev's mean field V_c = U_eff (½ − n_c) in eV.
pub fn mean_field(u_eff: f64, n: &[f64]) -> Vec<f64> {
    n.iter().map(|&x| u_eff * (0.5 - x)).collect()
}

/// Settings of the loop.
#[derive(Debug, Clone, Copy)]
pub struct Loop {
    pub u_eff: f64,
    pub electrons: f64,
    pub kt: f64,
    pub mixing: f64,
    pub tolerance: f64,
    pub max_iterations: usize,
}

/// Where the loop ended.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Output density of the last step (exact electron count).
    pub density: Vec<f64>,
    /// Spectrum of the last step.
    pub spectrum: Spectrum,
    pub converged: bool,
    pub iterations: usize,
    /// max_c |n_c^out − n_c^in| of the last step.
    pub residual: f64,
    /// Residual of each step.
    pub residuals: Vec<f64>,
    /// Largest |site moment| (μ_B) of each step's output density.
    pub max_moments: Vec<f64>,
    /// Block diagonalisations done.
    pub diagonalisations: usize,
}

/// Largest |Σ_orbitals (n↑ − n↓)| over sites, in μ_B.
pub fn max_site_moment(n: &[f64]) -> f64 {
    n.chunks_exact(6)
        .map(|s| ((s[0] - s[1]) + (s[2] - s[3]) + (s[4] - s[5])).abs())
        .fold(0.0, f64::max)
}

/// Runs the loop from `start`; `progress(iteration, residual)` is called
/// after every step and stops the loop (an error) when it returns false.
pub fn run(
    blocks: &[Block],
    start: Vec<f64>,
    s: &Loop,
    progress: &mut dyn FnMut(usize, f64) -> bool,
) -> Result<Outcome, VacancyError> {
    let channels = start.len();
    let mut n_in = start;
    let mut residuals = Vec::new();
    let mut max_moments = Vec::new();
    let mut diagonalisations = 0;
    let mut iteration = 0;
    let mut near = None;
    loop {
        iteration += 1;
        let spectrum = solve_near(
            blocks,
            &mean_field(s.u_eff, &n_in),
            s.electrons,
            s.kt,
            &mut near,
        )?;
        diagonalisations += spectrum.parts.len();
        let n_out = density(blocks, &spectrum, channels, s.kt);
        // Without U the Hamiltonian does not depend on the density: one
        // diagonalisation is the exact answer.
        let residual = if s.u_eff == 0.0 {
            0.0
        } else {
            n_out
                .iter()
                .zip(&n_in)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f64::max)
        };
        residuals.push(residual);
        max_moments.push(max_site_moment(&n_out));
        if !progress(iteration, residual) {
            return Err(VacancyError::Cancelled { iteration });
        }
        let converged = residual < s.tolerance;
        if converged || iteration >= s.max_iterations {
            return Ok(Outcome {
                density: n_out,
                spectrum,
                converged,
                iterations: iteration,
                residual,
                residuals,
                max_moments,
                diagonalisations,
            });
        }
        for (a, b) in n_in.iter_mut().zip(&n_out) {
            *a += s.mixing * (b - *a);
        }
    }
}
