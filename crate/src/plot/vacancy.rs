//! Fig. 3: the (111) slab with the vacancy and the moment on every Ta, the
//! spin-resolved layer PDOS with E_F = 0 and the layer moments (Fig. 3b–c),
//! and — in its own panel, drawn by [`super::u_scan`] — Fig. S18.

use super::style::{okabe_ito, Style, GRID};
use super::u_scan::draw_u_scan;
use super::{Frame, PlotError};
use crate::physics::vacancy::lattice::Slab;
use crate::physics::vacancy::{UScan, Vacancies, VacancyResult};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// What Fig. 3 shows: one solution of the model and, optionally, the
/// U_eff scan of Fig. S18.
pub struct VacancyFigure<'a> {
    /// The model at the chosen parameters.
    pub model: &'a VacancyResult,
    /// The Fig. S18 scan (drawn in its own panel when given).
    pub scan: Option<&'a UScan>,
    /// U_eff of `model`, eV (marked on the scan).
    pub u_eff: f64,
    /// Whether the scan was computed without the SOC of `model` (the page's
    /// scan, like the paper's collinear Fig. S18, has none): said in its caption.
    pub scan_without_soc: bool,
    /// U_eff values (eV) of the scan still being computed: the page draws
    /// the figure as soon as the model is solved and each point as it comes.
    pub scan_pending: &'a [f64],
}

/// Checks that a solution (perhaps handed back from JavaScript) can be drawn:
/// sizes within the model's limits and every list of the right length.
pub fn check_drawable(r: &VacancyResult) -> Result<(), PlotError> {
    let bad = |what: &str| Err(PlotError(what.to_string()));
    if !(1..=64).contains(&r.layers) || !(1..=32).contains(&r.size) {
        return bad("layers must be 1 to 64 and size 1 to 32");
    }
    let sites = r.layers * r.size * r.size;
    if r.site_moments.len() != sites {
        return bad("siteMoments must hold one moment per Ta (layers · size²)");
    }
    if r.layer_moments.len() != r.layers || r.pdos.layers.len() != r.layers {
        return bad("layerMoments and pdos.layers must hold one entry per layer");
    }
    let n = r.pdos.energy.len();
    if r.pdos
        .layers
        .iter()
        .any(|l| l.up.len() != n || l.down.len() != n)
    {
        return bad("every pdos layer must have as many values as pdos.energy");
    }
    let finite = r
        .site_moments
        .iter()
        .chain(&r.layer_moments)
        .chain(&r.pdos.energy)
        .chain(
            r.pdos
                .layers
                .iter()
                .flat_map(|l| l.up.iter().chain(&l.down)),
        )
        .all(|v| v.is_finite());
    if !finite {
        return bad("every moment and PDOS value must be a finite number");
    }
    Ok(())
}

/// Depth of layer ℓ below the interface: the (111) spacing a/√3, in Å.
fn depth_a(layer: f64) -> f64 {
    layer * crate::physics::constants::KTAO3_LATTICE_A / 3f64.sqrt()
}

/// Screen position (Å) of a Ta in the side view of an L × L patch: along
/// [1 −1 0] plus a share c of the in-plane [1 1 −2] coordinate, and the
/// depth below the interface. With c = (1/√2 + √2/L)·√6/3 the L² Ta of a
/// layer fall on evenly spaced, distinct points of its row.
fn project(cubic: [f64; 3], size: usize) -> (f64, f64) {
    let a = crate::physics::constants::KTAO3_LATTICE_A;
    let c = (0.5f64.sqrt() + 2f64.sqrt() / size.max(1) as f64) * 6f64.sqrt() / 3.0;
    let e1 = (cubic[0] - cubic[1]) / 2f64.sqrt();
    let e2 = (cubic[0] + cubic[1] - 2.0 * cubic[2]) / 6f64.sqrt();
    let layer = cubic[0] + cubic[1] + cubic[2];
    (a * (e1 + c * e2), depth_a(layer))
}

/// Fill colour of a Ta carrying moment `m` when the largest is `scale`:
/// white at 0, Okabe–Ito vermillion for +, blue for −.
fn moment_colour(m: f64, scale: f64) -> RGBColor {
    let f = if scale > 0.0 {
        (m.abs() / scale).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let target = if m >= 0.0 {
        okabe_ito::VERMILLION
    } else {
        okabe_ito::BLUE
    };
    let mix = |c: u8| (255.0 + f * (f64::from(c) - 255.0)).round() as u8;
    RGBColor(mix(target.0), mix(target.1), mix(target.2))
}

/// The slab in side view: Ta coloured by moment, bonds, the vacancy, and
/// the moment of each layer at the right.
pub fn draw_slab<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: &VacancyResult,
    style: &Style,
) -> Result<(), PlotError>
where
    DB::ErrorType: 'static,
{
    let slab = Slab::new(r.layers, r.size, &Vacancies::Sites(r.vacancy_sites.clone()))
        .map_err(|e| PlotError(e.to_string()))?;
    let points: Vec<(f64, f64)> = (0..slab.sites())
        .map(|s| project(slab.cubic(s), slab.size))
        .collect();
    let (x0, x1) = points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
            (lo.min(p.0), hi.max(p.0))
        });
    let (x0, x1) = if x1 > x0 { (x0, x1) } else { (-1.0, 1.0) };
    let pad = 0.08 * (x1 - x0) + 1.0;
    let bottom = depth_a(r.layers.saturating_sub(1) as f64) + 1.5;
    let font = |px: f64| (style.font.as_str(), style.font_px(px));
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(10.0))
        .caption(
            format!("Ta moments: largest {:.3} μB (red +, blue −)", r.max_moment),
            font(14.0),
        )
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(56.0))
        .build_cartesian_2d(x0 - pad..x1 + pad + 0.3 * (x1 - x0), bottom..-1.5)?;
    chart
        .configure_mesh()
        .x_desc("position along [1̄10] (Å)")
        .y_desc("depth below the interface (Å)")
        .label_style(font(12.0))
        .axis_desc_style(font(13.0))
        .light_line_style(TRANSPARENT)
        .bold_line_style(TRANSPARENT)
        .axis_style(BLACK.stroke_width(style.px(1.0)))
        .draw()?;
    let bond = GRID.stroke_width(style.px(1.5));
    chart.draw_series(
        slab.bonds
            .iter()
            .filter(|b| b.wrap == [0, 0])
            .filter_map(|b| {
                Some(PathElement::new(
                    vec![*points.get(b.lower)?, *points.get(b.upper)?],
                    bond,
                ))
            }),
    )?;
    // Each vacancy: a dashed ring where its O sat, between the two Ta.
    let ring = okabe_ito::VERMILLION.stroke_width(style.px(2.0));
    for v in &r.vacancy_sites {
        let lower = slab.index(v.layer.max(0) as usize, v.m, v.n);
        let (upper, _) = slab.up_wrapped(lower, v.axis);
        let (Some(a), Some(b)) = (points.get(lower), points.get(upper)) else {
            continue;
        };
        let mid = (0.5 * (a.0 + b.0), 0.5 * (a.1 + b.1));
        let k = style.px(7.0) as f64 / style.scale;
        let circle: Vec<(f64, f64)> = (0..=16)
            .map(|i| {
                let t = std::f64::consts::TAU * f64::from(i) / 16.0;
                (mid.0 + 0.12 * k * t.cos(), mid.1 + 0.12 * k * t.sin())
            })
            .collect();
        chart.draw_series(std::iter::once(DashedPathElement::new(
            circle,
            style.px(3.0),
            style.px(2.0),
            ring,
        )))?;
        chart.draw_series(std::iter::once(Text::new(
            "O_V",
            (mid.0 + 0.6, mid.1 - 0.4),
            font(12.0).into_font().color(&okabe_ito::VERMILLION),
        )))?;
    }
    let scale = r.site_moments.iter().fold(0.0f64, |a, m| a.max(m.abs()));
    let radius = style.px(5.0) as i32;
    let outline = okabe_ito::BLACK.stroke_width(style.px(1.0));
    chart.draw_series(points.iter().zip(&r.site_moments).map(|(&p, &m)| {
        EmptyElement::at(p)
            + Circle::new((0, 0), radius, moment_colour(m, scale).filled())
            + Circle::new((0, 0), radius, outline)
    }))?;
    // Layer moments, as printed in Fig. 3b–c, right of each layer.
    let right = x1 + 0.5 * pad;
    chart.draw_series(r.layer_moments.iter().enumerate().map(|(l, m)| {
        Text::new(
            format!("{m:+.3} μB"),
            (right, depth_a(l as f64) - 0.35),
            font(12.0),
        )
    }))?;
    Ok(())
}

/// The spin-resolved PDOS of every layer (↑ up, ↓ mirrored down), E_F = 0,
/// with each layer's moment.
pub fn draw_layer_pdos<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: &VacancyResult,
    style: &Style,
) -> Result<(), PlotError>
where
    DB::ErrorType: 'static,
{
    let font = |px: f64| (style.font.as_str(), style.font_px(px));
    let energy = &r.pdos.energy;
    let lo = energy.first().copied().unwrap_or(-1.0).max(-2.5);
    let hi = energy.last().copied().unwrap_or(1.0).min(3.0);
    let (lo, hi) = if hi > lo { (lo, hi) } else { (-1.0, 1.0) };
    let top = r
        .pdos
        .layers
        .iter()
        .flat_map(|l| l.up.iter().chain(&l.down))
        .fold(0.0f64, |a, &v| a.max(v))
        .max(1e-3)
        * 1.1;
    let (area, bottom_axis) =
        area.split_vertically(area.dim_in_pixel().1.saturating_sub(style.px(46.0)));
    let area = area.margin(style.px(26.0), 0, style.px(64.0), style.px(96.0));
    area.titled(
        "Layer PDOS, ↑ above and ↓ below (states/eV per Ta)",
        font(14.0),
    )?;
    let rows = area.split_evenly((r.pdos.layers.len().max(1), 1));
    let line = |c: RGBColor| c.stroke_width(style.px(1.5));
    let dash = (style.px(5.0), style.px(3.0));
    for (l, (row, pdos)) in rows.iter().zip(&r.pdos.layers).enumerate() {
        let mut chart = ChartBuilder::on(row).build_cartesian_2d(lo..hi, -top..top)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .disable_y_mesh()
            .x_labels(0)
            .y_labels(0)
            .axis_style(BLACK.stroke_width(style.px(1.0)))
            .draw()?;
        let pts = |v: &[f64], sign: f64| -> Vec<(f64, f64)> {
            energy
                .iter()
                .zip(v)
                .filter(|(e, _)| (lo..=hi).contains(*e))
                .map(|(&e, &d)| (e, sign * d))
                .collect()
        };
        chart.draw_series(LineSeries::new(
            pts(&pdos.up, 1.0),
            line(okabe_ito::VERMILLION),
        ))?;
        chart.draw_series(DashedLineSeries::new(
            pts(&pdos.down, -1.0),
            dash.0,
            dash.1,
            line(okabe_ito::BLUE),
        ))?;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(lo, 0.0), (hi, 0.0)],
            GRID.stroke_width(style.px(1.0)),
        )))?;
        chart.draw_series(std::iter::once(DashedPathElement::new(
            vec![(0.0, -top), (0.0, top)],
            style.px(3.0),
            style.px(3.0),
            BLACK.stroke_width(style.px(1.0)),
        )))?;
        let m = r.layer_moments.get(l).copied().unwrap_or(0.0);
        let (w, h) = row.dim_in_pixel();
        row.draw(&Text::new(
            format!("Ta{} {m:+.3} μB", l + 1),
            (
                w as i32 + style.px(6.0) as i32,
                h as i32 / 2 - style.px(7.0) as i32,
            ),
            font(12.0),
        ))?;
    }
    // The energy axis, once, under the last layer.
    let mut axis = ChartBuilder::on(&bottom_axis.margin(0, 0, style.px(64.0), style.px(96.0)))
        .x_label_area_size(style.px(40.0))
        .build_cartesian_2d(lo..hi, 0.0..1.0)?;
    axis.configure_mesh()
        .disable_y_axis()
        .disable_mesh()
        .x_desc("E − E_F (eV)")
        .label_style(font(12.0))
        .axis_desc_style(font(13.0))
        .axis_style(BLACK.stroke_width(style.px(1.0)))
        .draw()?;
    Ok(())
}

/// Draws Fig. 3 on `area`: the slab (top left), the layer PDOS (right) and,
/// when a scan is given, Fig. S18 (bottom left); returns the frame of the
/// Fig. S18 panel (U_eff in eV, moment in μ_B) when there is one.
pub fn draw_vacancy<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &VacancyFigure,
    style: &Style,
) -> Result<Option<Frame>, PlotError>
where
    DB::ErrorType: 'static,
{
    check_drawable(fig.model)?;
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let (left, right) = area.split_horizontally(w * 48 / 100);
    let frame = match fig.scan {
        Some(scan) => {
            let (slab, s18) = left.split_vertically(h * 55 / 100);
            draw_slab(&slab, fig.model, style)?;
            let mut note = String::new();
            if fig.scan_without_soc {
                note.push_str(", without SOC");
            }
            if !fig.scan_pending.is_empty() {
                let done = scan.u_eff.len();
                let all = done + fig.scan_pending.len();
                note.push_str(&format!(": computing, {done} of {all}"));
            }
            Some(draw_u_scan(
                &s18,
                scan,
                fig.scan_pending,
                fig.u_eff,
                &note,
                style,
            )?)
        }
        None => {
            draw_slab(&left, fig.model, style)?;
            None
        }
    };
    draw_layer_pdos(&right, fig.model, style)?;
    area.present()?;
    Ok(frame)
}
