//! m–H loops of a Stoner–Wohlfarth ensemble with thermal activation, and the
//! signal a SQUID measures (Fig. 2 before correction).
//!
//! The loop starts at +H_max with every particle in its "+" state (the magnet
//! comes from positive saturation), descends to −H_max and returns, one point
//! per field held for the measuring time. Each class (ψ, H_K, V) carries one
//! number, the population p of its "+" state; the moment is
//! m = M_s(T) Σ w [m₋ + p (m₊ − m₋)] with the exact Stoner–Wohlfarth moments
//! of the two states (see [`particle`](super::particle)).
//!
//! Cost: a class only needs work where its populations can move — where the
//! unfavoured state's barrier is low enough to cross within one point, and
//! the favoured state is not yet fully occupied. A blocked class at 1.8 K
//! costs a handful of points per branch; a superparamagnetic one at 300 K
//! costs its unpolarised middle. The two states' moments depend on (ψ, H_K)
//! only and are computed once for all volumes.

use super::ensemble::{angle_quadrature, lognormal_classes, AngleQuadrature, Ensemble};
use super::memo::{keep, recall, Memo};
use super::options::MagnetOptions;
use super::particle::Branch;
use super::thermal;
use super::MagnetError;
use crate::physics::constants::{K_B_J_PER_K, MU_B_J_PER_T};
use rand::{rngs::StdRng, SeedableRng};
use rand_distr::{Distribution, StandardNormal};
use serde::Serialize;
use std::rc::Rc;

/// How finely the ensemble is sampled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolution {
    /// Classes in the whole quadrature (angles × H_K × volumes) that the
    /// angle count is chosen to fill.
    pub class_budget: usize,
    /// Fewest easy-axis angles of an ensemble.
    pub min_angles: usize,
    /// Most easy-axis angles of an ensemble.
    pub max_angles: usize,
    /// Equal-probability classes of the log-normal H_K distribution.
    pub hk_classes: usize,
    /// Equal-probability classes of the log-normal volume distribution.
    pub volume_classes: usize,
}

/// The loops' quadrature: 5 H_K × 5 volume classes and 16 easy-axis angles
/// (400 classes) for the default ensemble, 80 angles with one distribution,
/// 256 with none (0.35° cells: the plain Stoner–Wohlfarth loop's steps stay
/// below 0.4 % of M_s). On a 600 × 400 pixel plot of ±H_max × ±M_s the
/// default loop lies within 2 px of a quadrature 150 times finer at 1.8 K
/// and within 1 px at 100–300 K (`tests/stoner_wohlfarth.rs` checks 2.4 px).
pub const LOOP_RESOLUTION: Resolution = Resolution {
    class_budget: 400,
    min_angles: 16,
    max_angles: 256,
    hk_classes: 5,
    volume_classes: 5,
};

/// A loop: fields (descending then ascending) and moments.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SwLoop {
    /// Applied field, Oe: +H_max → −H_max, then −H_max → +H_max.
    pub h: Vec<f64>,
    /// The measured moment, emu: ferromagnet + χH + paramagnet + offset + noise.
    pub m: Vec<f64>,
    /// The ferromagnetic moment alone, emu, without noise.
    pub m_ferro: Vec<f64>,
}

/// The ensemble's classes: angles with their branches, H_K and volumes.
pub(crate) struct Classes {
    pub angles: AngleQuadrature,
    pub branches: Vec<Rc<Branch>>,
    pub hk: Vec<(f64, f64)>,
    pub volume: Vec<(f64, f64)>,
}

impl Classes {
    /// The classes of `o` for an ensemble of `ensemble` at resolution `res`;
    /// volumes matter only when `thermal`.
    pub fn new(o: &MagnetOptions, ensemble: Ensemble, thermal: bool, res: Resolution) -> Self {
        let hk = lognormal_classes(o.hk_oe, o.hk_spread, res.hk_classes);
        let volume = if thermal {
            lognormal_classes(o.volume_nm3, o.volume_spread, res.volume_classes)
        } else {
            vec![(o.volume_nm3, 1.0)]
        };
        let n = res
            .class_budget
            .div_ceil(hk.len() * volume.len())
            .clamp(res.min_angles, res.max_angles);
        let angles = angle_quadrature(ensemble, o.psi_deg, o.spread_deg, n);
        let branches = angles.psi.iter().map(|&p| Branch::cached(p)).collect();
        Self {
            angles,
            branches,
            hk,
            volume,
        }
    }
}

/// The field sweep: `points`/2 fields from +`h_max` to −`h_max`, then back.
/// The fields of each branch are exactly antisymmetric (H and −H both present).
pub fn loop_fields(h_max: f64, points: usize) -> Vec<f64> {
    let up = ascending_fields(h_max, points / 2);
    up.iter().rev().chain(up.iter()).copied().collect()
}

fn ascending_fields(h_max: f64, nb: usize) -> Vec<f64> {
    let mut f = vec![0.0; nb];
    for j in 0..nb / 2 {
        let v = h_max * (1.0 - 2.0 * j as f64 / (nb - 1) as f64);
        f[nb - 1 - j] = v;
        f[j] = -v;
    }
    f
}

/// The measured loop for options `o` (see [`MagnetOptions`]).
pub fn sw_loop(o: &MagnetOptions) -> Result<SwLoop, MagnetError> {
    sw_loop_with(o, LOOP_RESOLUTION)
}

/// [`sw_loop`] at a chosen quadrature resolution (for convergence checks).
pub fn sw_loop_with(o: &MagnetOptions, res: Resolution) -> Result<SwLoop, MagnetError> {
    let mut loops = sw_loops_with(std::slice::from_ref(o), res)?;
    loops
        .pop()
        .ok_or(MagnetError::OddPoints { points: o.points })
}

/// The loops of several option objects, as [`sw_loop`] gives them one by
/// one. Options that differ only in temperature, M_s, χ, paramagnet, offset,
/// noise and seed (a page's loops at several temperatures) share their
/// classes and the temperature-independent part of their sweeps.
pub fn sw_loops(options: &[MagnetOptions]) -> Result<Vec<SwLoop>, MagnetError> {
    sw_loops_with(options, LOOP_RESOLUTION)
}

fn sw_loops_with(options: &[MagnetOptions], res: Resolution) -> Result<Vec<SwLoop>, MagnetError> {
    let checked = options
        .iter()
        .map(|o| o.check())
        .collect::<Result<Vec<_>, _>>()?;
    // The sweeps (in units of M_s(T)): from the cache, or computed together
    // with those that share everything but temperature.
    let mut sweeps: Vec<Option<Rc<Vec<f64>>>> = options
        .iter()
        .map(|o| {
            if thermal::ms_ratio(o.temperature_k, o.tc_k) > 0.0 {
                recall(&SWEEPS, &sweep_key(o, res))
            } else {
                Some(Rc::new(Vec::new()))
            }
        })
        .collect();
    for i in 0..options.len() {
        if sweeps[i].is_some() {
            continue;
        }
        let o = &options[i];
        let shape = sweep_key(
            &MagnetOptions {
                temperature_k: 0.0,
                ..o.clone()
            },
            res,
        );
        let thermal_on = o.temperature_k > 0.0;
        let group: Vec<usize> = (i..options.len())
            .filter(|&k| {
                sweeps[k].is_none()
                    && (options[k].temperature_k > 0.0) == thermal_on
                    && sweep_key(
                        &MagnetOptions {
                            temperature_k: 0.0,
                            ..options[k].clone()
                        },
                        res,
                    ) == shape
            })
            .collect();
        let classes = Classes::new(o, checked[i].ensemble, thermal_on, res);
        let nb = checked[i].points / 2;
        let up = ascending_fields(o.h_max_oe, nb);
        let ln_f0t = thermal::ln_attempts(o.measure_time_s);
        let barriers: Vec<Box<dyn Fn(f64, f64) -> f64>> = group
            .iter()
            .map(|&k| {
                let t = options[k].temperature_k;
                let magnetization = o.magnetization_emu_cm3 * thermal::ms_ratio(t, o.tc_k);
                Box::new(move |hk: f64, v: f64| thermal::barrier_over_kt(magnetization, hk, v, t))
                    as Box<dyn Fn(f64, f64) -> f64>
            })
            .collect();
        let refs: Vec<&dyn Fn(f64, f64) -> f64> = barriers.iter().map(|b| b.as_ref()).collect();
        let reduced = super::sweep::reduced_loops(&classes, &up, ln_f0t, &refs);
        for (&k, r) in group.iter().zip(reduced) {
            let r = Rc::new(r);
            keep(
                &SWEEPS,
                SWEEP_CACHE,
                sweep_key(&options[k], res),
                Rc::clone(&r),
            );
            sweeps[k] = Some(r);
        }
    }
    options
        .iter()
        .zip(&checked)
        .zip(sweeps)
        .map(|((o, c), sweep)| {
            let nb = c.points / 2;
            let up = ascending_fields(o.h_max_oe, nb);
            let h: Vec<f64> = up.iter().rev().chain(up.iter()).copied().collect();
            let ms_t = thermal::ms_ratio(o.temperature_k, o.tc_k);
            let sweep = sweep.unwrap_or_default();
            let m_ferro: Vec<f64> = if ms_t > 0.0 && sweep.len() == h.len() {
                sweep.iter().map(|r| o.ms_emu * ms_t * r).collect()
            } else {
                vec![0.0; h.len()]
            };
            let z = normal_deviates(c.seed, h.len());
            let m = h
                .iter()
                .zip(&m_ferro)
                .zip(z.iter())
                .map(|((&hi, &mf), &z)| mf + background(o, hi, o.temperature_k) + o.noise_emu * z)
                .collect();
            Ok(SwLoop { h, m, m_ferro })
        })
        .collect()
}

/// Sweeps kept for reuse: a page recomputes its loops whenever any control
/// moves, but M_s, χ, the paramagnet, the offset and the noise do not change
/// the sweep of the ensemble (M_s only scales it). The last few used are
/// kept, keyed by every option that does.
const SWEEP_CACHE: usize = 32;

type SweepKey = [u64; 15];

thread_local! {
    static SWEEPS: Memo<SweepKey, Vec<f64>> = const { Memo::new(Vec::new()) };
}

/// The key of the sweep of `o` at `res`: every option that shapes it.
fn sweep_key(o: &MagnetOptions, res: Resolution) -> SweepKey {
    let ensemble = match o.ensemble.as_str() {
        "aligned" => 0,
        "inplane" => 1,
        "random3d" => 2,
        _ => 3,
    };
    [
        ensemble,
        o.psi_deg.to_bits(),
        o.spread_deg.to_bits(),
        o.hk_oe.to_bits(),
        o.hk_spread.to_bits(),
        o.magnetization_emu_cm3.to_bits(),
        o.volume_nm3.to_bits(),
        o.volume_spread.to_bits(),
        o.temperature_k.to_bits(),
        o.tc_k.to_bits(),
        o.measure_time_s.to_bits(),
        o.h_max_oe.to_bits(),
        o.points.to_bits(),
        (res.class_budget as u64) << 32 | res.min_angles as u64,
        (res.max_angles as u64) << 32 | (res.hk_classes as u64) << 16 | res.volume_classes as u64,
    ]
}

/// Noise sequences kept: one per loop of a page (up to 8 temperatures, two samples).
const NOISE_CACHE: usize = 16;

thread_local! {
    static NOISE: Memo<(u64, usize), Vec<f64>> = const { Memo::new(Vec::new()) };
}

/// The first `n` standard normal deviates of the generator seeded with
/// `seed`: a loop's noise, the same whatever the other options, so drawn once
/// per seed rather than on every update of a page.
fn normal_deviates(seed: u64, n: usize) -> Rc<Vec<f64>> {
    let key = (seed, n);
    recall(&NOISE, &key).unwrap_or_else(|| {
        let mut rng = StdRng::seed_from_u64(seed);
        let z = Rc::new((0..n).map(|_| StandardNormal.sample(&mut rng)).collect());
        keep(&NOISE, NOISE_CACHE, key, Rc::clone(&z));
        z
    })
}

/// χH + paramagnet + offset at field `h_oe` and temperature `t_k`, emu.
///
/// The paramagnet is N spin-½ moments of μ_B: m = N μ_B tanh(μ_B H/k_B T),
/// with N μ_B chosen so that its initial susceptibility at 1.8 K is
/// `paraEmuPerOe` (Curie's law, χ ∝ 1/T).
pub fn background(o: &MagnetOptions, h_oe: f64, t_k: f64) -> f64 {
    let mu_b = MU_B_J_PER_T * 1e3; // erg/G
    let k_b = K_B_J_PER_K * 1e7; // erg/K
    let n_mu = o.para_emu_per_oe * k_b * 1.8 / mu_b;
    let para = if o.para_emu_per_oe == 0.0 {
        0.0
    } else if t_k > 0.0 {
        n_mu * (mu_b * h_oe / (k_b * t_k)).tanh()
    } else if h_oe == 0.0 {
        0.0
    } else {
        n_mu * h_oe.signum()
    };
    o.chi_emu_per_oe * h_oe + para + o.offset_emu
}
