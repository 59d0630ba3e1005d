//! Native timings for the benchmark table (`bash scripts/bench.sh`): one JSON
//! line per case, `{"case": …, "us_per_call": …}`. Not a test: it asserts nothing.
//! Every case has the same name and data in `tests/bench/scipy_baseline.py`
//! and `tests/bench/wasm.mjs`.

use ktao::physics::annealing::figure::{figure_samples, with_fifth, AnnealingFigureState};
use ktao::physics::annealing::{annealing, AnnealingParams, PAPER_PRESSURES_MBAR};
use ktao::physics::bkt::{bkt_alpha, fig1e_currents, fig1e_temperatures, iv_curves, AlphaWindow};
use ktao::physics::gl_hc2::fit_gl_hc2;
use ktao::physics::hall::{fig1c_fields, hall_curve, hall_density};
use ktao::physics::halperin_nelson::{fit_halperin_nelson, hn_linearized, HnWindow};
use ktao::physics::hc2_angle::fit_hc2_angle;
use ktao::physics::loop_processing::{process_loop, LoopOptions};
use ktao::physics::magnet::figures::{magnet_loops, zfc_fc_figure, MagnetLoopsState, ZfcFcState};
use ktao::physics::magnet::{magnet_preset, sw_loop, zfc_fc, MagnetOptions};
use ktao::physics::resistive::{
    fig1b_temperatures, rt_model, transition_temperatures, TransitionOptions,
};
use ktao::physics::transport::lao_kto;
use ktao::physics::vacancy::hamiltonian::{blocks, OneBody};
use ktao::physics::vacancy::lattice::Slab;
use ktao::physics::vacancy::{u_scan, vacancy_model, VacancyParams};
use ktao::plot::annealing::draw_annealing;
use ktao::plot::vacancy::{draw_vacancy, VacancyFigure};
use ktao::plot::{measure, render_svg, style::Style};
use ktao::read::segment::{split_by_set_point, split_by_sweep, TEMPERATURE_TOLERANCE_K};
use ktao::read::{read_data_file, DataFile};
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

/// The numeric columns of a fixture CSV in `tests/data/`.
fn columns(file: &str) -> Vec<Vec<f64>> {
    let path = format!("{}/../tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let rows: Vec<Vec<f64>> = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .map(|l| {
            l.split(',')
                .map(|v| v.trim().parse().unwrap_or(f64::NAN))
                .collect()
        })
        .collect();
    (0..rows[0].len())
        .map(|k| rows.iter().map(|r| r[k]).collect())
        .collect()
}

fn case(name: &str, us: f64) {
    println!("{{\"case\": \"{name}\", \"us_per_call\": {us}}}");
}

/// A fit's row with what its time is made of: the model evaluations (values
/// and Jacobian) the minimiser used, and the time per evaluation.
fn fit_case(name: &str, us: f64, evaluations: usize) {
    println!(
        "{{\"case\": \"{name}\", \"us_per_call\": {us}, \"evaluations\": {evaluations}, \"us_per_evaluation\": {}}}",
        us / evaluations as f64
    );
}

/// For calls of a tenth of a second and more: one warm-up, then the median
/// of 5 single calls, in microseconds (the same rule in every harness).
fn time_us_large(mut f: impl FnMut()) -> f64 {
    f();
    let mut per_call: Vec<f64> = (0..5)
        .map(|_| {
            let t0 = Instant::now();
            f();
            t0.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    per_call.sort_by(f64::total_cmp);
    per_call[2]
}

/// Rows in the large-file case: a long MPMS3 session (a night of loops).
pub const LARGE_ROWS: usize = 200_000;

/// The large MPMS3 file of the benchmark, built the same way by every
/// harness: the fixture's header and column-name row, then its 1,122 data
/// rows repeated in order until there are 200,000, each ended by "\n".
fn large_mpms3() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/fixtures/quantum-design/mpms3-vsm-mh.dat"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let lines: Vec<&str> = text.split('\n').collect();
    let names = lines
        .iter()
        .position(|l| l.trim() == "[Data]")
        .expect("[Data]")
        + 1;
    let mut out = lines[..=names].join("\n");
    out.push('\n');
    let rows: Vec<&str> = lines[names + 1..]
        .iter()
        .copied()
        .filter(|l| !l.is_empty())
        .collect();
    for i in 0..LARGE_ROWS {
        out.push_str(rows[i % rows.len()]);
        out.push('\n');
    }
    out.into_bytes()
}

/// The analysis the page runs first on a loop file: temperature set points,
/// then the branches of the field sweep within each.
fn split(file: &DataFile) -> usize {
    let col = |h: &str| file.column(h).map(|c| c.values.as_slice()).unwrap_or(&[]);
    let (t, h) = (col("Temperature (K)"), col("Magnetic Field (Oe)"));
    let sp = split_by_set_point(t, TEMPERATURE_TOLERANCE_K, 3).unwrap_or_default();
    sp.iter()
        .map(|s| split_by_sweep(&h[s.start..s.end], None).map_or(0, |b| b.len()))
        .sum()
}

fn main() {
    let c = columns("hc2_angle_scipy.csv");
    let evaluations =
        fit_hc2_angle(&c[0], &c[1], None).map_or(0, |f| f.tinkham.iterations + f.gl3d.iterations);
    fit_case(
        "fitHc2Angle",
        time_us(|| {
            black_box(fit_hc2_angle(black_box(&c[0]), black_box(&c[1]), None).ok());
        }),
        evaluations,
    );

    let g = columns("gl_hc2_scipy.csv");
    fit_case(
        "fitGlHc2",
        time_us(|| {
            black_box(fit_gl_hc2(&g[0], &g[1], &g[0], &g[2]).ok());
        }),
        fit_gl_hc2(&g[0], &g[1], &g[0], &g[2]).map_or(0, |f| f.iterations),
    );

    let h = columns("halperin_nelson_scipy.csv");
    let all = HnWindow {
        t_min: Some(h[0][0]),
        t_max: h[0].last().copied(),
    };
    fit_case(
        "fitHalperinNelson",
        time_us(|| {
            black_box(fit_halperin_nelson(black_box(&h[0]), &h[1], &all).ok());
        }),
        fit_halperin_nelson(&h[0], &h[1], &all).map_or(0, |f| f.iterations),
    );
    case(
        "hnLinearized",
        time_us(|| {
            black_box(hn_linearized(black_box(&h[0]), &h[1], &all).ok());
        }),
    );

    let p = lao_kto();
    let t = fig1b_temperatures();
    case(
        "rtModel",
        time_us(|| {
            black_box(rt_model(black_box(&p), &t).ok());
        }),
    );
    let r = rt_model(&p, &t).unwrap_or_default();
    case(
        "transitionTemperatures",
        time_us(|| {
            black_box(
                transition_temperatures(&t, black_box(&r), &TransitionOptions::default()).ok(),
            );
        }),
    );
    fit_case(
        "fitHalperinNelsonPreset",
        time_us(|| {
            black_box(fit_halperin_nelson(&t, black_box(&r), &HnWindow::default()).ok());
        }),
        fit_halperin_nelson(&t, &r, &HnWindow::default()).map_or(0, |f| f.iterations),
    );

    let (temps, currents) = (fig1e_temperatures(), fig1e_currents());
    case(
        "ivCurves",
        time_us(|| {
            black_box(iv_curves(black_box(&p), &temps, &currents).ok());
        }),
    );
    let curves = iv_curves(&p, &temps, &currents).unwrap_or_default();
    case(
        "bktAlpha",
        time_us(|| {
            black_box(bkt_alpha(black_box(&curves), &AlphaWindow::default()).ok());
        }),
    );

    let b = fig1c_fields();
    case(
        "hallCurve",
        time_us(|| {
            black_box(hall_curve(black_box(&p), &b).ok());
        }),
    );
    let rxy = hall_curve(&p, &b).unwrap_or_default();
    case(
        "hallDensity",
        time_us(|| {
            black_box(hall_density(&b, black_box(&rxy), Some(1568.0)).ok());
        }),
    );
    if std::env::var("KTAO_BENCH_ONLY").as_deref() == Ok("fits") {
        return;
    }

    let big = large_mpms3();
    let us = time_us_large(|| {
        black_box(read_data_file(black_box(&big), "large.dat").ok());
    });
    println!("{{\"case\": \"readDataFile200k\", \"us_per_call\": {us}}}");
    let us = time_us_large(|| {
        let file = read_data_file(black_box(&big), "large.dat").ok();
        black_box(file.as_ref().map(split));
    });
    println!("{{\"case\": \"readAndSplit200k\", \"us_per_call\": {us}}}");
    // Fig. 2 and Fig. S5 (the same cases in tests/bench/scipy_baseline.py and
    // tests/bench/wasm.mjs): the LAO/KTO sample's default loop (in-plane
    // ensemble, H_K and volume distributions, 400 field points) at 1.8 K and
    // 300 K, its ZFC/FC run (150 temperatures), and processLoop on a
    // 1000-point loop of the same sample.
    // ktao keeps recent sweeps (M_s, χ or noise sliders reuse them); every
    // timed call here moves H_K by 1e-9 Oe, as a dragged H_K slider does, so
    // each one computes its sweep afresh.
    let preset = magnet_preset("LAO/KTO").unwrap_or_default();
    let mut nudge = 0.0;
    for (case, t) in [("swLoop1p8K", 1.8), ("swLoop300K", 300.0)] {
        let mut o = MagnetOptions {
            temperature_k: t,
            ..preset.clone()
        };
        let us = time_us(|| {
            nudge += 1e-9;
            o.hk_oe = preset.hk_oe + nudge;
            black_box(sw_loop(black_box(&o)).ok());
        });
        println!("{{\"case\": \"{case}\", \"us_per_call\": {us}}}");
    }
    let us = time_us(|| {
        black_box(zfc_fc(black_box(&preset)).ok());
    });
    println!("{{\"case\": \"zfcFc\", \"us_per_call\": {us}}}");
    let long = MagnetOptions {
        points: 1000.0,
        ..preset.clone()
    };
    if let Ok(l) = sw_loop(&long) {
        let o = LoopOptions::default();
        let us = time_us(|| {
            black_box(process_loop(black_box(&l.h), black_box(&l.m), &o).ok());
        });
        println!("{{\"case\": \"processLoop1000\", \"us_per_call\": {us}}}");
    }
    // What one update of each page computes, without drawing (H_K dragged).
    let mut state = MagnetLoopsState::default();
    let hk = state.hk_oe;
    let us = time_us(|| {
        nudge += 1e-9;
        state.hk_oe = hk + nudge;
        black_box(magnet_loops(black_box(&state)).ok());
    });
    println!("{{\"case\": \"figMagnetLoopsModel\", \"us_per_call\": {us}}}");
    // Both pages keep the panel a control did not touch (the other sample's),
    // so an update computes one panel: H_K of the sliders' sample dragged.
    let mut state = ZfcFcState::default();
    let hk = state.hk_oe;
    let us = time_us(|| {
        nudge += 1e-9;
        state.hk_oe = hk + nudge;
        black_box(zfc_fc_figure(black_box(&state)).ok());
    });
    println!("{{\"case\": \"figZfcFcModel\", \"us_per_call\": {us}}}");
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
            scan_without_soc: false,
            scan_pending: &[],
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
    // The whole Fig. 5 update as its page's slider makes it: the fifth sample
    // at a new pressure (the paper's four kept per exponent, as the binding
    // does) and the SVG of the four panels.
    let state = AnnealingFigureState::default();
    let paper = figure_samples(state.exponent, &PAPER_PRESSURES_MBAR).expect("the paper's samples");
    let mut k = 0u32;
    let us = time_us(|| {
        k += 1;
        let s = AnnealingFigureState {
            p_o2_mbar: 1e-4 * (1.0 + f64::from(k % 100) / 100.0),
            ..state.clone()
        };
        let Ok(fig) = with_fifth(paper.clone(), &s) else {
            return;
        };
        black_box(
            render_svg(900, 560, &measure::approximate, |a| {
                draw_annealing(a, &fig, &Style::default())
            })
            .ok(),
        );
    });
    println!("{{\"case\": \"fig5Figure\", \"us_per_call\": {us}}}");
}
