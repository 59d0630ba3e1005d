//! Zero-field-cooled and field-cooled M(T) at a small field (Fig. S5), from
//! the same ensemble and thermal model as the loops.
//!
//! - ZFC: cooled in zero field, every class holds its two states equally
//!   (p = ½, the equilibrium at H = 0, frozen on cooling); the field is
//!   applied at T_min and the moment measured on warming, each point held
//!   for the measuring time.
//! - FC: cooled in the field from T_c, where M_s and every barrier vanish
//!   (p = ½), through temperatures whose distance below T_c grows by 1/0.8
//!   per point from 1e-6 T_c up to T_max — M_s(T) rises as (T_c − T)^⅓, so
//!   the barriers grow fastest just below T_c and the steps must be finest
//!   there — then measured on cooling over the same temperatures as ZFC;
//!   reported on the ascending grid.
//!
//! A class is frozen where a point cannot move its populations
//! (λ < e^{−34.5}) and in equilibrium where λ > 40 wipes out its history;
//! only the few points between need the master equation. Both curves
//! coincide where every class is in equilibrium; they split below the
//! blocking temperatures of the largest particles.

use super::ensemble::{angle_quadrature, lognormal_classes};
use super::options::MagnetOptions;
use super::particle::Branch;
use super::sw_loop::background;
use super::thermal::{self, EQUILIBRIUM_LN_LAMBDA, LAMBDA_FROZEN_LN, POLARISED_Z};
use super::MagnetError;
use crate::fast_exp::pow;
use rand::{rngs::StdRng, SeedableRng};
use rand_distr::{Distribution, StandardNormal};
use serde::Serialize;

/// How finely ZFC/FC samples the ensemble.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZfcResolution {
    /// Easy-axis angles (equal cells).
    pub angles: usize,
    /// Equal-probability H_K classes (when `hkSpread` > 0).
    pub hk_classes: usize,
    /// Equal-probability volume classes (when `volumeSpread` > 0).
    pub volume_classes: usize,
}

/// ZFC/FC's quadrature: at 50 Oe ≪ H_K no particle switches by field alone,
/// so the easy-axis integrand is smooth and 6 angles suffice, and H_K enters
/// mostly through the barrier KV, like the volume; the volumes set the
/// blocking temperatures, the shape of the ZFC curve, and get 21 classes
/// (378 classes in all). Against a quadrature 30 times finer the curves
/// agree to 1 % of the FC maximum (`tests/magnet_presets.rs` checks 1.5 %).
pub const ZFC_RESOLUTION: ZfcResolution = ZfcResolution {
    angles: 6,
    hk_classes: 3,
    volume_classes: 21,
};

/// Field cooling from T_c to T_max: the distance below T_c shrinks by this
/// factor per point towards T_c ...
pub const PRECOOL_FACTOR: f64 = 0.8;
/// ... down to this fraction of T_c, where even the largest particles are
/// superparamagnetic (M_s is 1 % of M_s(0)).
pub const PRECOOL_CLOSEST: f64 = 1e-6;
/// The splitting FC − ZFC that marks the bifurcation: 2 % of its largest value.
pub const BIFURCATION_FRACTION: f64 = 0.02;

/// ZFC and FC curves at one field.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ZfcFc {
    /// Temperatures, K, ascending.
    pub temperature: Vec<f64>,
    /// Measured ZFC moment (warming), emu.
    pub zfc: Vec<f64>,
    /// Measured FC moment (cooling), emu.
    pub fc: Vec<f64>,
    /// The ferromagnetic ZFC moment alone, emu, without noise.
    pub zfc_ferro: Vec<f64>,
    /// The ferromagnetic FC moment alone, emu, without noise.
    pub fc_ferro: Vec<f64>,
    /// The measuring field, Oe.
    pub field_oe: f64,
    /// Highest temperature where FC − ZFC (ferromagnetic) exceeds 2 % of its
    /// largest value, K; `None` when the split persists to T_max.
    pub bifurcation_k: Option<f64>,
    /// Temperature of the ZFC maximum (ferromagnetic), K.
    pub zfc_peak_k: f64,
}

/// Adds `value` to positions [from, to) of a difference array.
fn add(diff: &mut [f64], from: usize, to: usize, value: f64) {
    if from < to {
        diff[from] += value;
        diff[to] -= value;
    }
}

/// ZFC and FC for options `o` (see [`MagnetOptions`]; the field, range and
/// point count are `fieldOe`, `tMinK`, `tMaxK`, `temperaturePoints`).
pub fn zfc_fc(o: &MagnetOptions) -> Result<ZfcFc, MagnetError> {
    zfc_fc_with(o, ZFC_RESOLUTION)
}

/// [`zfc_fc`] at a chosen quadrature resolution (for convergence checks).
pub fn zfc_fc_with(o: &MagnetOptions, res: ZfcResolution) -> Result<ZfcFc, MagnetError> {
    let checked = o.check()?;
    let checked_ensemble = checked.ensemble;
    let n = checked.temperature_points;
    let temperature: Vec<f64> = (0..n)
        .map(|i| o.t_min_k + (o.t_max_k - o.t_min_k) * i as f64 / (n - 1) as f64)
        .collect();
    // a = C·g(T) with g = (M_s(T)/M_s(0))/T and C = KV/k_B at M_s(0), T = 1 K.
    let g = |t: f64| {
        if t <= 0.0 {
            f64::INFINITY
        } else {
            thermal::ms_ratio(t, o.tc_k) / t
        }
    };
    let g_up: Vec<f64> = temperature.iter().map(|&t| g(t)).collect();
    // From T_c down towards T_max (so g ascends).
    let mut precool = Vec::new();
    let mut below = (o.tc_k - o.t_max_k) * PRECOOL_FACTOR;
    while below > PRECOOL_CLOSEST * o.tc_k {
        precool.push(g(o.tc_k - below));
        below *= PRECOOL_FACTOR;
    }
    precool.reverse();
    let ln_f0t = thermal::ln_attempts(o.measure_time_s);
    let hk = lognormal_classes(o.hk_oe, o.hk_spread, res.hk_classes);
    let vol = lognormal_classes(o.volume_nm3, o.volume_spread, res.volume_classes);
    let angles = angle_quadrature(checked_ensemble, o.psi_deg, o.spread_deg, res.angles);
    let (mut zfc_m, mut fc_m) = (vec![0.0; n], vec![0.0; n]);
    let mut acc = Populations::new(n);
    for (&psi, &w_psi) in angles.psi.iter().zip(&angles.weight) {
        let branch = Branch::cached(psi);
        for &(hk_oe, w_hk) in &hk {
            let x = o.field_oe / hk_oe;
            let plus_fav = x >= 0.0;
            let (mp, ep) = branch.eval(x);
            let (mm_neg, em) = branch.eval(-x);
            let mm = -mm_neg;
            let (m_fav, m_unf) = if plus_fav { (mp, mm) } else { (mm, mp) };
            let de = if plus_fav { em - ep } else { ep - em }.max(0.0);
            let y = x.abs() / branch.h_sw;
            acc.clear();
            if y >= 1.0 {
                // Only the favoured state exists.
                add(&mut acc.zfc_diff, 0, n, 1.0);
                add(&mut acc.fc_diff, 0, n, 1.0);
            } else {
                let cu = pow(1.0 - y, branch.n);
                for &(v, w_v) in &vol {
                    let c = thermal::barrier_over_kt(o.magnetization_emu_cm3, hk_oe, v, 1.0);
                    let class = Class { c, cu, de, ln_f0t };
                    class.add_to(&g_up, &precool, w_v, &mut acc);
                }
            }
            let w = w_psi * w_hk;
            let (mut pz, mut pf) = (0.0, 0.0);
            for i in 0..n {
                pz += acc.zfc_diff[i];
                pf += acc.fc_diff[i];
                let (qz, qf) = (pz + acc.zfc[i], pf + acc.fc[i]);
                zfc_m[i] += w * (m_unf + qz * (m_fav - m_unf));
                fc_m[i] += w * (m_unf + qf * (m_fav - m_unf));
            }
        }
    }
    let scale: Vec<f64> = temperature
        .iter()
        .map(|&t| o.ms_emu * thermal::ms_ratio(t, o.tc_k))
        .collect();
    let zfc_ferro: Vec<f64> = zfc_m.iter().zip(&scale).map(|(m, s)| m * s).collect();
    let fc_ferro: Vec<f64> = fc_m.iter().zip(&scale).map(|(m, s)| m * s).collect();
    let mut rng = StdRng::seed_from_u64(checked.seed);
    let mut measured = |ferro: &[f64]| -> Vec<f64> {
        ferro
            .iter()
            .zip(&temperature)
            .map(|(&m, &t)| {
                let z: f64 = StandardNormal.sample(&mut rng);
                m + background(o, o.field_oe, t) + o.noise_emu * z
            })
            .collect()
    };
    let zfc = measured(&zfc_ferro);
    let fc = measured(&fc_ferro);
    let bifurcation_k = bifurcation(&temperature, &zfc_ferro, &fc_ferro);
    let peak = zfc_ferro
        .iter()
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |best, (i, &m)| {
            if m * o.field_oe.signum() > best.1 {
                (i, m * o.field_oe.signum())
            } else {
                best
            }
        })
        .0;
    Ok(ZfcFc {
        zfc_peak_k: temperature.get(peak).copied().unwrap_or(o.t_min_k),
        temperature,
        zfc,
        fc,
        zfc_ferro,
        fc_ferro,
        field_oe: o.field_oe,
        bifurcation_k,
    })
}

/// The highest temperature where |FC − ZFC| exceeds [`BIFURCATION_FRACTION`]
/// of its largest value (linearly interpolated), or `None` if it does at T_max.
pub fn bifurcation(t: &[f64], zfc: &[f64], fc: &[f64]) -> Option<f64> {
    let split: Vec<f64> = zfc.iter().zip(fc).map(|(z, f)| (f - z).abs()).collect();
    let max = split.iter().copied().fold(0.0, f64::max);
    if max <= 0.0 {
        return t.first().copied();
    }
    let thr = BIFURCATION_FRACTION * max;
    let last = split.iter().rposition(|&s| s > thr)?;
    if last + 1 >= t.len() {
        return None;
    }
    let (s0, s1) = (split[last], split[last + 1]);
    let f = (s0 - thr) / (s0 - s1);
    Some(t[last] + f * (t[last + 1] - t[last]))
}

/// One (ψ, H_K, V) class at the fixed field.
struct Class {
    /// KV/k_B at M_s(0), K: a = c·g(T).
    c: f64,
    /// (1 − |x|/h_sw)^n: the unfavoured barrier in units of KV.
    cu: f64,
    /// The gap (E_unfav − E_fav)/(2KV).
    de: f64,
    ln_f0t: f64,
}

/// Σ w p_fav of the classes of one (ψ, H_K), per temperature: point values
/// (`zfc`, `fc`) plus constant stretches in difference arrays (`*_diff`).
struct Populations {
    zfc: Vec<f64>,
    fc: Vec<f64>,
    zfc_diff: Vec<f64>,
    fc_diff: Vec<f64>,
}

impl Populations {
    fn new(n: usize) -> Self {
        Self {
            zfc: vec![0.0; n],
            fc: vec![0.0; n],
            zfc_diff: vec![0.0; n + 1],
            fc_diff: vec![0.0; n + 1],
        }
    }
    fn clear(&mut self) {
        self.zfc.fill(0.0);
        self.fc.fill(0.0);
        self.zfc_diff.fill(0.0);
        self.fc_diff.fill(0.0);
    }
}

impl Class {
    /// Bounds on g = M_s(T)/(M_s(0) T) of the frozen (above) and the
    /// equilibrium (below) regimes.
    fn limits(&self) -> (f64, f64) {
        let frozen_above = (self.ln_f0t + LAMBDA_FROZEN_LN + 2f64.ln()) / (self.c * self.cu);
        let equilibrium_below = (self.ln_f0t - EQUILIBRIUM_LN_LAMBDA) / (self.c * self.cu);
        (frozen_above, equilibrium_below)
    }

    fn p_eq(&self, g: f64) -> f64 {
        let z = 2.0 * self.c * g * self.de;
        if z >= POLARISED_Z {
            1.0
        } else {
            1.0 / (1.0 + (-z).exp())
        }
    }

    fn relax(&self, p: f64, g: f64) -> f64 {
        let a = self.c * g;
        thermal::relax(p, a * self.cu, 2.0 * a * self.de, self.ln_f0t)
    }

    /// This class's ZFC and FC populations, weighted by `w`. `g` belongs to
    /// the ascending measured temperatures (so it descends), `precool` to the
    /// field cooling from T_c (so it ascends).
    fn add_to(&self, g: &[f64], precool: &[f64], w: f64, acc: &mut Populations) {
        let n = g.len();
        let (frozen_above, equilibrium_below) = self.limits();
        // Measured points i < i_f are frozen, i ≥ i_e in equilibrium.
        let i_f = g.partition_point(|&v| v > frozen_above);
        let i_e = g.partition_point(|&v| v >= equilibrium_below).max(i_f);
        for (i, &gi) in g.iter().enumerate().skip(i_e) {
            let p = w * self.p_eq(gi);
            acc.zfc[i] += p;
            acc.fc[i] += p;
        }
        // ZFC: p = ½ from zero-field cooling, then warming.
        add(&mut acc.zfc_diff, 0, i_f, w * 0.5);
        let mut p = 0.5;
        for (i, &gi) in g.iter().enumerate().take(i_e).skip(i_f) {
            p = self.relax(p, gi);
            acc.zfc[i] += w * p;
        }
        // FC: arriving at the highest non-equilibrium point from above.
        let mut p = if i_e < n {
            self.p_eq(g[i_e])
        } else {
            // Never in equilibrium on the measured grid: cool from T_c
            // (p = ½ there), in equilibrium while λ > 40.
            let pe = precool.partition_point(|&v| v < equilibrium_below);
            let pf = precool.partition_point(|&v| v <= frozen_above).max(pe);
            let mut p = match pe.checked_sub(1) {
                Some(k) => self.p_eq(precool[k]),
                None => 0.5,
            };
            for &gp in &precool[pe..pf] {
                p = self.relax(p, gp);
            }
            p
        };
        for i in (i_f..i_e).rev() {
            p = self.relax(p, g[i]);
            acc.fc[i] += w * p;
        }
        add(&mut acc.fc_diff, 0, i_f, w * p);
    }
}
