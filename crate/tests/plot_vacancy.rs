//! Fig. 3 and Fig. S18 drawn natively to SVG and checked for what a reader
//! must see: every Ta, the vacancy, the layer moments, both spins of the
//! PDOS, and the scan with the paper's 0.124 μ_B.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::vacancy::{u_scan, vacancy_model, VacancyParams};
use ktao::plot::u_scan::draw_u_scan;
use ktao::plot::vacancy::{draw_vacancy, VacancyFigure};
use ktao::plot::{measure, render_svg, style::Style};

#[test]
fn fig3_svg_shows_every_ta_the_vacancy_the_layer_moments_and_both_spins() {
    let p = VacancyParams::default();
    let model = vacancy_model(&p).unwrap();
    let scan = u_scan(&p, &[0.0, 0.5, 1.0, 1.5]).unwrap();
    let fig = VacancyFigure {
        model: &model,
        scan: Some(&scan),
        u_eff: p.u_eff,
        scan_without_soc: false,
        scan_pending: &[],
    };
    let svg = render_svg(1200, 800, &measure::approximate, |a| {
        draw_vacancy(a, &fig, &Style::default())
    })
    .unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    for text in [
        "depth below the interface (Å)",
        "position along [1̄10] (Å)",
        "E − E_F (eV)",
        "U_eff (eV)",
        "moment (μB)",
        "O_V",
        "largest Ta moment",
        "per interface cell",
        "DFT, Fig. 3c (0.124 μB)",
    ] {
        assert!(svg.contains(text), "missing {text}");
    }
    // The layer moments, as Fig. 3b–c prints them, beside the slab and the PDOS.
    for m in &model.layer_moments {
        assert_eq!(
            svg.matches(&format!("{m:+.3} μB")).count(),
            2,
            "layer moment {m}"
        );
    }
    // Spin up in vermillion, spin down in blue.
    assert!(svg.contains("#D55E00") && svg.contains("#0072B2"));
    // Two circles per Ta (fill and outline), one per scan point, one in the legend… at least.
    let ta = model.site_moments.len();
    assert!(svg.matches("<circle").count() >= 2 * ta + scan.u_eff.len());
    // One PDOS line per layer and spin.
    assert!(svg.matches("<polyline").count() >= 2 * model.layers);
}

#[test]
fn the_scan_panel_alone_and_strokes_that_scale() {
    let p = VacancyParams::default();
    let scan = u_scan(&p, &[0.0, 1.0, 2.0]).unwrap();
    let at = |s: f64| {
        render_svg(800, 500, &measure::approximate, |a| {
            draw_u_scan(a, &scan, &[], 1.0, "", &Style::with_scale(s))
        })
        .unwrap()
    };
    assert!(at(1.0).contains("stroke-width=\"2\""));
    assert!(at(2.0).contains("stroke-width=\"4\""));
}

#[test]
fn without_a_scan_the_slab_takes_the_left_half() {
    let model = vacancy_model(&VacancyParams {
        u_eff: 0.0,
        ..VacancyParams::default()
    })
    .unwrap();
    let fig = VacancyFigure {
        model: &model,
        scan: None,
        u_eff: 0.0,
        scan_without_soc: false,
        scan_pending: &[],
    };
    let svg = render_svg(900, 600, &measure::approximate, |a| {
        draw_vacancy(a, &fig, &Style::default())
    })
    .unwrap();
    assert!(!svg.contains("U_eff (eV)"));
    // At U_eff = 0 every layer prints zero (Fig. 3b).
    assert!(svg.matches("+0.000 μB").count() >= 2 * model.layers);
}
