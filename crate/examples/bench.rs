//! Native timings for the benchmark table (`bash scripts/bench.sh`): one JSON
//! line per case, `{"case": …, "us_per_call": …}` and, for the vacancy
//! solver, what the time is made of. Not a test: it asserts nothing.

use ktao::physics::annealing::{annealing, AnnealingParams};
use ktao::physics::hc2_angle::fit_hc2_angle;
use ktao::physics::vacancy::hamiltonian::{blocks, OneBody};
use ktao::physics::vacancy::lattice::Slab;
use ktao::physics::vacancy::{u_scan, vacancy_model, VacancyParams};
use ktao::plot::vacancy::{draw_vacancy, VacancyFigure};
use ktao::plot::{measure, render_svg, style::Style};
use std::hint::black_box;
use std::time::Instant;

/// Median over 7 batches of the time per call, in microseconds; each batch
/// runs for at least 50 ms after a warm-up.
fn time_us(mut f: impl FnMut()) -> f64 {
    for _ in 0..10 {
        f();
    }
    let mut per_call = Vec::new();
    for _ in 0..7 {
        let (t0, mut n) = (Instant::now(), 0u32);
        while t0.elapsed().as_secs_f64() < 0.05 {
            f();
            n += 1;
        }
        per_call.push(t0.elapsed().as_secs_f64() * 1e6 / f64::from(n));
    }
    per_call.sort_by(f64::total_cmp);
    per_call[3]
}

fn read_xy(path: &str) -> (Vec<f64>, Vec<f64>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("theta"))
        .map(|l| {
            let mut it = l
                .split(',')
                .map(|v| v.trim().parse::<f64>().unwrap_or(f64::NAN));
            (it.next().unwrap_or(f64::NAN), it.next().unwrap_or(f64::NAN))
        })
        .unzip()
}

fn main() {
    let data = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/hc2_angle_scipy.csv"
    );
    let (t, h) = read_xy(data);
    let us = time_us(|| {
        black_box(fit_hc2_angle(black_box(&t), black_box(&h), None).ok());
    });
    println!("{{\"case\": \"fitHc2Angle\", \"us_per_call\": {us}}}");
    vacancy_cases();
}

/// The U_eff values of the Fig. S18 scan, eV (as the page's).
const SCAN_U: [f64; 9] = [0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0];

/// Fig. 3 and Fig. 5: the default vacancy model, the 9-point U_eff scan, one
/// SCF step and one eigensolve, the whole Fig. 3 (computed and drawn), and
/// the Fig. 5 annealing update for the paper's four samples and a fifth.
fn vacancy_cases() {
    let p = VacancyParams::default();
    let r = vacancy_model(&p).expect("the default vacancy model solves");
    let us = time_us(|| {
        black_box(vacancy_model(black_box(&p)).ok());
    });
    // One SCF step: the difference of 21 and 1 steps (the default needs more).
    let steps = |n: usize| VacancyParams {
        max_iterations: n,
        tolerance: 1e-14,
        ..p.clone()
    };
    let (p1, p21) = (steps(1), steps(21));
    let t1 = time_us(|| {
        black_box(vacancy_model(&p1).ok());
    });
    let t21 = time_us(|| {
        black_box(vacancy_model(&p21).ok());
    });
    let per_step = (t21 - t1) / 20.0;
    // One eigensolve of the largest block.
    let slab = Slab::new(p.layers, p.size, &p.vacancies).expect("default slab");
    let one = OneBody {
        hopping: p.hopping,
        vacancy_potential: p.vacancy_potential,
        confinement: p.confinement,
        soc: p.soc,
        k_points: p.k_points,
    };
    let bl = blocks(&slab, &one);
    let largest = bl.iter().max_by_key(|b| b.dim()).expect("a block");
    let zeros = vec![0.0; 6 * slab.sites()];
    let per_eig = time_us(|| {
        black_box(largest.solve(0, black_box(&zeros)).ok());
    });
    println!(
        "{{\"case\": \"vacancyModel\", \"us_per_call\": {us}, \"matrix_size\": {}, \"blocks\": {}, \"largest_block\": {}, \"iterations\": {}, \"us_per_scf_step\": {per_step}, \"us_per_block\": {}, \"us_per_eigensolve\": {per_eig}}}",
        r.matrix_size,
        r.blocks,
        r.largest_block,
        r.iterations,
        per_step / r.blocks as f64
    );
    let scan = u_scan(&p, &SCAN_U).expect("the scan solves");
    let us = time_us(|| {
        black_box(u_scan(black_box(&p), &SCAN_U).ok());
    });
    let total: usize = scan.iterations.iter().sum();
    println!("{{\"case\": \"uScan9\", \"us_per_call\": {us}, \"iterations\": {total}}}");
    // Fig. 3 to the final drawing: model, scan and the SVG of the figure.
    let us = time_us(|| {
        let (Ok(model), Ok(scan)) = (vacancy_model(&p), u_scan(&p, &SCAN_U)) else {
            return;
        };
        let fig = VacancyFigure {
            model: &model,
            scan: Some(&scan),
            u_eff: p.u_eff,
        };
        black_box(
            render_svg(1200, 800, &measure::approximate, |a| {
                draw_vacancy(a, &fig, &Style::default())
            })
            .ok(),
        );
    });
    println!("{{\"case\": \"fig3\", \"us_per_call\": {us}}}");
    let a = AnnealingParams::default();
    let pressures = [0.0, 2e-6, 1e-2, 1.0, 1e-4];
    let us = time_us(|| {
        black_box(annealing(black_box(&a), black_box(&pressures)).ok());
    });
    println!("{{\"case\": \"fig5Annealing\", \"us_per_call\": {us}}}");
}
