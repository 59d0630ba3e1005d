//! The tight-binding Hamiltonian of the slab, split into the blocks that do
//! not couple, sampled over the Brillouin zone of the periodic patch, and
//! diagonalised.
//!
//! Without spin–orbit coupling the Hamiltonian is diagonal in spin and
//! orbital (π hopping keeps the orbital; the mean field is orbital- and
//! spin-diagonal): one block per (orbital, spin, connected group of sites).
//! In a (111) slab each such group is a ribbon along one in-plane direction
//! (d_xy hops only along x and y, …). With SOC the orbitals and spins of a
//! site mix, but t2g SOC only couples within two sectors, {d_yz↑, d_zx↑,
//! d_xy↓} and {d_yz↓, d_zx↓, d_xy↑} (L_z S_z keeps the spin between d_yz
//! and d_zx; L_x S_x and L_y S_y flip it between d_xy and the other two);
//! hopping and the collinear mean field keep orbital and spin, so the slab
//! is two blocks of 3 states per Ta — time reversal maps one onto the other.
//!
//! Each block is diagonalised at the Bloch phases of [`super::bloch`].
//!
//! Channel c = (site·3 + orbital)·2 + spin (spin 0 = ↑, 1 = ↓ along the
//! cubic z axis) labels the basis everywhere.

use super::bloch::{gauge_fixed, sampling, KSample, SiteBond};
use super::lattice::{Slab, ORBITALS};
use super::VacancyError;
use nalgebra::{Complex, DMatrix, SymmetricEigen};

/// Channel index of (site, orbital, spin).
pub fn channel(site: usize, orbital: usize, spin: usize) -> usize {
    (site * ORBITALS + orbital) * 2 + spin
}

/// A hopping matrix element `amp` from local state `i` to `j`, with the
/// gauge-fixed winding `c` (its Bloch phase is e^{i c·θ}).
#[derive(Debug, Clone, Copy)]
struct Hop {
    i: usize,
    j: usize,
    amp: f64,
    c: [i64; 2],
}

/// A block of the Hamiltonian and its Brillouin-zone sampling.
#[derive(Debug, Clone)]
pub struct Block {
    /// Global channel of each basis state of the block.
    pub channels: Vec<usize>,
    /// On-site energy (confinement and vacancy potential) of each state, eV.
    onsite: Vec<f64>,
    /// Fixed complex on-site entries (SOC), local (row, column, value).
    soc: Vec<(usize, usize, Complex<f64>)>,
    hops: Vec<Hop>,
    /// The Bloch phases at which the block is diagonalised.
    pub kpoints: Vec<KSample>,
}

/// The spectrum of one block at one Bloch phase: eigenvalues (eV) and each
/// eigenstate's weight |ψ|² on the block's channels (column k ↔ eigenvalue k).
#[derive(Debug, Clone)]
pub struct BlockSpectrum {
    /// Index of the block in the list it came from.
    pub block: usize,
    /// Brillouin-zone weight of this Bloch phase.
    pub weight: f64,
    pub energies: Vec<f64>,
    pub weights: DMatrix<f64>,
}

/// The fixed parameters of the single-particle Hamiltonian, in eV.
#[derive(Debug, Clone, Copy)]
pub struct OneBody {
    /// π hopping t (the matrix element is −t).
    pub hopping: f64,
    /// Depth of the attractive potential on each Ta beside a vacancy.
    pub vacancy_potential: f64,
    /// Rise of the on-site energy per layer away from the interface.
    pub confinement: f64,
    /// Atomic spin–orbit coupling λ (0 = off).
    pub soc: f64,
    /// Bloch phases per direction, n (1 = the patch at Γ only).
    pub k_points: usize,
}

/// On-site energy of `site` without the mean field.
fn onsite(slab: &Slab, one: &OneBody, site: usize, orbital: usize) -> f64 {
    let cut = slab
        .vacancy_neighbours
        .get(site * ORBITALS + orbital)
        .copied()
        .unwrap_or(0);
    one.confinement * slab.layer_of(site) as f64 - one.vacancy_potential * f64::from(cut)
}

/// λ L·S on one Ta in the (d_yz, d_zx, d_xy) ⊗ (↑, ↓) basis, with the t2g
/// effective orbital moment (L_k)_ab = i ε_kab (the t2g shell acts as l = 1
/// with L_eff = −L): the J_eff = 3/2 quartet lies at −λ/2, the J_eff = 1/2
/// doublet at +λ.
pub fn soc_matrix(lambda: f64) -> [[Complex<f64>; 6]; 6] {
    let zero = Complex::new(0.0, 0.0);
    let i = Complex::new(0.0, 1.0);
    let one = Complex::new(1.0, 0.0);
    let sigma = [
        [[zero, one], [one, zero]],
        [[zero, -i], [i, zero]],
        [[one, zero], [zero, -one]],
    ];
    let eps = |k: usize, a: usize, b: usize| -> f64 {
        match (k, a, b) {
            (0, 1, 2) | (1, 2, 0) | (2, 0, 1) => 1.0,
            (0, 2, 1) | (1, 0, 2) | (2, 1, 0) => -1.0,
            _ => 0.0,
        }
    };
    let mut h = [[zero; 6]; 6];
    for (k, s) in sigma.iter().enumerate() {
        for a in 0..3 {
            for b in 0..3 {
                let l = i * eps(k, a, b);
                for (sa, row) in s.iter().enumerate() {
                    for (sb, &sv) in row.iter().enumerate() {
                        h[a * 2 + sa][b * 2 + sb] += l * sv * (0.5 * lambda);
                    }
                }
            }
        }
    }
    h
}

/// The blocks of the slab's Hamiltonian.
pub fn blocks(slab: &Slab, one: &OneBody) -> Vec<Block> {
    if one.soc != 0.0 {
        return (0..2).map(|sector| soc_block(slab, one, sector)).collect();
    }
    let n_k = one.k_points.max(1);
    let mut out = Vec::new();
    for orbital in 0..ORBITALS {
        for group in slab.components(orbital) {
            let mut local = vec![usize::MAX; slab.sites()];
            for (i, &s) in group.iter().enumerate() {
                local[s] = i;
            }
            let site_bonds: Vec<SiteBond> = slab
                .bonds
                .iter()
                .filter(|b| b.axis.index() != orbital)
                .filter_map(|b| {
                    let (i, j) = (*local.get(b.lower)?, *local.get(b.upper)?);
                    (i < group.len() && j < group.len()).then_some((i, j, b.wrap))
                })
                .collect();
            let cs = gauge_fixed(group.len(), &site_bonds);
            let hops: Vec<Hop> = site_bonds
                .iter()
                .zip(&cs)
                .map(|(&(i, j, _), &c)| Hop {
                    i,
                    j,
                    amp: -one.hopping,
                    c,
                })
                .collect();
            let kpoints = sampling(&cs, n_k, true);
            let onsite: Vec<f64> = group
                .iter()
                .map(|&s| onsite(slab, one, s, orbital))
                .collect();
            for spin in 0..2 {
                out.push(Block {
                    channels: group.iter().map(|&s| channel(s, orbital, spin)).collect(),
                    onsite: onsite.clone(),
                    soc: Vec::new(),
                    hops: hops.clone(),
                    kpoints: kpoints.clone(),
                });
            }
        }
    }
    out
}

/// Spin of `orbital` (0 d_yz, 1 d_zx, 2 d_xy) in SOC sector `sector`:
/// sector 0 is {d_yz↑, d_zx↑, d_xy↓}, sector 1 its time-reversed partner
/// {d_yz↓, d_zx↓, d_xy↑}.
pub fn sector_spin(sector: usize, orbital: usize) -> usize {
    usize::from(orbital == 2) ^ (sector & 1)
}

/// One SOC sector of the whole slab as a complex block (spin–orbit
/// coupling on); local state site·3 + orbital.
fn soc_block(slab: &Slab, one: &OneBody, sector: usize) -> Block {
    let sites = slab.sites();
    let site_bonds: Vec<SiteBond> = slab
        .bonds
        .iter()
        .map(|b| (b.lower, b.upper, b.wrap))
        .collect();
    let cs = gauge_fixed(sites, &site_bonds);
    let mut hops = Vec::new();
    for (bond, &c) in slab.bonds.iter().zip(&cs) {
        for orbital in (0..ORBITALS).filter(|&o| o != bond.axis.index()) {
            hops.push(Hop {
                i: bond.lower * ORBITALS + orbital,
                j: bond.upper * ORBITALS + orbital,
                amp: -one.hopping,
                c,
            });
        }
    }
    let m = soc_matrix(one.soc);
    let mut soc = Vec::new();
    for s in 0..sites {
        for a in 0..ORBITALS {
            for b in 0..ORBITALS {
                let v = m[a * 2 + sector_spin(sector, a)][b * 2 + sector_spin(sector, b)];
                if v.norm() > 0.0 {
                    soc.push((s * ORBITALS + a, s * ORBITALS + b, v));
                }
            }
        }
    }
    Block {
        channels: (0..ORBITALS * sites)
            .map(|l| {
                let (s, o) = (l / ORBITALS, l % ORBITALS);
                channel(s, o, sector_spin(sector, o))
            })
            .collect(),
        onsite: (0..ORBITALS * sites)
            .map(|l| onsite(slab, one, l / ORBITALS, l % ORBITALS))
            .collect(),
        soc,
        hops,
        // The collinear mean field breaks time reversal once magnetic (and
        // time reversal maps a sector onto the other, not onto itself).
        kpoints: sampling(&cs, one.k_points.max(1), false),
    }
}

impl Block {
    /// Dimension of the block.
    pub fn dim(&self) -> usize {
        self.channels.len()
    }

    /// Diagonalises the block at every Bloch phase, with `mean_field[c]`
    /// added on the diagonal of each channel c; `index` labels the results.
    pub fn solve(
        &self,
        index: usize,
        mean_field: &[f64],
    ) -> Result<Vec<BlockSpectrum>, VacancyError> {
        let dim = self.dim();
        // Generous: QL with implicit shifts needs ~2 sweeps per eigenvalue.
        let max_sweeps = 64 * dim.max(8);
        let fail = || VacancyError::EigenSolver { dim };
        let diag: Vec<f64> = self
            .channels
            .iter()
            .zip(&self.onsite)
            .map(|(&c, &e)| e + mean_field.get(c).copied().unwrap_or(0.0))
            .collect();
        let mut out = Vec::with_capacity(self.kpoints.len());
        for k in &self.kpoints {
            let phase = |c: [i64; 2]| c[0] as f64 * k.theta[0] + c[1] as f64 * k.theta[1];
            let (energies, weights) = if k.real && self.soc.is_empty() {
                let mut h =
                    DMatrix::<f64>::from_diagonal(&nalgebra::DVector::from_column_slice(&diag));
                for hop in &self.hops {
                    let v = hop.amp * phase(hop.c).cos().round();
                    h[(hop.i, hop.j)] += v;
                    h[(hop.j, hop.i)] += v;
                }
                let eig = SymmetricEigen::try_new(h, f64::EPSILON, max_sweeps).ok_or_else(fail)?;
                (eig.eigenvalues, eig.eigenvectors.map(|v| v * v))
            } else {
                let mut h = DMatrix::<Complex<f64>>::zeros(dim, dim);
                for (i, &e) in diag.iter().enumerate() {
                    h[(i, i)] = Complex::new(e, 0.0);
                }
                for &(i, j, v) in &self.soc {
                    h[(i, j)] += v;
                }
                for hop in &self.hops {
                    let v = Complex::from_polar(hop.amp, phase(hop.c));
                    h[(hop.i, hop.j)] += v;
                    h[(hop.j, hop.i)] += v.conj();
                }
                let eig = SymmetricEigen::try_new(h, f64::EPSILON, max_sweeps).ok_or_else(fail)?;
                (eig.eigenvalues, eig.eigenvectors.map(|v| v.norm_sqr()))
            };
            out.push(BlockSpectrum {
                block: index,
                weight: k.weight,
                energies: energies.iter().copied().collect(),
                weights,
            });
        }
        Ok(out)
    }
}
