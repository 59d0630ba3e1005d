//! The data preview drawn natively to SVG: a real file's loop, split into
//! its sweep branches, with the analysis window shaded.
#![cfg(not(target_arch = "wasm32"))]

use ktao::plot::data_preview::{draw_data_preview, DataPreviewFigure};
use ktao::plot::{measure, render_svg, style::Style};
use ktao::read::read_data_file;
use ktao::read::segment::split_by_sweep;

#[test]
fn preview_of_the_mpms3_loop_shows_each_branch_and_the_window() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/fixtures/quantum-design/mpms3-vsm-mh.dat"
    );
    let f = read_data_file(&std::fs::read(path).unwrap(), "mh.dat").unwrap();
    let h = &f.column("Magnetic Field (Oe)").unwrap().values[..374];
    let m = &f.column("Moment (emu)").unwrap().values[..374];
    let segments: Vec<(usize, usize)> = split_by_sweep(h, None)
        .unwrap()
        .iter()
        .map(|b| (b.start, b.end))
        .collect();
    let fig = DataPreviewFigure {
        x: h,
        y: m,
        x_label: "Magnetic Field (Oe)",
        y_label: "Moment (emu)",
        segments: &segments,
        window: Some((-20_000.0, 20_000.0)),
    };
    let svg = render_svg(800, 500, &measure::approximate, |a| {
        draw_data_preview(a, &fig, &Style::default())
    })
    .unwrap();
    assert!(svg.contains("Magnetic Field (Oe)") && svg.contains("Moment (emu)"));
    // Three branches: black solid, vermillion dashed, blue solid; and a legend.
    assert!(svg.contains("#000000") && svg.contains("#D55E00") && svg.contains("#0072B2"));
    assert!(
        svg.contains("rows 1–75") && svg.contains("rows 75–225") && svg.contains("rows 225–374")
    );
    // The shaded window.
    assert!(svg.contains("#56B4E9"));
}

#[test]
fn preview_refuses_what_it_cannot_draw() {
    let x = [1.0, 2.0, 3.0];
    let y = [1.0, f64::NAN, 3.0];
    let fig = |segments: &'static [(usize, usize)], window| DataPreviewFigure {
        x: &x,
        y: &y,
        x_label: "x",
        y_label: "y",
        segments,
        window,
    };
    assert!(fig(&[], None).check().is_ok());
    let big = [1.0, 2.0, -1e101];
    let e = DataPreviewFigure {
        y: &big,
        ..fig(&[], None)
    }
    .check()
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "y[2] must be at most 1e100 in magnitude, got -1e101"
    );
    assert!(fig(&[(0, 4)], None)
        .check()
        .unwrap_err()
        .to_string()
        .starts_with("segments.end must lie between 1 and 3"));
    assert!(fig(&[], Some((2.0, 1.0)))
        .check()
        .unwrap_err()
        .to_string()
        .starts_with("window[1] must lie between 2"));
    let nan = [f64::NAN; 3];
    let bad = DataPreviewFigure {
        x: &nan,
        ..fig(&[], None)
    };
    assert!(bad
        .check()
        .unwrap_err()
        .to_string()
        .contains("finite (x, y) pairs"));
    let short = DataPreviewFigure {
        y: &y[..2],
        ..fig(&[], None)
    };
    assert_eq!(
        short.check().unwrap_err().to_string(),
        "y has 2 values but x has 3: they must have the same length"
    );
}

#[test]
fn preview_of_extreme_values_draws_or_is_refused() {
    for (x, y, ok) in [
        (vec![1e99, 1e99], vec![-1e99, 1e99], true),
        (vec![0.0, 1e-300], vec![5.0, 5.0], true),
        (vec![1e308, 1e308], vec![-1e308, 1e308], false),
        (vec![0.0, -f64::MAX], vec![1.0, 2.0], false),
    ] {
        let fig = DataPreviewFigure {
            x: &x,
            y: &y,
            x_label: "x",
            y_label: "y",
            segments: &[],
            window: None,
        };
        let svg = render_svg(400, 300, &measure::approximate, |a| {
            draw_data_preview(a, &fig, &Style::default())
        });
        assert_eq!(svg.is_ok(), ok, "{x:?} {y:?}");
        if !ok {
            assert!(fig
                .check()
                .unwrap_err()
                .to_string()
                .contains("must be at most 1e100 in magnitude, got"));
        }
    }
}
