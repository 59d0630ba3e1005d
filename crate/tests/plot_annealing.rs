//! Fig. 5 composed from the annealing, resistive, Hall and hysteresis models,
//! and drawn natively to SVG: five samples in every panel, in the paper's
//! order, each curve what its own model gives.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::annealing::figure::{
    annealing_figure, fig5_temperatures, pressure_label, transport_of, AnnealingFigure,
    AnnealingFigureState, ExcessTable,
};
use ktao::physics::annealing::{annealing, AnnealingParams, PAPER_PRESSURES_MBAR};
use ktao::physics::magnet::{magnet_preset, sw_loop, MagnetOptions};
use ktao::physics::resistive::rt_model;
use ktao::physics::transport::lao_kto;
use ktao::plot::annealing::draw_annealing;
use ktao::plot::{measure, render_svg, style::Style};

fn figure(p: f64, exponent: f64) -> AnnealingFigure {
    annealing_figure(&AnnealingFigureState {
        p_o2_mbar: p,
        exponent,
    })
    .unwrap()
}

fn svg(fig: &AnnealingFigure) -> String {
    render_svg(1100, 800, &measure::approximate, |a| {
        draw_annealing(a, fig, &Style::default())
    })
    .unwrap()
}

#[test]
fn labels_read_as_the_paper_writes_the_pressures() {
    let labels: Vec<String> = PAPER_PRESSURES_MBAR
        .iter()
        .map(|&p| pressure_label(p))
        .collect();
    assert_eq!(labels, ["as grown", "2 × 10⁻⁶ mbar", "10⁻² mbar", "1 mbar"]);
    assert_eq!(pressure_label(3.16e-5), "3.2 × 10⁻⁵ mbar");
    assert_eq!(pressure_label(9.99e-4), "10⁻³ mbar");
    assert_eq!(pressure_label(20.0), "2 × 10¹ mbar");
}

#[test]
fn each_sample_carries_the_annealing_models_numbers_into_its_curves() {
    let fig = figure(1e-4, 1.0 / 6.0);
    let samples = annealing(&AnnealingParams::default(), &[0.0, 2e-6, 1e-2, 1.0, 1e-4]).unwrap();
    assert_eq!(fig.samples.len(), 5);
    assert!(fig.samples[4].fifth && !fig.samples[3].fifth);
    for (s, a) in fig.samples.iter().zip(&samples) {
        assert_eq!(s.sample, *a);
        // The Hall fit of the noisy R_xy(B) finds the density within 3 errors.
        let n = a.carrier_density_cm2;
        assert!(
            (s.hall.n_cm2 - n).abs() < 3.0 * s.hall.n_error,
            "{}: n {} ± {} vs {n}",
            s.label,
            s.hall.n_cm2,
            s.hall.n_error
        );
        // The normal state is the model's R_s = 1/(n e μ) with Fig. 1b's
        // residual-resistance ratio of 5; at 300 K only the Aslamazov–Larkin
        // conductance (e²/16ħ)·T_c0/(T − T_c0) ≈ 1.06e-7 S, the same for
        // every sample, adds to it.
        let r300 = *s.sheet_resistance.last().unwrap();
        let excess = 1.0 / r300 - 1.0 / (5.0 * a.sheet_resistance);
        assert!(
            (excess / 1.06e-7 - 1.0).abs() < 0.05,
            "{}: {excess} S",
            s.label
        );
        // The loops are the as-grown loop scaled to the sample's moment.
        let top = s.moment_low.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        assert!((top / a.moment_per_cell - 1.0).abs() < 0.05, "{top}");
    }
}

#[test]
fn the_tabulated_resistance_is_the_resistive_models() {
    //! The shared table of excess conductances must give exactly what the
    //! resistive model gives for each sample's parameters.
    let table = ExcessTable::new(&lao_kto(), fig5_temperatures());
    for s in annealing(&AnnealingParams::default(), &[0.0, 1e-2, 1.0]).unwrap() {
        let p = transport_of(&s);
        let direct = rt_model(&p, &table.temperature_k).unwrap();
        for (a, b) in table.resistance(&p).iter().zip(&direct) {
            assert!((a - b).abs() <= 1e-12 * b.max(1.0), "{a} vs {b}");
        }
    }
}

#[test]
fn the_loop_shapes_are_the_magnet_presets_at_1_8_k_and_300_k() {
    let fig = figure(1e-4, 1.0 / 6.0);
    let base = magnet_preset("LAO/KTO").unwrap();
    let m0 = fig.samples[0].sample.moment_per_cell;
    for (which, t) in fig.loop_temperatures_k.iter().enumerate() {
        let l = sw_loop(&MagnetOptions {
            temperature_k: *t,
            noise_emu: 0.0,
            ..base.clone()
        })
        .unwrap();
        assert_eq!(l.h, fig.field_oe);
        let shown = if which == 0 {
            &fig.samples[0].moment_low
        } else {
            &fig.samples[0].moment_high
        };
        for (a, b) in shown.iter().zip(&l.m_ferro) {
            assert!((a - m0 * b / base.ms_emu).abs() < 1e-12);
        }
    }
}

#[test]
fn the_fifth_sample_at_a_papers_pressure_is_that_sample() {
    let fig = figure(1e-2, 1.0 / 6.0);
    let (a, b) = (&fig.samples[2], &fig.samples[4]);
    assert_eq!(a.sheet_resistance, b.sheet_resistance);
    assert_eq!(a.moment_low, b.moment_low);
    assert_eq!(a.sample, b.sample);
    // A steeper mass-action law empties the interface faster.
    let steep = figure(1e-2, 0.25);
    assert!(steep.samples[3].sample.moment_per_cell < fig.samples[3].sample.moment_per_cell);
    // Below the onset pressure nothing changes: the fifth is the as-grown sample.
    let low = figure(1e-9, 1.0 / 6.0);
    assert_eq!(
        low.samples[4].sample.vacancy_density,
        low.samples[0].sample.vacancy_density
    );
}

#[test]
fn bad_state_is_refused_with_a_message_naming_it() {
    for (state, wanted) in [
        (
            AnnealingFigureState {
                p_o2_mbar: -1.0,
                ..Default::default()
            },
            "state.pO2Mbar must lie between 0 and 10000, got -1",
        ),
        (
            AnnealingFigureState {
                p_o2_mbar: f64::NAN,
                ..Default::default()
            },
            "state.pO2Mbar",
        ),
        (
            AnnealingFigureState {
                exponent: 0.0,
                ..Default::default()
            },
            "exponent must be a positive finite exponent",
        ),
    ] {
        let e = annealing_figure(&state).unwrap_err().to_string();
        assert!(e.contains(wanted), "{e}");
    }
}

/// The points of the first `<polyline>` drawn in `colour`, as (x, y) pixels.
fn polyline(svg: &str, colour: &str) -> Vec<(f64, f64)> {
    let at = svg
        .find(&format!(
            "<polyline fill=\"none\" opacity=\"1\" stroke=\"{colour}\""
        ))
        .unwrap_or_else(|| panic!("no polyline in {colour}"));
    let rest = &svg[at..];
    let pts = &rest[rest.find("points=\"").unwrap() + 8..];
    pts[..pts.find('"').unwrap()]
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

#[test]
fn the_svg_shows_five_samples_in_four_panels_in_the_papers_order() {
    let fig = figure(1e-4, 1.0 / 6.0);
    let svg = svg(&fig);
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    for text in [
        "(a) R_s(T)",
        "(b) R_xy at 5 K",
        "(c) m–H at 1.8 K",
        "(d) m–H at 300 K",
        "T (K)",
        "R_s (Ω/□)",
        "μ₀H⟂ (T)",
        "R_xy (Ω)",
        "H (Oe)",
        "m (μ_B per interface cell)",
    ] {
        assert!(svg.contains(text), "missing {text}");
    }
    // One legend entry per sample, the fifth marked as the reader's.
    for label in [
        "as grown",
        "2 × 10⁻⁶ mbar",
        "10⁻² mbar",
        "1 mbar",
        "10⁻⁴ mbar (yours)",
    ] {
        assert!(
            svg.contains(&format!(">\n{label}\n<")),
            "legend entry {label}"
        );
    }
    // Five solid lines in five colours (each with its own marker), each in all
    // four panels: a polyline each.
    let colours = ["#0072B2", "#D55E00", "#009E73", "#E69F00"];
    for c in colours.iter().chain(&["#CC79A7"]) {
        let n = svg
            .matches(&format!(
                "<polyline fill=\"none\" opacity=\"1\" stroke=\"{c}\""
            ))
            .count();
        assert!(n >= 4, "{c}: {n} polylines");
    }
    // Panel (a): at 300 K (the right end) R_s rises with P_O2, so on the
    // screen (y down) each annealed curve ends above the one before it.
    let ends: Vec<f64> = colours
        .iter()
        .map(|c| polyline(&svg, c).last().unwrap().1)
        .collect();
    for w in ends.windows(2) {
        assert!(w[1] < w[0], "R_s(300 K) not in the paper's order: {ends:?}");
    }
}
