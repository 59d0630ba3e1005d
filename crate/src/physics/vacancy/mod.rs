//! The oxygen-vacancy moment model of Fig. 3 and Figs. S16–S18: a t2g
//! tight-binding slab of KTaO₃(111) with a Dudarev +U_eff mean field
//! (physics.md §7), the smallest model that shows what the paper's GGA+U_eff
//! calculation shows — the two electrons an interface vacancy donates stay
//! in the first Ta layers, and a moderate U_eff polarises them.
//!
//! - Sites: the Ta of N_L (111) layers, each an L × L periodic patch of the
//!   triangular layer (spacing a√2); layer 0 is the interface. Each Ta bonds
//!   to 3 Ta in the layer above and 3 below, through one O ([`lattice`]).
//! - Orbitals: d_yz, d_zx, d_xy; each hops (matrix element −t) only along
//!   the two cubic axes of its plane (π bonds), so in a thin (111) slab each
//!   orbital forms quasi-1D ribbons. Optional atomic SOC λ L·S.
//! - Oxygen vacancy: the O of one Ta–O–Ta bond between layers ℓ and ℓ + 1 is
//!   removed: that bond's hopping is cut, the two Ta get the attractive
//!   potential −V_vac on the two t2g orbitals that π-bonded to the missing O
//!   (their antibonding O 2p partner is gone; for a bond along x these are
//!   d_zx and d_xy), and 2 electrons are added. A linear confining potential
//!   F·ℓ binds the electrons to the interface.
//! - Mean field (Dudarev): V_mσ(i) = U_eff (½ − n_imσ), collinear along the
//!   cubic z axis, solved self-consistently at fixed electron count with
//!   Fermi–Dirac smearing and linear mixing ([`scf`]).
//! - Moments are spin moments, m_i = Σ_m (n_im↑ − n_im↓) μ_B (g = 2).
//!
//! Energies are in eV, moments in μ_B, densities in electrons per channel.
//!
//! # Calibration
//! Two defaults are tuned, together, to put the largest Ta moment at
//! 0.124 μ_B on an interface Ta for U_eff = 1 eV (the paper's Fig. 3c): the
//! confinement F = 0.7 eV per layer and the patch size L = 4. Every other
//! default is set by the argument in its doc comment, and no check other
//! than that one is tuned. What the calibration shows: at the defaults the
//! two vacancy electrons polarise fully once U_eff exceeds ≈ 0.55 eV, in
//! states spread over the first two layers (0.125 μ_B per interface cell at
//! one vacancy per 16 cells), so the largest Ta moment is the peak of that
//! spin density; above U_eff ≈ 1.75 eV they collapse instead onto one Ta as
//! a localised d² moment. The moments depend on the smearing above
//! ≈ 0.008 eV (thermal depolarisation; none is left at 0.01 eV) and a
//! little on the Brillouin-zone sampling of the patch (see
//! [`VacancyParams::k_points`]).
//!
//! # References
//! S. L. Dudarev, G. A. Botton, S. Y. Savrasov, C. J. Humphreys and
//! A. P. Sutton, Phys. Rev. B 57, 1505 (1998) (the +U_eff potential).
//! L. F. Mattheiss, Phys. Rev. B 6, 4718 (1972) (KTaO₃ t2g conduction band).
//! D. Xiao, W. Zhu, Y. Ran, N. Nagaosa and S. Okamoto, Nat. Commun. 2, 596
//! (2011) (t2g π hopping on (111) perovskite bilayers).
//! E. C. Stoner, Proc. R. Soc. A 165, 372 (1938) (the instability criterion
//! checked in the tests).

pub mod bloch;
pub mod hamiltonian;
pub mod lattice;
pub mod output;
pub mod scf;

use crate::input::{self, InputError};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use thiserror::Error;

pub use output::{LayerPdos, Pdos, UScan, VacancyResult};

/// Why a vacancy-model calculation was refused or stopped.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum VacancyError {
    /// A parameter out of its range, NaN or infinite.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A vacancy given by position lies outside the slab.
    #[error(
        "vacancies[{index}] (layer {}, m {}, n {}) lies outside the slab: layer must be 0 to {max_layer} (the O sits between layers ℓ and ℓ + 1), m and n 0 to {max_mn}",
        site.layer, site.m, site.n
    )]
    VacancyOutside {
        index: usize,
        site: VacancySite,
        max_layer: i64,
        max_mn: i64,
    },
    /// The same vacancy listed twice.
    #[error("vacancies[{index}] repeats vacancies[{other}]: each O can be removed once")]
    DuplicateVacancy { index: usize, other: usize },
    /// More vacancies than interface bonds.
    #[error("vacancies is {count}, but the interface has only {max} Ta–O–Ta bonds (3 L²)")]
    TooManyVacancies { count: usize, max: usize },
    /// A vacancy needs a bond between two layers.
    #[error("a vacancy sits between two layers: layers must be at least 2 with vacancies")]
    VacancyNeedsTwoLayers,
    /// More electrons than the t2g bands hold.
    #[error("{electrons} electrons do not fit into the t2g bands, which hold {capacity} (6 per Ta): use fewer vacancies or less doping")]
    TooManyElectrons { electrons: f64, capacity: f64 },
    /// The slab is too big to diagonalise on a page.
    #[error("the slab has {orbitals} spin-orbitals (6 · layers · size²){}, more than {max}: use fewer layers or a smaller size", if *.soc { " with SOC" } else { "" })]
    TooLarge {
        orbitals: usize,
        max: usize,
        soc: bool,
    },
    /// A start density of the wrong length.
    #[error("startDensity has {len} values but the slab has {orbitals} spin-orbitals (6 · layers · size²): it must have one per spin-orbital")]
    StartDensityLength { len: usize, orbitals: usize },
    /// A start density given to the U_eff scan.
    #[error("startDensity is for vacancyModel: every point of the U_eff scan starts from the same polarised start")]
    StartDensityInScan,
    /// The eigensolver did not converge (should not happen for finite input).
    #[error("the eigensolver did not converge on a {dim}×{dim} block")]
    EigenSolver { dim: usize },
    /// The progress callback asked to stop.
    #[error("the calculation was cancelled at iteration {iteration}")]
    Cancelled { iteration: usize },
}

/// A cubic axis, the direction of a Ta–O–Ta bond.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Axis {
    #[serde(rename = "x")]
    X,
    #[serde(rename = "y")]
    Y,
    #[serde(rename = "z")]
    Z,
}

impl Axis {
    /// x, y, z.
    pub const ALL: [Axis; 3] = [Axis::X, Axis::Y, Axis::Z];
    /// 0, 1, 2 for x, y, z.
    pub fn index(self) -> usize {
        match self {
            Axis::X => 0,
            Axis::Y => 1,
            Axis::Z => 2,
        }
    }
}

impl FromStr for Axis {
    type Err = InputError;
    fn from_str(s: &str) -> Result<Self, InputError> {
        match s {
            "x" => Ok(Axis::X),
            "y" => Ok(Axis::Y),
            "z" => Ok(Axis::Z),
            other => Err(InputError::Unknown {
                name: "axis",
                allowed: "\"x\", \"y\" or \"z\"",
                value: other.to_string(),
            }),
        }
    }
}

/// One oxygen vacancy: the O on the bond from Ta (layer, m, n) to its
/// neighbour in layer + 1 along the cubic `axis`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VacancySite {
    /// Layer of the lower Ta, 0 (interface) to N_L − 2.
    pub layer: i64,
    /// In-plane position of the lower Ta along a₁, 0 to L − 1.
    pub m: i64,
    /// In-plane position of the lower Ta along a₂, 0 to L − 1.
    pub n: i64,
    /// Direction of the bond.
    pub axis: Axis,
}

/// Where the vacancies are.
#[derive(Debug, Clone, PartialEq)]
pub enum Vacancies {
    /// This many, spread evenly over the interface bonds (layer 0 to 1).
    Count(usize),
    /// Exactly these.
    Sites(Vec<VacancySite>),
}

/// The model's parameters; energies in eV.
#[derive(Debug, Clone, PartialEq)]
pub struct VacancyParams {
    /// Number of (111) Ta layers N_L. Default 6: the paper's (KTaO₃)₆ slab.
    pub layers: usize,
    /// In-plane size L (an L × L periodic patch, one vacancy per patch by
    /// default). Default 4, tuned with the confinement (see the module doc):
    /// one vacancy (2 electrons) per 16 interface cells is 4.5e13 cm⁻²; the
    /// Hall density of the LaAlO₃/KTaO₃(111) sample, 7.28e13 cm⁻² (Fig. 1c),
    /// lies between L = 4 and L = 3 (8.1e13 cm⁻²), where the same moment
    /// would need a weaker confinement.
    pub size: usize,
    /// Bloch phases per in-plane direction, n. The patch repeats periodically
    /// (a vacancy lattice) and its states are sampled on the Γ-centred n × n
    /// mesh of Bloch phases across it. Default 1: the patch at Γ, as a
    /// Γ-point DFT supercell; the vacancy's electrons then fill a few
    /// discrete levels, as in a cluster. A finer mesh turns the quasi-1D
    /// ribbons into bands: at the defaults the largest moment at U_eff = 1 eV
    /// becomes 0.120, 0.110 and 0.117 μ_B for n = 2, 3 and 4 (and takes more
    /// steps to converge); the calibration is for n = 1.
    pub k_points: usize,
    /// The vacancies. Default one, at the interface.
    pub vacancies: Vacancies,
    /// π hopping t. Default 0.5 eV: a t2g bandwidth 8t ≈ 4 eV, the order of
    /// the width of the Ta 5d t2g conduction band of KTaO₃ in band
    /// calculations (Mattheiss 1972). Not tuned.
    pub hopping: f64,
    /// Depth V_vac of the attractive potential on the two orbitals of each
    /// Ta that π-bonded to the missing O. Default 0.3 eV, a modest attraction
    /// below the 0.45–0.5 eV above which (at the defaults) the two electrons
    /// collapse onto the interface Ta as a localised d² moment of ≈ 1.8 μ_B,
    /// a state the DFT of Fig. 3 does not show. Not tuned: at U_eff = 1 eV
    /// the moments do not change between 0 and 0.45 eV.
    pub vacancy_potential: f64,
    /// Rise F of the on-site energy per layer away from the interface.
    /// Default 0.7 eV per layer, tuned with the size (see the module doc).
    /// For scale: the field e·n/(ε0 ε_r) of a sheet of 7.28e13 cm⁻² across the
    /// (111) layer spacing a/√3 = 2.30 Å is 0.67 eV per layer for ε_r ≈ 4.5,
    /// the optical (electronic) permittivity of KTaO₃, and ten times less
    /// with the lattice's screening.
    pub confinement: f64,
    /// U_eff = U − J of Dudarev's potential. Default 1 eV, Fig. 3c.
    pub u_eff: f64,
    /// Atomic spin–orbit coupling λ. Default 0 (off): Fig. 3 shows a
    /// collinear, spin-resolved GGA+U_eff PDOS. Ta 5d: ≈ 0.4 eV. With SOC
    /// the slab is two dense complex blocks (one per SOC sector, see
    /// [`hamiltonian`]), so its size is limited ([`MAX_ORBITALS_SOC`]).
    pub soc: f64,
    /// Extra electrons per Ta spread uniformly (a donor background, used for
    /// the Stoner check). Default 0: all electrons come from vacancies.
    pub doping: f64,
    /// Fermi–Dirac smearing k_BT. Default 0.005 eV (58 K): the DFT of
    /// Fig. 3 is a T = 0 calculation, and at the defaults the moments at
    /// 0.005 eV equal those at 0.002 eV to 1e-5 μ_B (the T → 0 limit), while
    /// the smearing still lets fractional occupations of the patch's
    /// degenerate levels converge. Above ≈ 0.008 eV the mean field
    /// depolarises thermally (0.123 μ_B at 0.009 eV, none at 0.01 eV).
    pub smearing: f64,
    /// Linear mixing β of the densities. Default 0.8: all of 180 runs over
    /// the page's ranges (size 2–5, V_vac 0–2 eV, U_eff 0–2 eV in steps of
    /// 0.25) converge, in at most 165 steps (near the onset of the moment,
    /// where the spin response is soft); β = 1 is a little faster but leaves
    /// no margin where a stiffer charge response would make undamped
    /// iteration oscillate.
    pub mixing: f64,
    /// Convergence threshold on max_c |n_c^out − n_c^in| (electrons).
    /// Default 1e-9: moments to ~1e-8 μ_B, far below any shown digit.
    pub tolerance: f64,
    /// Iteration cap. Default 500, several times what the default needs.
    pub max_iterations: usize,
    /// Spin polarisation p of the starting density, n_σ = n₀(1 ± p) with
    /// n₀ the non-interacting density. Default 0.5. A start with p = 0 stays
    /// paramagnetic (the iteration never breaks spin symmetry by itself);
    /// any p ≠ 0, however small, lets the magnetic solution develop.
    pub initial_polarization: f64,
    /// Gaussian broadening (standard deviation) of the PDOS. Default 0.1 eV,
    /// enough to merge the discrete levels of the finite patch into bands.
    pub pdos_broadening: f64,
    /// A density to start the loop from instead of the polarised start of
    /// `initial_polarization`: n_c in electrons (0 to 1) for every channel
    /// c of [`hamiltonian::channel`], as [`VacancyResult::density`] gives
    /// it. A restart, as a DFT code restarts from a saved density: from the
    /// converged density of the same parameters the loop converges in one
    /// step, to the same solution. Default none. Where several solutions
    /// exist (U_eff above ≈ 1.75 eV at the defaults) a start from another
    /// solution's density may stay on that one.
    pub start_density: Option<Vec<f64>>,
}

impl Default for VacancyParams {
    fn default() -> Self {
        Self {
            layers: 6,
            size: 4,
            k_points: 1,
            vacancies: Vacancies::Count(1),
            hopping: 0.5,
            vacancy_potential: 0.3,
            confinement: 0.7,
            u_eff: 1.0,
            soc: 0.0,
            doping: 0.0,
            smearing: 0.005,
            mixing: 0.8,
            tolerance: 1e-9,
            max_iterations: 500,
            initial_polarization: 0.5,
            pdos_broadening: 0.1,
            start_density: None,
        }
    }
}

/// Largest number of spin-orbitals (6 per Ta) without SOC: the blocks are
/// small, so only memory and the page's patience limit it.
pub const MAX_ORBITALS: usize = 6 * 1200;
/// Largest number with SOC, where the slab is two dense complex blocks of 3
/// states per Ta: 6 layers of 3 × 3 (324), whose two 162 × 162 blocks take
/// ~50 ms per step natively (1.5–3 s per solution, 2–3 times that in the
/// browser); the default 4 × 4 patch (two blocks of 288) would take 5.6
/// times as long, about a minute per solution on a page.
pub const MAX_ORBITALS_SOC: usize = 6 * 54;

impl VacancyParams {
    /// Checks every parameter; names are the JavaScript option names.
    pub fn validate(&self) -> Result<(), VacancyError> {
        input::in_range("layers", self.layers as f64, 1.0, 64.0)?;
        input::in_range("size", self.size as f64, 1.0, 32.0)?;
        input::in_range("kPoints", self.k_points as f64, 1.0, 256.0)?;
        input::positive("hopping", self.hopping, "hopping in eV")?;
        input::in_range("hopping", self.hopping, 0.0, 10.0)?;
        input::in_range("vacancyPotential", self.vacancy_potential, 0.0, 20.0)?;
        input::in_range("confinement", self.confinement, 0.0, 5.0)?;
        input::in_range("uEff", self.u_eff, 0.0, 10.0)?;
        input::in_range("soc", self.soc, 0.0, 2.0)?;
        input::in_range("doping", self.doping, 0.0, 6.0)?;
        input::positive("smearing", self.smearing, "energy in eV")?;
        input::in_range("smearing", self.smearing, 1e-4, 1.0)?;
        input::positive("mixing", self.mixing, "fraction")?;
        input::in_range("mixing", self.mixing, 0.0, 1.0)?;
        input::positive("tolerance", self.tolerance, "number of electrons")?;
        input::in_range("tolerance", self.tolerance, 1e-14, 1e-2)?;
        input::in_range("maxIterations", self.max_iterations as f64, 1.0, 100_000.0)?;
        input::in_range("initialPolarization", self.initial_polarization, -1.0, 1.0)?;
        input::positive("pdosBroadening", self.pdos_broadening, "energy in eV")?;
        input::in_range("pdosBroadening", self.pdos_broadening, 1e-3, 2.0)?;
        let orbitals = 6 * self.layers * self.size * self.size;
        let (max, soc) = if self.soc > 0.0 {
            (MAX_ORBITALS_SOC, true)
        } else {
            (MAX_ORBITALS, false)
        };
        if orbitals > max {
            return Err(VacancyError::TooLarge { orbitals, max, soc });
        }
        if let Some(n) = &self.start_density {
            if n.len() != orbitals {
                return Err(VacancyError::StartDensityLength {
                    len: n.len(),
                    orbitals,
                });
            }
            input::in_range_slice("startDensity", n, 0.0, 1.0)?;
        }
        Ok(())
    }

    /// Electrons in the t2g bands: 2 per vacancy plus the doping.
    pub fn electrons(&self, vacancies: usize) -> f64 {
        2.0 * vacancies as f64 + self.doping * (self.layers * self.size * self.size) as f64
    }
}

/// Solves the model at `params`.
pub fn vacancy_model(params: &VacancyParams) -> Result<VacancyResult, VacancyError> {
    vacancy_model_with_progress(params, &mut |_, _| true)
}

/// Solves the model, calling `progress(iteration, residual)` after every
/// self-consistency step; the calculation stops with
/// [`VacancyError::Cancelled`] as soon as it returns false.
pub fn vacancy_model_with_progress(
    params: &VacancyParams,
    progress: &mut dyn FnMut(usize, f64) -> bool,
) -> Result<VacancyResult, VacancyError> {
    output::solve(params, progress)
}

/// The Fig. S18 scan: the model at each U_eff of `u_values` (eV, ≥ 0), the
/// other parameters from `params`, each solved from the same start.
pub fn u_scan(params: &VacancyParams, u_values: &[f64]) -> Result<UScan, VacancyError> {
    u_scan_with_progress(params, u_values, &mut |_, _, _| true)
}

/// [`u_scan`] with `progress(point, iteration, residual)` after every step
/// of every point; returning false cancels the scan.
pub fn u_scan_with_progress(
    params: &VacancyParams,
    u_values: &[f64],
    progress: &mut dyn FnMut(usize, usize, f64) -> bool,
) -> Result<UScan, VacancyError> {
    output::scan(params, u_values, progress)
}
