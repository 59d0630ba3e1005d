//! One Stoner–Wohlfarth particle: its two metastable states, their moments
//! and energies along the field, and where each state ceases to exist.
//!
//! Reduced units: field x = H/H_K, energy e = E/(2KV), so that
//! e(φ) = ½ sin²(φ − ψ) − x cos φ, with φ the moment's angle from the field
//! and ψ the easy axis's. The "+" state is the minimum that holds the moment
//! near +ψ (the one a large positive field prepares); it exists for
//! x > −h_sw(ψ) and its moment along the field is m₊ = cos φ. The "−" state is
//! its mirror image: m₋(x) = −m₊(−x), e₋(x) = e₊(−x).
//!
//! The "+" branch is traced exactly in parametric form: the stationarity
//! condition ½ sin 2(φ − ψ) + x sin φ = 0 gives x(φ) = −sin 2(φ − ψ)/(2 sin φ),
//! which falls monotonically from +∞ (φ → 0) to −h_sw at the critical angle
//! φ_c = ψ + arctan(tan^⅓ ψ), where the minimum merges with the maximum
//! (e'' = 0). There h_sw = sin³(φ_c − ψ)/sin ψ = (cos^⅔ ψ + sin^⅔ ψ)^(−3/2),
//! the astroid. A table of exact points, uniform in φ, is therefore dense in x
//! exactly where m₊(x) has its square-root singularity at the switching field.
//!
//! # References
//! E. C. Stoner and E. P. Wohlfarth, *A mechanism of magnetic hysteresis in
//! heterogeneous alloys*, Phil. Trans. R. Soc. A 240, 599–642 (1948).
//! H. Pfeiffer, *Determination of anisotropy field distribution in particle
//! assemblies taking into account thermal fluctuations*, phys. stat. sol. (a)
//! 118, 295–306 (1990) (the barrier exponent).

use std::cell::RefCell;
use std::collections::HashMap;
use std::f64::consts::{FRAC_PI_2, PI};
use std::rc::Rc;

/// Branches built so far, by the bits of their folded angle: an ensemble's
/// angles do not change when a field, H_K or temperature slider moves, so
/// each table is built once per page. Cleared when it grows past this.
const CACHE_LIMIT: usize = 4096;

thread_local! {
    static CACHE: RefCell<HashMap<u64, Rc<Branch>>> = RefCell::new(HashMap::new());
}

/// Easy axes within this angle (rad) of the field, or of its normal, are
/// treated as exactly aligned or perpendicular: the parametric branch
/// degenerates there, and the closed forms are exact.
const AXIS_EPS: f64 = 1e-9;

/// Points of the parametric table. Linear interpolation between exact points
/// uniform in φ (spacing ≤ π/256) keeps m₊ within 1e-4 of the exact branch
/// (within 2e-3 in the last 1 % of fields before the switch, where dm/dx
/// diverges); the energies, interpolated with their exact slopes, to 1e-7.
const TABLE_POINTS: usize = 257;

/// Reduced field of the table's top. Above it the first-order solution
/// φ = sin 2ψ / (2(x + cos 2ψ)) is used, whose error in m is below 1e-8 there.
pub const X_TOP: f64 = 64.0;

/// ψ in radians folded into [0, π/2]: a uniaxial axis at ψ, ψ + π and −ψ
/// gives the same loop along the field.
pub fn fold_psi(psi_rad: f64) -> f64 {
    let r = psi_rad.rem_euclid(PI);
    if r > FRAC_PI_2 {
        PI - r
    } else {
        r
    }
}

/// Reduced switching field h_sw(ψ) = (cos^⅔ ψ + sin^⅔ ψ)^(−3/2) (the astroid):
/// 1 at ψ = 0° and 90°, ½ at 45°.
pub fn switching_field(psi_rad: f64) -> f64 {
    let p = fold_psi(psi_rad);
    let (s, c) = p.sin_cos();
    (c.max(0.0).powf(2.0 / 3.0) + s.max(0.0).powf(2.0 / 3.0)).powf(-1.5)
}

/// Pfeiffer's exponent of the barrier KV(1 − |H|/H_sw)^n for a particle whose
/// easy axis makes ψ with the field: n = 0.86 + 1.14 h_sw(ψ), which is 2 (the
/// exact Stoner–Wohlfarth value) for an aligned particle and ≈ 1.43 at 45°.
pub fn barrier_exponent(h_sw: f64) -> f64 {
    0.86 + 1.14 * h_sw
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Aligned,
    Perpendicular,
    General,
}

/// The "+" branch of one particle with easy axis ψ, ready to be evaluated
/// at any reduced field.
#[derive(Debug, Clone)]
pub struct Branch {
    /// Easy-axis angle from the field, folded into [0, π/2], radians.
    pub psi: f64,
    /// Reduced switching field h_sw(ψ).
    pub h_sw: f64,
    /// Pfeiffer's barrier exponent n(ψ).
    pub n: f64,
    kind: Kind,
    /// Reduced fields of the table, ascending (from −h_sw to [`X_TOP`]).
    x: Vec<f64>,
    /// m₊ = cos φ at those fields.
    m: Vec<f64>,
    /// e₊ at those fields.
    e: Vec<f64>,
    /// Each interval of the table in one record (what an interpolation
    /// reads, side by side).
    segments: Vec<Segment>,
    sin2psi: f64,
    cos2psi: f64,
}

/// One interval of a branch's table: its start, width and 1/width (so a
/// lookup needs no division), and the moments and energies at both ends.
#[derive(Debug, Clone, Copy)]
struct Segment {
    x0: f64,
    h: f64,
    inv_h: f64,
    m: [f64; 2],
    e: [f64; 2],
}

/// x(φ) on the stationary curve, and dx/dφ.
fn field_of_angle(phi: f64, psi: f64) -> (f64, f64) {
    let (s2, c2) = (2.0 * (phi - psi)).sin_cos();
    let (s, c) = phi.sin_cos();
    let x = -s2 / (2.0 * s);
    let dx = (-c2 * s + 0.5 * s2 * c) / (s * s);
    (x, dx)
}

impl Branch {
    /// The branch of a particle with easy axis at `psi_rad` from the field.
    pub fn new(psi_rad: f64) -> Self {
        let psi = fold_psi(psi_rad);
        let h_sw = switching_field(psi);
        let (sin2psi, cos2psi) = (2.0 * psi).sin_cos();
        let mut b = Self {
            psi,
            h_sw,
            n: barrier_exponent(h_sw),
            kind: Kind::General,
            x: Vec::new(),
            m: Vec::new(),
            e: Vec::new(),
            segments: Vec::new(),
            sin2psi,
            cos2psi,
        };
        if psi < AXIS_EPS {
            b.kind = Kind::Aligned;
            b.h_sw = 1.0;
            b.n = 2.0;
            return b;
        }
        if psi > FRAC_PI_2 - AXIS_EPS {
            b.kind = Kind::Perpendicular;
            b.h_sw = 1.0;
            b.n = 2.0;
            return b;
        }
        let phi_c = psi + psi.tan().cbrt().atan();
        // φ where x(φ) = X_TOP, by Newton from the large-field solution.
        let mut phi_top = sin2psi / (2.0 * (X_TOP + cos2psi));
        for _ in 0..30 {
            let (x, dx) = field_of_angle(phi_top, psi);
            let step = (x - X_TOP) / dx;
            let next = (phi_top - step).clamp(0.5 * phi_top, 0.5 * (phi_top + phi_c));
            if (next - phi_top).abs() <= 1e-15 * phi_top {
                phi_top = next;
                break;
            }
            phi_top = next;
        }
        let (mut x, mut m, mut e) = (
            Vec::with_capacity(TABLE_POINTS),
            Vec::with_capacity(TABLE_POINTS),
            Vec::with_capacity(TABLE_POINTS),
        );
        // Ascending in x means descending in φ: from φ_c down to φ_top.
        for i in 0..TABLE_POINTS {
            let t = i as f64 / (TABLE_POINTS - 1) as f64;
            let phi = phi_c + (phi_top - phi_c) * t;
            let xi = if i == 0 {
                -h_sw
            } else if i == TABLE_POINTS - 1 {
                X_TOP
            } else {
                field_of_angle(phi, psi).0
            };
            let s = (phi - psi).sin();
            let cp = phi.cos();
            x.push(xi);
            m.push(cp);
            e.push(0.5 * s * s - xi * cp);
        }
        b.segments = (0..TABLE_POINTS - 1)
            .map(|i| Segment {
                x0: x[i],
                h: x[i + 1] - x[i],
                inv_h: 1.0 / (x[i + 1] - x[i]),
                m: [m[i], m[i + 1]],
                e: [e[i], e[i + 1]],
            })
            .collect();
        b.x = x;
        b.m = m;
        b.e = e;
        b
    }

    /// The branch of `psi_rad`, from the cache when it was built before.
    pub fn cached(psi_rad: f64) -> Rc<Branch> {
        let key = fold_psi(psi_rad).to_bits();
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(b) = cache.get(&key) {
                return Rc::clone(b);
            }
            if cache.len() >= CACHE_LIMIT {
                cache.clear();
            }
            let b = Rc::new(Branch::new(psi_rad));
            cache.insert(key, Rc::clone(&b));
            b
        })
    }

    /// Whether the "+" state exists at reduced field `x` (x > −h_sw).
    pub fn plus_exists(&self, x: f64) -> bool {
        x > -self.h_sw
    }

    /// (m₊, e₊) at reduced field `x`. Below −h_sw the state does not exist;
    /// the values at the switching point are returned (with e continued
    /// linearly), which callers weigh by a zero population.
    pub fn eval(&self, x: f64) -> (f64, f64) {
        match self.kind {
            Kind::Aligned => (1.0, -x),
            Kind::Perpendicular => {
                if x >= 1.0 {
                    (1.0, 0.5 - x)
                } else if x <= -1.0 {
                    (-1.0, 0.5 + x)
                } else {
                    (x, -0.5 * x * x)
                }
            }
            Kind::General => {
                let last = self.x.len() - 1;
                if x >= self.x[last] {
                    self.asymptote(x)
                } else if x <= self.x[0] {
                    (self.m[0], self.e[0] - (x - self.x[0]) * self.m[0])
                } else {
                    let i = self.x.partition_point(|&v| v <= x).clamp(1, last) - 1;
                    self.interpolate(i, x)
                }
            }
        }
    }

    /// (m₊, e₊) at every field of `xs` (ascending), by walking the table once.
    pub fn eval_sorted(&self, xs: &[f64], m: &mut [f64], e: &mut [f64]) {
        if self.kind != Kind::General {
            for ((&x, mo), eo) in xs.iter().zip(m.iter_mut()).zip(e.iter_mut()) {
                (*mo, *eo) = self.eval(x);
            }
            return;
        }
        let last = self.x.len() - 1;
        let (lo, hi) = (self.x[0], self.x[last]);
        let (m_lo, e_lo) = (self.m[0], self.e[0]);
        let mut i = 0;
        for ((&x, mo), eo) in xs.iter().zip(m.iter_mut()).zip(e.iter_mut()) {
            if x <= lo {
                // Below the switching field: as `eval`, continued linearly.
                (*mo, *eo) = (m_lo, e_lo - (x - lo) * m_lo);
                continue;
            }
            if x >= hi {
                (*mo, *eo) = self.asymptote(x);
                continue;
            }
            // The segment [x_i, x_{i+1}] holding x (a walk: xs ascend; it
            // stops by x_last = hi > x).
            while self.x[i + 1] < x {
                i += 1;
            }
            while i > 0 && self.x[i] > x {
                i -= 1;
            }
            (*mo, *eo) = self.interpolate(i, x);
        }
    }

    /// Between table points i and i + 1: m linear in x; e by cubic Hermite
    /// with the exact slope de/dx = −m (the envelope theorem).
    fn interpolate(&self, i: usize, x: f64) -> (f64, f64) {
        let Segment {
            x0,
            h,
            inv_h,
            m: [m0, m1],
            e: [e0, e1],
        } = self.segments[i];
        let t = ((x - x0) * inv_h).clamp(0.0, 1.0);
        let m = m0 + (m1 - m0) * t;
        let (t2, t3) = (t * t, t * t * t);
        let e = (2.0 * t3 - 3.0 * t2 + 1.0) * e0
            + (t3 - 2.0 * t2 + t) * h * (-m0)
            + (-2.0 * t3 + 3.0 * t2) * e1
            + (t3 - t2) * h * (-m1);
        (m, e)
    }

    /// Far above the anisotropy field: φ = sin 2ψ/(2(x + cos 2ψ)) to first order.
    fn asymptote(&self, x: f64) -> (f64, f64) {
        let phi = self.sin2psi / (2.0 * (x + self.cos2psi));
        let s = (phi - self.psi).sin();
        let cp = phi.cos();
        (cp, 0.5 * s * s - x * cp)
    }
}
