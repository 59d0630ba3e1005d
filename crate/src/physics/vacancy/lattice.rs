//! The Ta sites of a KTaO₃(111) slab, their π bonds, and the oxygen vacancies.
//!
//! Ta sits on a simple cubic lattice (spacing a); a (111) layer is the set
//! of sites with i + j + k = ℓ. Site (ℓ, m, n) of the slab is the cubic site
//! (i, j, k) = (ℓ + m, n − m, −n): m and n run along the in-plane vectors
//! a₁ = (1, −1, 0) and a₂ = (0, 1, −1) (length a√2), periodic modulo L. Each
//! Ta bonds through one O to the next Ta along ±x, ±y, ±z; +x, +y, +z lead
//! into layer ℓ + 1 at (m, n), (m − 1, n) and (m − 1, n − 1):
//!
//! (i + 1, j, k) → (ℓ + 1, m, n); (i, j + 1, k) → (ℓ + 1, m − 1, n);
//! (i, j, k + 1) → (ℓ + 1, m − 1, n − 1).
//!
//! There are no Ta–Ta bonds inside a (111) layer: each Ta has 3 bonds up and
//! 3 down. A t2g orbital hops only along the two cubic axes of its own plane
//! (d_yz along y and z, d_zx along z and x, d_xy along x and y).

use super::{Axis, Vacancies, VacancyError, VacancySite};

/// The three t2g orbitals, in the order used throughout: d_yz, d_zx, d_xy.
/// Orbital `o` is the one that does *not* hop along cubic axis `o`.
pub const ORBITALS: usize = 3;

/// A Ta–O–Ta bond from `lower` (layer ℓ) to `upper` (layer ℓ + 1) along
/// `axis`. The upper Ta lies in the periodic image of the patch displaced by
/// `wrap` = (w₁, w₂) patches along (L a₁, L a₂); (0, 0) inside the patch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bond {
    pub lower: usize,
    pub upper: usize,
    pub axis: Axis,
    pub wrap: [i64; 2],
}

/// The slab: sites, intact bonds, the vacancies and the Ta beside them.
#[derive(Debug, Clone)]
pub struct Slab {
    /// Number of (111) layers N_L (layer 0 is the interface).
    pub layers: usize,
    /// In-plane size L of the periodic patch (L × L Ta per layer).
    pub size: usize,
    /// Bonds left after the vacancies cut theirs.
    pub bonds: Vec<Bond>,
    /// The vacancies, resolved to explicit bonds.
    pub vacancies: Vec<VacancySite>,
    /// For each (site, orbital), index site·3 + orbital: how many missing O
    /// that orbital π-bonded to (each adds the vacancy potential).
    pub vacancy_neighbours: Vec<u32>,
}

impl Slab {
    /// Ta sites in the slab, N_L · L².
    pub fn sites(&self) -> usize {
        self.layers * self.size * self.size
    }
    /// Site index of (layer, m, n), with m and n taken modulo L.
    pub fn index(&self, layer: usize, m: i64, n: i64) -> usize {
        let l = self.size as i64;
        layer * self.size * self.size + (m.rem_euclid(l) * l + n.rem_euclid(l)) as usize
    }
    /// (layer, m, n) of a site index.
    pub fn coords(&self, site: usize) -> (usize, usize, usize) {
        let per_layer = self.size * self.size;
        let r = site % per_layer;
        (site / per_layer, r / self.size, r % self.size)
    }
    /// The layer of a site.
    pub fn layer_of(&self, site: usize) -> usize {
        site / (self.size * self.size)
    }
    /// The site in layer ℓ + 1 bonded to `site` along `axis`.
    pub fn up(&self, site: usize, axis: Axis) -> usize {
        self.up_wrapped(site, axis).0
    }
    /// The site in layer ℓ + 1 bonded to `site` along `axis`, and the patch
    /// image it lies in.
    pub fn up_wrapped(&self, site: usize, axis: Axis) -> (usize, [i64; 2]) {
        let (l, m, n) = self.coords(site);
        let (m, n) = (m as i64, n as i64);
        let (m, n) = match axis {
            Axis::X => (m, n),
            Axis::Y => (m - 1, n),
            Axis::Z => (m - 1, n - 1),
        };
        let size = self.size as i64;
        let wrap = [m.div_euclid(size), n.div_euclid(size)];
        (self.index(l + 1, m, n), wrap)
    }
    /// Cubic coordinates (i, j, k), in lattice constants, of a site.
    pub fn cubic(&self, site: usize) -> [f64; 3] {
        let (l, m, n) = self.coords(site);
        let (l, m, n) = (l as f64, m as f64, n as f64);
        [l + m, n - m, -n]
    }

    /// Builds the slab and cuts the bonds of the vacancies.
    pub fn new(layers: usize, size: usize, vacancies: &Vacancies) -> Result<Self, VacancyError> {
        let mut slab = Slab {
            layers,
            size,
            bonds: Vec::new(),
            vacancies: Vec::new(),
            vacancy_neighbours: vec![0; ORBITALS * layers * size * size],
        };
        slab.vacancies = slab.resolve(vacancies)?;
        let cut: Vec<(usize, Axis)> = slab
            .vacancies
            .iter()
            .map(|v| {
                let s = slab.index(v.layer as usize, v.m, v.n);
                (s, v.axis)
            })
            .collect();
        for &(s, axis) in &cut {
            let u = slab.up(s, axis);
            for o in (0..ORBITALS).filter(|&o| o != axis.index()) {
                slab.vacancy_neighbours[s * ORBITALS + o] += 1;
                slab.vacancy_neighbours[u * ORBITALS + o] += 1;
            }
        }
        let below_top = layers.saturating_sub(1) * size * size;
        for lower in 0..below_top {
            for axis in Axis::ALL {
                if !cut.contains(&(lower, axis)) {
                    let (upper, wrap) = slab.up_wrapped(lower, axis);
                    slab.bonds.push(Bond {
                        lower,
                        upper,
                        axis,
                        wrap,
                    });
                }
            }
        }
        Ok(slab)
    }

    /// Explicit vacancy sites: checked ones, or `count` spread evenly over
    /// the 3L² interface bonds (bond j·3L²/count, site-major, axis-minor).
    fn resolve(&self, vacancies: &Vacancies) -> Result<Vec<VacancySite>, VacancyError> {
        let bonds_per_layer = 3 * self.size * self.size;
        match vacancies {
            Vacancies::Count(count) => {
                let count = *count;
                if count > 0 && self.layers < 2 {
                    return Err(VacancyError::VacancyNeedsTwoLayers);
                }
                if count > bonds_per_layer {
                    return Err(VacancyError::TooManyVacancies {
                        count,
                        max: bonds_per_layer,
                    });
                }
                Ok((0..count)
                    .map(|j| {
                        let b = j * bonds_per_layer / count;
                        let (site, axis) = (b / 3, Axis::ALL[b % 3]);
                        let (_, m, n) = self.coords(site);
                        VacancySite {
                            layer: 0,
                            m: m as i64,
                            n: n as i64,
                            axis,
                        }
                    })
                    .collect())
            }
            Vacancies::Sites(sites) => {
                let l = self.size as i64;
                for (index, v) in sites.iter().enumerate() {
                    let top = self.layers as i64 - 2;
                    if !(0..=top).contains(&v.layer)
                        || !(0..l).contains(&v.m)
                        || !(0..l).contains(&v.n)
                    {
                        return Err(VacancyError::VacancyOutside {
                            index,
                            site: *v,
                            max_layer: top,
                            max_mn: l - 1,
                        });
                    }
                    if let Some(other) = sites[..index].iter().position(|w| w == v) {
                        return Err(VacancyError::DuplicateVacancy { index, other });
                    }
                }
                Ok(sites.clone())
            }
        }
    }

    /// Connected groups of sites for orbital `o` (hopping only along its two
    /// axes): each is an independent block of the spin-diagonal Hamiltonian.
    pub fn components(&self, orbital: usize) -> Vec<Vec<usize>> {
        let n = self.sites();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        for b in self.bonds.iter().filter(|b| b.axis.index() != orbital) {
            let (ra, rb) = (find(&mut parent, b.lower), find(&mut parent, b.upper));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut slot = vec![usize::MAX; n];
        for s in 0..n {
            let r = find(&mut parent, s);
            if slot[r] == usize::MAX {
                slot[r] = groups.len();
                groups.push(Vec::new());
            }
            groups[slot[r]].push(s);
        }
        groups
    }
}
