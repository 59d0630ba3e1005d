//! What the magnetometry figures (Fig. 2, Fig. S5) share: one panel per
//! sample side by side, each with a moment axis in powers of ten of emu and,
//! on corrected data, a second axis in μ_B per interface unit cell.

use super::legend::caption;
use super::style::{HouseMesh, Style};
use super::{power_of_ten, Frame, PlotError};
use crate::physics::constants::KTAO3_LATTICE_A;
use crate::physics::loop_processing::moment_per_cell;
use plotters::chart::DualCoordChartContext;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The full name of a sample for captions.
pub fn sample_name(sample: &str) -> &'static str {
    match sample {
        "LAO/KTO" => "LaAlO₃/KTaO₃(111)",
        "YAO/KTO" => "YAlO₃/KTaO₃(111)",
        _ => "sample",
    }
}

/// The caption of the i-th panel, "(a) LaAlO₃/KTaO₃(111)", marked when its
/// sample is `controlled`, the one the page's sliders set.
pub fn panel_title(i: usize, sample: &str, controlled: &str) -> String {
    let letter = char::from(b'a' + (i % 26) as u8);
    let mark = if sample == controlled {
        " · set by the sliders"
    } else {
        ""
    };
    format!("({letter}) {}{mark}", sample_name(sample))
}

/// `area` cut into `n` panels side by side.
pub fn side_by_side<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    n: usize,
) -> Vec<DrawingArea<DB, Shift>> {
    let (w, _) = area.dim_in_pixel();
    let n = n.max(1);
    let mut out = Vec::with_capacity(n);
    let mut rest = area.clone();
    for _ in 1..n {
        let (this, next) = rest.split_horizontally(w / n as u32);
        out.push(this);
        rest = next;
    }
    out.push(rest);
    out
}

/// A moment axis: m in units of 10^`exponent` emu, from `lo` to `hi`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MomentAxis {
    pub exponent: i32,
    pub lo: f64,
    pub hi: f64,
}

/// The axes of one panel.
pub struct MomentAxes<'a> {
    /// The panel's caption.
    pub title: &'a str,
    /// x range and its description with unit.
    pub x: [f64; 2],
    pub x_desc: &'a str,
    /// The moment axis, and what the moment is ("corrected").
    pub y: MomentAxis,
    pub what: &'a str,
    /// Sample area, mm², for the μ_B axis; `None` draws no second axis.
    pub area_mm2: Option<f64>,
}

type Dual<'a, DB> = DualCoordChartContext<
    'a,
    DB,
    Cartesian2d<RangedCoordf64, RangedCoordf64>,
    Cartesian2d<RangedCoordf64, RangedCoordf64>,
>;

/// A secondary tick: two decimals, and no "−0.00".
fn cell_tick(v: &f64) -> String {
    let s = format!("{v:.2}");
    if s == "-0.00" {
        "0.00".into()
    } else {
        s
    }
}

/// Draws the caption, the mesh and the axes of a panel on `panel`; returns
/// the chart to draw into and its frame.
pub fn moment_panel<'a, DB: DrawingBackend>(
    panel: &'a DrawingArea<DB, Shift>,
    axes: &MomentAxes,
    style: &Style,
) -> Result<(Dual<'a, DB>, Frame), PlotError>
where
    DB::ErrorType: 'static,
{
    caption(panel, axes.title, style)?;
    let unit = 10f64.powi(axes.y.exponent);
    let per_cell = axes
        .area_mm2
        .and_then(|a| moment_per_cell(unit, a, KTAO3_LATTICE_A).ok())
        .filter(|v| v.is_finite() && *v > 0.0);
    let mut builder = ChartBuilder::on(panel);
    builder
        .margin(style.px(10.0))
        .margin_top(style.px(30.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(60.0));
    if per_cell.is_some() {
        builder.right_y_label_area_size(style.px(66.0));
    }
    let k = per_cell.unwrap_or(1.0);
    let [x0, x1] = axes.x;
    let (y0, y1) = (axes.y.lo, axes.y.hi);
    let mut chart = builder
        .build_cartesian_2d(x0..x1, y0..y1)?
        .set_secondary_coord(x0..x1, y0 * k..y1 * k);
    let frame = Frame::of(&chart, axes.x, [y0, y1]);
    chart
        .configure_mesh()
        .x_desc(axes.x_desc)
        .x_labels(5)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_desc(format!(
            "m, {} ({} emu)",
            axes.what,
            power_of_ten(axes.y.exponent)
        ))
        .house(style)
        .draw()?;
    if per_cell.is_some() {
        chart
            .configure_secondary_axes()
            .y_desc("μ_B per interface unit cell")
            .y_label_formatter(&cell_tick)
            .house(style)
            .draw()?;
    }
    Ok((chart, frame))
}
