//! What the magnetometry figures share: a moment axis in powers of ten of
//! emu, and curve styles that differ by line pattern and marker shape, not
//! only by colour.

use super::style::{okabe_ito, Style};
use super::PlotError;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendCoord, DrawingErrorKind};

/// The power of ten that puts `max_abs` between 1 and 10 (0 for zero).
pub fn decade(max_abs: f64) -> i32 {
    if max_abs > 0.0 && max_abs.is_finite() {
        max_abs.log10().floor() as i32
    } else {
        0
    }
}

/// "10⁻⁷" for −7.
pub fn power_of_ten(e: i32) -> String {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let digits: String = e
        .unsigned_abs()
        .to_string()
        .chars()
        .map(|c| SUP[c.to_digit(10).unwrap_or(0) as usize])
        .collect();
    format!("10{}{digits}", if e < 0 { "⁻" } else { "" })
}

/// Line pattern and marker of the i-th curve.
#[derive(Debug, Clone, Copy)]
pub struct CurveStyle {
    pub color: RGBColor,
    pub dashed: bool,
    pub marker: Marker,
}

/// A marker shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Triangle,
    Cross,
    Square,
    Diamond,
    Plus,
}

const COLORS: [RGBColor; 8] = [
    okabe_ito::BLUE,
    okabe_ito::VERMILLION,
    okabe_ito::GREEN,
    okabe_ito::ORANGE,
    okabe_ito::PURPLE,
    okabe_ito::SKY_BLUE,
    okabe_ito::BLACK,
    okabe_ito::YELLOW,
];

const MARKERS: [Marker; 6] = [
    Marker::Circle,
    Marker::Triangle,
    Marker::Square,
    Marker::Cross,
    Marker::Diamond,
    Marker::Plus,
];

impl CurveStyle {
    /// The i-th of eight distinct styles: a colour and a marker shape each,
    /// solid lines for the first six and dashed ones beyond (a dashed line is
    /// hundreds of separate strokes on a canvas, so the common case avoids it).
    pub fn nth(i: usize) -> Self {
        Self {
            color: COLORS[i % COLORS.len()],
            dashed: i >= MARKERS.len(),
            marker: MARKERS[i % MARKERS.len()],
        }
    }
}

type Chart2d<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// A marker of one of the four shapes, centred on `at`: one element type
/// for every shape, so a curve's markers and its legend need no boxing.
pub struct Glyph<C> {
    pub at: C,
    pub r: i32,
    pub style: ShapeStyle,
    pub kind: Marker,
}

impl<'a, C> PointCollection<'a, C> for &'a Glyph<C> {
    type Point = &'a C;
    type IntoIter = std::iter::Once<&'a C>;
    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.at)
    }
}

fn draw_glyph<DB: DrawingBackend>(
    kind: Marker,
    p: BackendCoord,
    r: i32,
    style: ShapeStyle,
    backend: &mut DB,
    ps: (u32, u32),
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let at = std::iter::once(p);
    match kind {
        Marker::Circle => Circle::new((0, 0), r, style).draw(at, backend, ps),
        Marker::Triangle => TriangleMarker::new((0, 0), r, style).draw(at, backend, ps),
        Marker::Cross => Cross::new((0, 0), r, style).draw(at, backend, ps),
        Marker::Square => backend.draw_rect((p.0 - r, p.1 - r), (p.0 + r, p.1 + r), &style, false),
        Marker::Diamond => {
            let (x, y) = p;
            let d = r + r / 3;
            backend.draw_path(
                [(x, y - d), (x + d, y), (x, y + d), (x - d, y), (x, y - d)],
                &style,
            )
        }
        Marker::Plus => {
            let (x, y) = p;
            backend.draw_line((x - r, y), (x + r, y), &style)?;
            backend.draw_line((x, y - r), (x, y + r), &style)
        }
    }
}

impl<C, DB: DrawingBackend> Drawable<DB> for Glyph<C> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut pos: I,
        backend: &mut DB,
        ps: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        match pos.next() {
            Some(p) => draw_glyph(self.kind, p, self.r, self.style, backend, ps),
            None => Ok(()),
        }
    }
}

/// A legend entry: a short line, solid or dashed, with the curve's marker.
pub struct Swatch {
    pub at: BackendCoord,
    pub len: i32,
    pub line: ShapeStyle,
    pub dash: Option<(i32, i32)>,
    pub glyph: Glyph<BackendCoord>,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Swatch {
    type Point = &'a BackendCoord;
    type IntoIter = std::iter::Once<&'a BackendCoord>;
    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.at)
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Swatch {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut pos: I,
        backend: &mut DB,
        ps: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let Some((x, y)) = pos.next() else {
            return Ok(());
        };
        let (on, off) = self.dash.unwrap_or((self.len, 0));
        let mut a = x;
        while a < x + self.len {
            let b = (a + on.max(1)).min(x + self.len);
            backend.draw_line((a, y), (b, y), &self.line)?;
            a = b + off;
        }
        let g = &self.glyph;
        draw_glyph(g.kind, (x + self.len / 2, y), g.r, g.style, backend, ps)
    }
}

/// Draws `points` as one line (solid or dashed) with a marker every
/// `stride` points.
pub fn draw_curve<DB: DrawingBackend>(
    chart: &mut Chart2d<'_, DB>,
    points: &[(f64, f64)],
    cs: CurveStyle,
    stride: usize,
    style: &Style,
) -> Result<(), PlotError>
where
    DB::ErrorType: 'static,
{
    let stroke = cs.color.stroke_width(style.px(1.8));
    let thin = cs.color.stroke_width(style.px(1.3));
    let dash = (style.px(6.0), style.px(4.0));
    let r = style.px(3.5) as i32;
    if cs.dashed {
        chart.draw_series(DashedLineSeries::new(
            points.iter().copied(),
            dash.0,
            dash.1,
            stroke,
        ))?;
    } else {
        chart.draw_series(LineSeries::new(points.iter().copied(), stroke))?;
    }
    chart.draw_series(points.iter().step_by(stride.max(1)).map(|&p| Glyph {
        at: p,
        r,
        style: thin,
        kind: cs.marker,
    }))?;
    Ok(())
}

/// Where a legend sits in the plotting area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corner {
    UpperRight,
    MiddleRight,
    LowerRight,
}

/// A legend of `entries` (style, label) in a `corner` of the chart's
/// plotting area. Drawn here rather than by plotters' series labels, which
/// lay out their text with DOM elements in the browser (a forced page layout
/// per line, milliseconds per figure, and inline styles the site's
/// Content-Security-Policy refuses); this measures through the backend.
pub fn draw_legend<DB: DrawingBackend>(
    chart: &Chart2d<'_, DB>,
    entries: &[(CurveStyle, String)],
    corner: Corner,
    style: &Style,
) -> Result<(), PlotError>
where
    DB::ErrorType: 'static,
{
    let area = chart.plotting_area().strip_coord_spec();
    let font = (style.font.as_str(), style.font_px(13.0)).into_font();
    let text = font.color(&BLACK).pos(Pos::new(HPos::Left, VPos::Center));
    let mut widest = 0;
    let mut tallest = 0;
    for (_, label) in entries {
        let (w, h) = area.estimate_text_size(label, &text)?;
        widest = widest.max(w as i32);
        tallest = tallest.max(h as i32);
    }
    let (pad, swatch, gap) = (
        style.px(6.0) as i32,
        style.px(26.0) as i32,
        style.px(6.0) as i32,
    );
    let line = (tallest as f64 * 1.25).ceil() as i32;
    let (w, h) = (
        2 * pad + swatch + gap + widest,
        2 * pad + line * entries.len() as i32,
    );
    let (aw, ah) = area.dim_in_pixel();
    let (aw, ah) = (aw as i32, ah as i32);
    let margin = style.px(10.0) as i32;
    let x0 = aw - w - margin;
    let y0 = match corner {
        Corner::UpperRight => margin,
        Corner::MiddleRight => (ah - h) / 2,
        Corner::LowerRight => ah - h - margin,
    };
    area.draw(&Rectangle::new(
        [(x0, y0), (x0 + w, y0 + h)],
        WHITE.mix(0.9).filled(),
    ))?;
    area.draw(&Rectangle::new(
        [(x0, y0), (x0 + w, y0 + h)],
        BLACK.stroke_width(style.px(1.0)),
    ))?;
    let r = style.px(3.5) as i32;
    let dash = (style.px(6.0) as i32, style.px(4.0) as i32);
    for (i, (cs, label)) in entries.iter().enumerate() {
        let y = y0 + pad + line * i as i32 + line / 2;
        area.draw(&Swatch {
            at: (x0 + pad, y),
            len: swatch,
            line: cs.color.stroke_width(style.px(1.8)),
            dash: cs.dashed.then_some(dash),
            glyph: Glyph {
                at: (0, 0),
                r,
                style: cs.color.stroke_width(style.px(1.3)),
                kind: cs.marker,
            },
        })?;
        area.draw(&Text::new(
            label.clone(),
            (x0 + pad + swatch + gap, y),
            text.clone(),
        ))?;
    }
    Ok(())
}

/// A caption in the top-left corner of `area`.
pub fn caption<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &Style,
) -> Result<(), PlotError>
where
    DB::ErrorType: 'static,
{
    area.draw(&Text::new(
        text.to_string(),
        (style.px(12.0) as i32, style.px(6.0) as i32),
        (style.font.as_str(), style.font_px(14.0)).into_font(),
    ))?;
    Ok(())
}
