//! Fig. 4, XMCD at the Ta N₃ edge — a schematic that explains the measurement,
//! not a model fitted to it.
//!
//! Circularly polarised X-rays of the two helicities (±) excite Ta 4p₃/₂ core
//! electrons into empty 5d states. When the 5d band is spin-polarised, spin–orbit
//! coupling of the core level makes the two helicities absorb differently: the
//! X-ray magnetic circular dichroism is μ₊ − μ₋ ∝ P · (k̂ · m̂), with P the 5d spin
//! polarisation and k̂ · m̂ = cos φ the projection of the magnetisation on the beam.
//! With the film magnetised in plane and the beam at 45° to the surface (the
//! paper's geometry), cos φ = cos 45°.
//!
//! The line shape is a sketch: an arctangent edge step plus a Lorentzian white
//! line, μ±(E) = step(E) + L(E) · (1 ± ½ D P cos φ), so XMCD = D P cos φ L(E).
//!
//! # References
//! A. C. Thompson *et al.*, *X-ray Data Booklet*, LBNL (2009), Table 1-1
//! (Ta N₃ = 4p₃/₂ binding energy 400.9 eV);
//! G. van der Laan & A. I. Figueroa, Coord. Chem. Rev. 277, 95 (2014) (XMCD).

use crate::input::{self, InputError};
use serde::Serialize;

/// Ta N₃ (4p₃/₂) edge energy in eV (X-ray Data Booklet).
pub const TA_N3_EDGE_EV: f64 = 400.9;
/// Half width of the sketched white line in eV: the short-lived 4p hole
/// broadens the line to several eV.
pub const WHITE_LINE_HWHM_EV: f64 = 3.0;
/// Dichroism of a fully polarised 5d shell relative to the white line, a
/// sketch value chosen to make the difference visible at P ≈ 10 %.
pub const DICHROISM_AT_FULL_POLARISATION: f64 = 0.5;
/// Default 5d spin polarisation: 0.124 μ_B on a Ta 5d¹ ion (Fig. 3c) is a
/// 12.4 % polarisation of its one electron.
pub const DEFAULT_POLARISATION: f64 = 0.124;
/// The paper's incidence: 45° between the beam and the film plane (Fig. 4a).
pub const DEFAULT_INCIDENCE_DEG: f64 = 45.0;

/// Sketched absorption for both helicities and their difference.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct XmcdSpectra {
    /// Photon energy in eV.
    pub energy_ev: Vec<f64>,
    /// Absorption for positive helicity (arbitrary units).
    pub mu_plus: Vec<f64>,
    /// Absorption for negative helicity (arbitrary units).
    pub mu_minus: Vec<f64>,
    /// XMCD = μ₊ − μ₋ (same units).
    pub xmcd: Vec<f64>,
}

/// The sketch for 5d spin polarisation `polarisation` (0–1) and a beam at
/// `incidence_deg` to the film plane (in-plane magnetisation), 380–425 eV.
pub fn xmcd_schematic(polarisation: f64, incidence_deg: f64) -> Result<XmcdSpectra, InputError> {
    input::in_range("polarisation", polarisation, 0.0, 1.0)?;
    input::in_range("incidenceDeg", incidence_deg, 0.0, 90.0)?;
    let d = DICHROISM_AT_FULL_POLARISATION * polarisation * incidence_deg.to_radians().cos();
    let (n, e0, e1) = (451, 380.0, 425.0);
    let mut s = XmcdSpectra {
        energy_ev: Vec::with_capacity(n),
        mu_plus: Vec::with_capacity(n),
        mu_minus: Vec::with_capacity(n),
        xmcd: Vec::with_capacity(n),
    };
    for i in 0..n {
        let e = e0 + (e1 - e0) * i as f64 / (n - 1) as f64;
        let x = (e - TA_N3_EDGE_EV) / WHITE_LINE_HWHM_EV;
        let step = 0.5 + x.atan() / std::f64::consts::PI;
        let line = 1.0 / (1.0 + x * x);
        s.energy_ev.push(e);
        s.mu_plus.push(step + line * (1.0 + 0.5 * d));
        s.mu_minus.push(step + line * (1.0 - 0.5 * d));
        s.xmcd.push(d * line);
    }
    Ok(s)
}
