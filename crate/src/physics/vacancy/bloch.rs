//! Bloch phases of the periodic patch, and which of them each block needs.
//!
//! The patch repeats periodically (a vacancy lattice, as in a DFT supercell),
//! so the states are Bloch states of Bloch phases θ = (θ₁, θ₂) across the
//! patch, sampled on the Γ-centred n × n mesh θᵢ = 2π jᵢ/n. After a gauge
//! transformation along a spanning tree of the block, each remaining bond
//! carries a phase c·θ with an integer winding c. A ribbon's windings are all
//! multiples of one primitive v, so its spectrum depends on φ = v·θ alone,
//! and the n² mesh reduces exactly to the n values φ = 2πj/n. Without SOC,
//! H(−θ) = H(θ)*, so θ and −θ are done once with double weight.

use std::f64::consts::PI;

/// One Bloch phase θ of a block's sampling and its weight (Σ weights = 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KSample {
    pub theta: [f64; 2],
    pub weight: f64,
    /// All Bloch factors are ±1: the matrix is real.
    pub real: bool,
}

/// Site-level bonds of a block: (local lower, local upper, wrap).
pub type SiteBond = (usize, usize, [i64; 2]);

/// Gauge-fixes the windings along a spanning tree: returns, per bond, the
/// residual winding c = g(a) + wrap − g(b) (zero on tree bonds).
pub fn gauge_fixed(sites: usize, bonds: &[SiteBond]) -> Vec<[i64; 2]> {
    let mut adjacency: Vec<Vec<(usize, [i64; 2])>> = vec![Vec::new(); sites];
    for &(a, b, w) in bonds {
        adjacency[a].push((b, w));
        adjacency[b].push((a, [-w[0], -w[1]]));
    }
    let mut g: Vec<Option<[i64; 2]>> = vec![None; sites];
    for root in 0..sites {
        if g[root].is_some() {
            continue;
        }
        g[root] = Some([0, 0]);
        let mut stack = vec![root];
        while let Some(a) = stack.pop() {
            let ga = g[a].unwrap_or([0, 0]);
            for &(b, w) in &adjacency[a] {
                if g[b].is_none() {
                    g[b] = Some([ga[0] + w[0], ga[1] + w[1]]);
                    stack.push(b);
                }
            }
        }
    }
    bonds
        .iter()
        .map(|&(a, b, w)| {
            let (ga, gb) = (g[a].unwrap_or([0, 0]), g[b].unwrap_or([0, 0]));
            [ga[0] + w[0] - gb[0], ga[1] + w[1] - gb[1]]
        })
        .collect()
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a.abs()
    } else {
        gcd(b, a % b)
    }
}

/// The Bloch phases a block with residual windings `cs` needs, on the
/// Γ-centred n × n mesh; `time_reversal` pairs θ with −θ.
pub fn sampling(cs: &[[i64; 2]], n: usize, time_reversal: bool) -> Vec<KSample> {
    let nonzero: Vec<[i64; 2]> = cs.iter().copied().filter(|c| *c != [0, 0]).collect();
    let real_at = |theta: [f64; 2]| {
        cs.iter().all(|c| {
            let phase = (c[0] as f64 * theta[0] + c[1] as f64 * theta[1]) / PI;
            (phase - phase.round()).abs() < 1e-9
        })
    };
    let Some(first) = nonzero.first() else {
        // A finite cluster: no Bloch phase enters.
        return vec![KSample {
            theta: [0.0, 0.0],
            weight: 1.0,
            real: true,
        }];
    };
    let g = gcd(first[0], first[1]).max(1);
    let v = [first[0] / g, first[1] / g];
    let nf = n as f64;
    let mut out = Vec::new();
    if nonzero.iter().all(|c| c[0] * v[1] == c[1] * v[0]) {
        // One winding direction: φ = v·θ on n points, θ = φ v/|v|².
        let vv = (v[0] * v[0] + v[1] * v[1]) as f64;
        for j in 0..n {
            let partner = (n - j) % n;
            if time_reversal && partner < j {
                continue;
            }
            let weight = if time_reversal && partner != j {
                2.0
            } else {
                1.0
            } / nf;
            let phi = 2.0 * PI * j as f64 / nf;
            let theta = [phi * v[0] as f64 / vv, phi * v[1] as f64 / vv];
            out.push(KSample {
                theta,
                weight,
                real: real_at(theta),
            });
        }
    } else {
        for j1 in 0..n {
            for j2 in 0..n {
                let partner = ((n - j1) % n, (n - j2) % n);
                if time_reversal && partner < (j1, j2) {
                    continue;
                }
                let paired = time_reversal && partner != (j1, j2);
                let weight = if paired { 2.0 } else { 1.0 } / (nf * nf);
                let theta = [2.0 * PI * j1 as f64 / nf, 2.0 * PI * j2 as f64 / nf];
                out.push(KSample {
                    theta,
                    weight,
                    real: real_at(theta),
                });
            }
        }
    }
    out
}
