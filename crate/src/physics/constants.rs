//! Physical constants, defined once for the whole crate.
//!
//! # References
//! E. Tiesinga, P. J. Mohr, D. B. Newell, B. N. Taylor, *CODATA recommended
//! values of the fundamental physical constants: 2018*, Rev. Mod. Phys. 93,
//! 025010 (2021). `E`, `H` and `K_B` are exact in the 2019 SI.

/// Elementary charge e, in coulombs (exact).
pub const E_CHARGE_C: f64 = 1.602_176_634e-19;
/// Planck constant h, in J·s (exact).
pub const H_PLANCK_JS: f64 = 6.626_070_15e-34;
/// Reduced Planck constant ħ = h/2π, in J·s.
pub const HBAR_JS: f64 = H_PLANCK_JS / (2.0 * std::f64::consts::PI);
/// Boltzmann constant k_B, in J/K (exact).
pub const K_B_J_PER_K: f64 = 1.380_649e-23;
/// Bohr magneton μ_B, in J/T (CODATA 2018 recommended value).
pub const MU_B_J_PER_T: f64 = 9.274_010_078_3e-24;
/// Magnetic flux quantum Φ0 = h/2e, in Wb (T·m²).
pub const PHI0_WB: f64 = H_PLANCK_JS / (2.0 * E_CHARGE_C);
/// 1 emu of magnetic moment in A·m² (Gaussian-to-SI conversion).
pub const EMU_IN_A_M2: f64 = 1e-3;
/// KTaO₃ cubic lattice constant a, in ångström (physics.md §0).
pub const KTAO3_LATTICE_A: f64 = 3.989;
