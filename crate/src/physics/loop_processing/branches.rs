//! Step 1 of loop processing: the sweep split into its descending and
//! ascending branches, each cleaned into a strictly monotonic curve.

use super::LoopError;

/// Fewest distinct fields a branch must have.
pub const MIN_BRANCH_POINTS: usize = 5;

/// One branch, stored with its fields ascending (whatever the sweep
/// direction) so that it can be interpolated by bisection.
#[derive(Debug, Clone)]
pub struct Branch {
    /// Fields, Oe, strictly ascending.
    pub h: Vec<f64>,
    /// Moments, emu.
    pub m: Vec<f64>,
    /// Position of each point in the sweep (mean input index of the points
    /// averaged into it), a clock for drift.
    pub t: Vec<f64>,
    /// The cubic of each interval [h_k, h_{k+1}] in t = (x − h_k)/(h_{k+1} − h_k).
    cubics: Vec<Cubic>,
}

/// The Hermite cubic of one interval, c₀ + c₁t + c₂t² + c₃t³ with t ∈ [0, 1],
/// from the end values and their Catmull–Rom slopes; `inv_dx` = 1/(h_{k+1} − h_k).
#[derive(Debug, Clone, Copy)]
struct Cubic {
    h0: f64,
    inv_dx: f64,
    c: [f64; 4],
}

impl Branch {
    /// m at field `x`: cubic Hermite interpolation with Catmull–Rom slopes
    /// (exact for cubics; linear interpolation of a loop's steep parts biases
    /// the centring by a fraction of the field step), flat beyond the ends.
    pub fn at(&self, x: f64) -> f64 {
        let i = self.h.partition_point(|&v| v <= x);
        self.hermite(i, x).0
    }

    /// A branch of ascending fields `h` (at least two), moments `m`, clock `t`.
    pub fn new(h: Vec<f64>, m: Vec<f64>, t: Vec<f64>) -> Self {
        let n = h.len();
        // Catmull–Rom slope at each point: (m[k+1] − m[k−1])/(h[k+1] − h[k−1]),
        // one-sided at the ends.
        let s: Vec<f64> = (0..n)
            .map(|k| {
                let (a, b) = (k.saturating_sub(1), (k + 1).min(n.saturating_sub(1)));
                if h[b] > h[a] {
                    (m[b] - m[a]) / (h[b] - h[a])
                } else {
                    0.0
                }
            })
            .collect();
        let cubics = (1..n)
            .map(|k| {
                let dx = h[k] - h[k - 1];
                let (m0, m1, d0, d1) = (m[k - 1], m[k], dx * s[k - 1], dx * s[k]);
                Cubic {
                    h0: h[k - 1],
                    inv_dx: 1.0 / dx,
                    c: [
                        m0,
                        d0,
                        3.0 * (m1 - m0) - 2.0 * d0 - d1,
                        2.0 * (m0 - m1) + d0 + d1,
                    ],
                }
            })
            .collect();
        Self { h, m, t, cubics }
    }

    /// (value, derivative) at `x`, which lies before point `i` (`i` from a
    /// bisection or a walk: the number of fields ≤ x).
    fn hermite(&self, i: usize, x: f64) -> (f64, f64) {
        let n = self.h.len();
        if i == 0 {
            return (self.m[0], 0.0);
        }
        if i >= n {
            return (self.m[n - 1], 0.0);
        }
        let Cubic {
            h0,
            inv_dx,
            c: [c0, c1, c2, c3],
        } = self.cubics[i - 1];
        let t = (x - h0) * inv_dx;
        let value = c0 + t * (c1 + t * (c2 + t * c3));
        let slope = (c1 + t * (2.0 * c2 + 3.0 * t * c3)) * inv_dx;
        (value, slope)
    }

    /// Values and derivatives at the ascending `xs`, by one walk.
    pub fn eval_ascending(&self, xs: &[f64], val: &mut [f64], der: &mut [f64]) {
        let n = self.h.len();
        let mut i = 0;
        for ((&x, v), d) in xs.iter().zip(val.iter_mut()).zip(der.iter_mut()) {
            while i < n && self.h[i] <= x {
                i += 1;
            }
            (*v, *d) = self.hermite(i, x);
        }
    }

    /// The interpolation at `x` as weights on the branch's points: m(x) =
    /// Σ w_k m_k (so that noise can be propagated through it).
    pub fn weights(&self, x: f64) -> [(usize, f64); 4] {
        let h = &self.h;
        let n = h.len();
        let i = h.partition_point(|&v| v <= x);
        if i == 0 {
            return [(0, 1.0), (0, 0.0), (0, 0.0), (0, 0.0)];
        }
        if i >= n {
            return [(n - 1, 1.0), (n - 1, 0.0), (n - 1, 0.0), (n - 1, 0.0)];
        }
        let (k0, k1) = (i - 1, i);
        let dx = h[k1] - h[k0];
        let t = (x - h[k0]) / dx;
        let (t2, t3) = (t * t, t * t * t);
        let (c0, d0, c1, d1) = (
            2.0 * t3 - 3.0 * t2 + 1.0,
            (t3 - 2.0 * t2 + t) * dx,
            -2.0 * t3 + 3.0 * t2,
            (t3 - t2) * dx,
        );
        // Catmull–Rom slope at k: (m[b] − m[a])/(h[b] − h[a]).
        let ends = |k: usize| {
            let (a, b) = (k.saturating_sub(1), (k + 1).min(n - 1));
            (a, b, 1.0 / (h[b] - h[a]))
        };
        let (a0, b0, s0) = ends(k0);
        let (a1, b1, s1) = ends(k1);
        // Collect c0 m0 + c1 m1 + d0 s0 (m_b0 − m_a0) + d1 s1 (m_b1 − m_a1)
        // on the four points k0 − 1 … k0 + 2.
        let base = k0.saturating_sub(1);
        let mut w = [
            (base, 0.0),
            (base + 1, 0.0),
            (base + 2, 0.0),
            (base + 3, 0.0),
        ];
        let mut put = |k: usize, v: f64| {
            let slot = k - base;
            if slot < 4 {
                w[slot].0 = k;
                w[slot].1 += v;
            }
        };
        put(k0, c0);
        put(k1, c1);
        put(b0, d0 * s0);
        put(a0, -d0 * s0);
        put(b1, d1 * s1);
        put(a1, -d1 * s1);
        for slot in &mut w {
            slot.0 = slot.0.min(n - 1);
        }
        w
    }

    /// Lowest field, Oe.
    pub fn lo(&self) -> f64 {
        self.h[0]
    }

    /// Highest field, Oe.
    pub fn hi(&self) -> f64 {
        self.h[self.h.len() - 1]
    }
}

/// The two branches of a sweep and which came first.
#[derive(Debug, Clone)]
pub struct Branches {
    pub down: Branch,
    pub up: Branch,
    /// True when the sweep went down first (+H_max → −H_max → +H_max).
    pub down_first: bool,
    /// Input indices of the descending and ascending branch (inclusive ranges).
    pub down_range: (usize, usize),
    pub up_range: (usize, usize),
}

fn argmax(v: &[f64]) -> usize {
    v.iter()
        .enumerate()
        .fold(
            (0, f64::NEG_INFINITY),
            |b, (i, &x)| if x > b.1 { (i, x) } else { b },
        )
        .0
}

fn argmin(v: &[f64]) -> usize {
    v.iter()
        .enumerate()
        .fold(
            (0, f64::INFINITY),
            |b, (i, &x)| if x < b.1 { (i, x) } else { b },
        )
        .0
}

/// Points `from..=to` of the sweep as a clean branch: repeated fields
/// (within `tol`) averaged into one point, and points that step back
/// against the sweep direction (field overshoot) dropped.
fn clean(h: &[f64], m: &[f64], from: usize, to: usize, descending: bool, tol: f64) -> Branch {
    let (mut bh, mut bm, mut bt): (Vec<f64>, Vec<f64>, Vec<f64>) =
        (Vec::new(), Vec::new(), Vec::new());
    let mut count = 0.0;
    for i in from..=to {
        let (x, y) = (h[i], m[i]);
        match bh.last().copied() {
            Some(last) if (x - last).abs() <= tol => {
                // The same field again: running means of moment and clock.
                count += 1.0;
                if let (Some(lm), Some(lt)) = (bm.last_mut(), bt.last_mut()) {
                    *lm += (y - *lm) / count;
                    *lt += (i as f64 - *lt) / count;
                }
            }
            Some(last) if (x < last) != descending => {}
            _ => {
                bh.push(x);
                bm.push(y);
                bt.push(i as f64);
                count = 1.0;
            }
        }
    }
    if descending {
        bh.reverse();
        bm.reverse();
        bt.reverse();
    }
    Branch::new(bh, bm, bt)
}

/// Splits the sweep at its field extremes into the descending and ascending
/// branches (by the sign of dH between the turning points).
pub fn split(h: &[f64], m: &[f64]) -> Result<Branches, LoopError> {
    let n = h.len();
    let (i_max, i_min) = (argmax(h), argmin(h));
    let span = h[i_max] - h[i_min];
    let tol = 1e-9 * span.abs().max(f64::MIN_POSITIVE);
    let (down_range, up_range, down_first) = if i_max < i_min {
        // Down from the maximum to the minimum, then up to the next maximum.
        let end = i_min + argmax(&h[i_min..]);
        ((i_max, i_min), (i_min, end), true)
    } else {
        let end = i_max + argmin(&h[i_max..]);
        ((i_max, end), (i_min, i_max), false)
    };
    let down = clean(h, m, down_range.0, down_range.1, true, tol);
    let up = clean(h, m, up_range.0, up_range.1, false, tol);
    let (nd, nu) = (down.h.len(), up.h.len());
    if nd < MIN_BRANCH_POINTS || nu < MIN_BRANCH_POINTS {
        return Err(LoopError::SingleBranch {
            down: nd,
            up: nu,
            min: MIN_BRANCH_POINTS,
            n,
        });
    }
    Ok(Branches {
        down,
        up,
        down_first,
        down_range,
        up_range,
    })
}
