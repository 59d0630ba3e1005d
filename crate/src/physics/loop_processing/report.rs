//! Steps 2–6 of loop processing and what they report (see the module doc).

use super::branches::{split, Branch};
use super::centre::{centre, centre_errors, Centre};
use super::local::{self, Local, WindowPoint};
use super::LoopError;
use crate::input::{self, InputError};
use crate::physics::constants::{EMU_IN_A_M2, KTAO3_LATTICE_A, MU_B_J_PER_T};
use serde::{Deserialize, Serialize};

/// Options of `processLoop`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct LoopOptions {
    /// Saturation field, Oe: the slope is fitted where |H − H0| ≥ hSatOe.
    /// Default: 70 % of the largest |H − H0| both branches reach (the top
    /// 30 % of the field range, physics.md §9).
    pub h_sat_oe: Option<f64>,
    /// Sample area, mm², for M_s in μ_B per interface unit cell. Default
    /// 25 mm², the 5 mm × 5 mm of physics.md §9.
    pub area_mm2: f64,
    /// Thickness of the magnetic layer, nm, for M_s in A/m. Default none.
    pub thickness_nm: Option<f64>,
}

impl Default for LoopOptions {
    fn default() -> Self {
        Self {
            h_sat_oe: None,
            area_mm2: 25.0,
            thickness_nm: None,
        }
    }
}

/// Everything `processLoop` finds, with standard errors (moments in emu,
/// fields in Oe).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoopReport {
    /// High-field slope χ (diamagnetic substrate + paramagnet), emu/Oe.
    pub slope: f64,
    pub slope_error: f64,
    /// Field offset H0 of the loop's centre, Oe.
    pub offset_h: f64,
    pub offset_h_error: f64,
    /// Moment offset M0 at the loop's centre, emu.
    pub offset_m: f64,
    pub offset_m_error: f64,
    /// Saturation moment, emu.
    pub ms: f64,
    pub ms_error: f64,
    /// Remanent moment, emu.
    pub mr: f64,
    pub mr_error: f64,
    /// Coercive field, Oe (NaN, with a warning, if a branch never crosses zero).
    pub hc: f64,
    pub hc_error: f64,
    /// M_r/M_s.
    pub squareness: f64,
    pub squareness_error: f64,
    /// Drift of the moment over the whole sweep (the mismatch it leaves
    /// between the first and last points at the same field), emu.
    pub closure_error: f64,
    pub closure_error_error: f64,
    /// Gap between the descending and the ascending branch in the high-field
    /// window (> 0: the loop is not saturated there), emu.
    pub opening: f64,
    pub opening_error: f64,
    /// RMS of m_d(H0 + u) + m_a(H0 − u) − 2 M0, emu.
    pub noise: f64,
    /// Noise of one point, from the scatter about the high-field fit, emu.
    pub point_noise: f64,
    /// log10 of the signal-to-noise ratio of the corrected loop.
    pub q: f64,
    /// Whether the high-field window passed the linearity test.
    pub linear: bool,
    /// Curvature term over its error in the high-field window.
    pub curvature_t: f64,
    /// The saturation field used, Oe.
    pub h_sat_oe: f64,
    /// M_s in μ_B per interface unit cell (KTaO₃(111), a = 3.989 Å).
    #[serde(rename = "msMuBPerCell")]
    pub ms_mub_per_cell: f64,
    #[serde(rename = "msMuBPerCellError")]
    pub ms_mub_per_cell_error: f64,
    /// M_s in A/m when a thickness was given.
    pub ms_a_per_m: Option<f64>,
    pub ms_a_per_m_error: Option<f64>,
    /// What makes the numbers doubtful, in words.
    pub warnings: Vec<String>,
    /// Every input field minus H0, Oe, in input order (not serialised: the
    /// wasm binding hands it over as a typed array).
    #[serde(skip_serializing)]
    pub h_centered: Vec<f64>,
    /// Every input moment minus M0 and the slope, emu, in input order (as
    /// `h_centered`).
    #[serde(skip_serializing)]
    pub m_corrected: Vec<f64>,
}

/// Moment `m_emu` as μ_B per interface unit cell of KTaO₃(111) on
/// `area_mm2`: one cell is √3 a² (27.56 Å² for a = 3.989 Å, physics.md §0).
pub fn moment_per_cell(m_emu: f64, area_mm2: f64, lattice_a: f64) -> Result<f64, LoopError> {
    input::finite("mEmu", m_emu)?;
    input::positive("areaMm2", area_mm2, "area in mm²")?;
    input::positive("latticeA", lattice_a, "lattice constant in Å")?;
    let cell_m2 = 3f64.sqrt() * (lattice_a * 1e-10).powi(2);
    let cells = area_mm2 * 1e-6 / cell_m2;
    Ok(m_emu * EMU_IN_A_M2 / MU_B_J_PER_T / cells)
}

/// Processes the loop (`h_oe`, `m_emu`): see the module documentation.
pub fn process_loop(
    h_oe: &[f64],
    m_emu: &[f64],
    opts: &LoopOptions,
) -> Result<LoopReport, LoopError> {
    input::finite_slice("hOe", h_oe)?;
    input::same_len("mEmu", m_emu, "hOe", h_oe)?;
    input::finite_slice("mEmu", m_emu)?;
    // Bounds far beyond any magnetometer keep every sum of squares finite.
    for (name, v, bound) in [("hOe", h_oe, 1e12), ("mEmu", m_emu, 1e30)] {
        if let Some(&x) = v.iter().find(|x| x.abs() > bound) {
            return Err(InputError::OutOfRange {
                name,
                min: -bound,
                max: bound,
                value: x,
            }
            .into());
        }
    }
    if let Some(h) = opts.h_sat_oe {
        input::positive("hSatOe", h, "field in Oe")?;
    }
    input::positive("areaMm2", opts.area_mm2, "area in mm²")?;
    if let Some(t) = opts.thickness_nm {
        input::positive("thicknessNm", t, "thickness in nm")?;
    }
    let br = split(h_oe, m_emu)?;
    let mut warnings = Vec::new();
    let (lo, hi) = (br.down.lo().max(br.up.lo()), br.down.hi().min(br.up.hi()));
    let full = h_oe.iter().fold(0.0f64, |a, v| a.max(v.abs()));
    if hi - lo < 1.6 * full {
        warnings.push(format!(
            "the two branches share only {lo:.0} to {hi:.0} Oe of the ±{full:.0} Oe sweep"
        ));
    }

    // 2. Centre by symmetry.
    let Centre {
        h0,
        m0,
        us,
        mismatch,
    } = centre(&br, lo, hi)?;

    // 3. The high-field window on both branches.
    let reach = (hi - h0).min(h0 - lo);
    let h_sat = opts.h_sat_oe.unwrap_or(0.7 * reach);
    let clock = 1.0 / h_oe.len() as f64;
    let mut window = Vec::new();
    for (b, down) in [(&br.down, true), (&br.up, false)] {
        for ((&h, &m), &t) in b.h.iter().zip(&b.m).zip(&b.t) {
            let u = h - h0;
            if u.abs() >= h_sat {
                window.push(WindowPoint {
                    u,
                    y: m - m0,
                    down,
                    tau: t * clock - 0.5,
                });
            }
        }
    }
    for (down, pos, which) in [
        (true, true, "descending branch at positive field"),
        (true, false, "descending branch at negative field"),
        (false, true, "ascending branch at positive field"),
        (false, false, "ascending branch at negative field"),
    ] {
        let found = window
            .iter()
            .filter(|q| q.down == down && (q.u > 0.0) == pos)
            .count();
        if found < 2 {
            return Err(LoopError::EmptyWindow {
                h_sat,
                which,
                found,
                h_max: reach,
            });
        }
    }
    let lin = local::window(&window, false)?;
    let value = |k: usize| lin.params[k].1;
    let error = |k: usize| lin.errors[k].1;
    let slope = value(0);
    let slope_err = error(0);
    let point_noise = lin.redchi.sqrt();
    let ms = 0.5 * (value(1) - value(2));
    let ms_err = 0.5
        * (lin.covariance[1][1] + lin.covariance[2][2] - 2.0 * lin.covariance[1][2])
            .max(0.0)
            .sqrt();
    let (h0_err, m0_err) = centre_errors(&br, h0, &us, point_noise);
    let (opening, opening_err) = (value(3), error(3));
    let (closure, closure_err) = (value(4), error(4));
    let curved = local::window(&window, true)?;
    let curvature_t = curved.params[5].1 / curved.errors[5].1;
    // The bend across the window: a significant but negligible one (below
    // 0.1 % of M_s, found only because the noise is tiny) is no warning, and
    // an undetermined curvature (NaN) shows none.
    let ubar = window.iter().map(|q| q.u.abs()).sum::<f64>() / window.len() as f64;
    let spread = window
        .iter()
        .map(|q| (q.u.abs() - ubar).powi(2))
        .fold(0.0, f64::max);
    let bend = (curved.params[5].1 * spread).abs();
    let linear = curvature_t.is_nan() || curvature_t.abs() < 3.0 || bend < 1e-3 * ms.abs();
    if !linear {
        warnings.push(format!(
            "the high-field window |H − H0| ≥ {h_sat:.0} Oe is not linear (curvature at \
             {curvature_t:.1}σ): the ferromagnet is not saturated there, or a paramagnet bends \
             the background; raise hSatOe or measure to higher fields"
        ));
    }
    if opening > 3.0 * opening_err && opening > 0.01 * ms.abs() {
        warnings.push(format!(
            "the branches are still {:.1} % of M_s apart in the high-field window: the loop is \
             not saturated at {:.0} Oe, so M_s and the slope are doubtful",
            100.0 * opening / ms.abs(),
            reach
        ));
    }
    if closure.abs() > 3.0 * closure_err && closure.abs() > 0.01 * ms.abs() {
        warnings.push(format!(
            "the loop does not close: {closure:.2e} emu of drift over the sweep"
        ));
    }

    // 4. Remanence and coercivity on the slope-corrected branches.
    let corrected = |b: &Branch| -> (Vec<f64>, Vec<f64>) {
        b.h.iter()
            .zip(&b.m)
            .map(|(&h, &m)| (h - h0, m - m0 - slope * (h - h0)))
            .unzip()
    };
    let (du, dy) = corrected(&br.down);
    let (uu, uy) = corrected(&br.up);
    let sigma = if point_noise > 0.0 {
        point_noise
    } else {
        f64::MIN_POSITIVE.sqrt()
    };
    let at_zero = |u: &[f64], y: &[f64], name: &str, warnings: &mut Vec<String>| {
        let mut idx: Vec<usize> = (0..u.len()).collect();
        idx.sort_by(|&i, &j| u[i].abs().total_cmp(&u[j].abs()));
        idx.truncate(8);
        idx.sort_unstable();
        let (su, sy): (Vec<f64>, Vec<f64>) = idx.iter().map(|&i| (u[i], y[i])).unzip();
        if !(su.iter().any(|&v| v <= 0.0) && su.iter().any(|&v| v >= 0.0)) {
            warnings.push(format!(
                "the {name} branch has no points on both sides of H = H0: M_r is extrapolated"
            ));
        }
        local::poly(&su, &sy, 0.0, 2, sigma)
    };
    let rd = at_zero(&du, &dy, "descending", &mut warnings)?;
    let ru = at_zero(&uu, &uy, "ascending", &mut warnings)?;
    let mr = 0.5 * (rd.coef[0] - ru.coef[0]);
    let mr_err = 0.5 * (rd.cov(0, 0) + ru.cov(0, 0)).max(0.0).sqrt();

    let crossing =
        |u: &[f64], y: &[f64], down: bool| -> Result<Option<(f64, f64, f64)>, LoopError> {
            let n = u.len();
            // In sweep order: the first sign change (+ → − going down, − → + going up).
            let i = if down {
                (0..n - 1).rev().find(|&i| y[i] <= 0.0 && y[i + 1] > 0.0)
            } else {
                (0..n - 1).find(|&i| y[i] < 0.0 && y[i + 1] >= 0.0)
            };
            let Some(i) = i else { return Ok(None) };
            let (from, to) = (i.saturating_sub(1), (i + 3).min(n));
            let uc = 0.5 * (u[i] + u[i + 1]);
            let fit: Local = local::poly(&u[from..to], &y[from..to], uc, 1, sigma)?;
            let (a0, a1) = (fit.coef[0], fit.coef[1]);
            let k = a0 / a1;
            let var = (fit.cov(0, 0) + k * k * fit.cov(1, 1) - 2.0 * k * fit.cov(0, 1)) / (a1 * a1);
            Ok(Some((uc - k, var.max(0.0), a1)))
        };
    let (hc, hc_err) = match (crossing(&du, &dy, true)?, crossing(&uu, &uy, false)?) {
        (Some((ud, vd, sd)), Some((uu0, vu, su))) => {
            let hc = 0.5 * (uu0 - ud);
            let steep = 0.5 * (sd.abs() + su.abs());
            let from_slope = hc * slope_err / steep;
            (hc, (0.25 * (vd + vu) + from_slope * from_slope).sqrt())
        }
        _ => {
            warnings.push(
                "a corrected branch never crosses m = 0: no coercive field (is there a \
                 ferromagnetic loop, and is the loop centred?)"
                    .to_string(),
            );
            (f64::NAN, f64::NAN)
        }
    };
    let squareness = mr / ms;
    let squareness_err = squareness.abs() * ((mr_err / mr).powi(2) + (ms_err / ms).powi(2)).sqrt();

    // 5. Quality of the corrected loop on the symmetric grid.
    let mut signal = 0.0;
    for &u in &us {
        let cd = br.down.at(h0 + u) - m0 - slope * u;
        let ca = br.up.at(h0 - u) - m0 + slope * u;
        signal += 0.5 * (cd * cd + ca * ca);
    }
    let n_u = us.len() as f64;
    signal /= n_u;
    let noise2 = mismatch.iter().map(|v| v * v).sum::<f64>() / n_u;
    let q = if noise2 > 0.0 {
        (signal / noise2).log10()
    } else {
        f64::INFINITY
    };
    if q < 0.3 {
        warnings.push(format!(
            "Q = {q:.2}: the loop is hardly above its noise (signal/noise {:.1})",
            10f64.powf(q)
        ));
    }

    // 6. Units.
    let per_cell = moment_per_cell(1.0, opts.area_mm2, KTAO3_LATTICE_A)?;
    let a_per_m = opts
        .thickness_nm
        .map(|t| EMU_IN_A_M2 / (opts.area_mm2 * 1e-6 * t * 1e-9));
    Ok(LoopReport {
        slope,
        slope_error: slope_err,
        offset_h: h0,
        offset_h_error: h0_err,
        offset_m: m0,
        offset_m_error: m0_err,
        ms,
        ms_error: ms_err,
        mr,
        mr_error: mr_err,
        hc,
        hc_error: hc_err,
        squareness,
        squareness_error: squareness_err,
        closure_error: closure,
        closure_error_error: closure_err,
        opening,
        opening_error: opening_err,
        noise: noise2.sqrt(),
        point_noise,
        q,
        linear,
        curvature_t,
        h_sat_oe: h_sat,
        ms_mub_per_cell: ms * per_cell,
        ms_mub_per_cell_error: ms_err * per_cell,
        ms_a_per_m: a_per_m.map(|f| ms * f),
        ms_a_per_m_error: a_per_m.map(|f| ms_err * f),
        warnings,
        h_centered: h_oe.iter().map(|h| h - h0).collect(),
        m_corrected: h_oe
            .iter()
            .zip(m_emu)
            .map(|(&h, &m)| m - m0 - slope * (h - h0))
            .collect(),
    })
}
