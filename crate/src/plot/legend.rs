//! Legends, captions and the curve styles they show, drawn by ktao rather
//! than by `configure_series_labels`: plotters' series labels measure text
//! through `MultiLineText`, which in the browser inserts a styled `<span>`
//! that the site's Content-Security-Policy refuses (and forces a page layout
//! per line). Here text is measured by the backend (see `plot::measure`).

use super::style::{okabe_ito, Style};
use super::{Frame, PlotError};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::{DashedPathElement, Drawable, PointCollection};
use plotters::prelude::*;
use plotters_backend::{BackendCoord, DrawingErrorKind};

/// How an entry's sample is drawn: lines differ by style, not only by colour.
#[derive(Debug, Clone, Copy)]
pub enum Sample {
    /// A solid line.
    Line(RGBColor),
    /// A dashed line.
    Dashed(RGBColor),
    /// A dotted line (see [`DOTS`]).
    Dotted(RGBColor),
    /// An open circle, as the data points.
    Marker(RGBColor),
    /// An open square, for a second set of points.
    Square(RGBColor),
    /// An open upward triangle.
    Triangle(RGBColor),
    /// A diagonal cross.
    Cross(RGBColor),
    /// A curve drawn by [`draw_curve`]: its line with its marker on it.
    Curve(CurveStyle),
    /// A pale filled band, as a shaded range (a fit window).
    Band(RGBColor),
}

/// Dash and gap of a dotted line, CSS px (a dashed line is 7 and 4–5).
pub const DOTS: (f64, f64) = (2.0, 4.0);

/// Where the legend box sits inside the plotting area.
#[derive(Debug, Clone, Copy)]
pub enum Corner {
    UpperLeft,
    UpperRight,
    LowerLeft,
    LowerRight,
    /// Against the right edge, halfway down.
    MiddleRight,
}

/// Draws a legend box with `entries` in `corner` of the plotting area `frame`
/// (device pixels, relative to the top-level `area`); returns the box's
/// top-left and bottom-right corners, so that an inset can keep clear of it.
pub fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    corner: Corner,
    entries: &[(&str, Sample)],
    style: &Style,
) -> Result<[(i32, i32); 2], PlotError>
where
    DB::ErrorType: 'static,
{
    let font = TextStyle::from((style.font.as_str(), style.font_px(13.0)).into_font());
    let pad = style.px(6.0) as i32;
    let sample_w = style.px(26.0) as i32;
    let line_h = (style.font_px(13.0) * 1.35).ceil() as i32;
    let mut text_w = 0;
    for (label, _) in entries {
        text_w = text_w.max(area.estimate_text_size(label, &font)?.0 as i32);
    }
    let w = 3 * pad + sample_w + text_w;
    let h = 2 * pad + line_h * entries.len() as i32;
    let inset = style.px(8.0) as i32;
    let x0 = match corner {
        Corner::UpperLeft | Corner::LowerLeft => frame.px[0] + inset,
        Corner::UpperRight | Corner::LowerRight | Corner::MiddleRight => frame.px[1] - inset - w,
    };
    let y0 = match corner {
        Corner::UpperLeft | Corner::UpperRight => frame.py[0] + inset,
        Corner::LowerLeft | Corner::LowerRight => frame.py[1] - inset - h,
        Corner::MiddleRight => (frame.py[0] + frame.py[1] - h) / 2,
    };
    area.draw(&Rectangle::new(
        [(x0, y0), (x0 + w, y0 + h)],
        WHITE.mix(0.92).filled(),
    ))?;
    area.draw(&Rectangle::new(
        [(x0, y0), (x0 + w, y0 + h)],
        BLACK.stroke_width(style.px(1.0)),
    ))?;
    let stroke = style.px(2.0);
    let (dash, gap) = (style.px(7.0), style.px(4.0));
    for (i, (label, sample)) in entries.iter().enumerate() {
        let y = y0 + pad + line_h * i as i32 + line_h / 2;
        let (a, b) = ((x0 + pad, y), (x0 + pad + sample_w, y));
        let mid = (x0 + pad + sample_w / 2, y);
        let glyph = |kind, r: f64, c: RGBColor| Glyph {
            at: mid,
            r: style.px(r) as i32,
            style: c.stroke_width(style.px(1.5)),
            kind,
        };
        match *sample {
            Sample::Line(c) => area.draw(&PathElement::new(vec![a, b], c.stroke_width(stroke)))?,
            Sample::Dashed(c) => area.draw(&DashedPathElement::new(
                vec![a, b],
                dash,
                gap,
                c.stroke_width(stroke),
            ))?,
            Sample::Dotted(c) => area.draw(&DashedPathElement::new(
                vec![a, b],
                style.px(DOTS.0),
                style.px(DOTS.1),
                c.stroke_width(stroke),
            ))?,
            Sample::Marker(c) => area.draw(&glyph(Marker::Circle, 3.5, c))?,
            Sample::Square(c) => area.draw(&glyph(Marker::Square, 3.5, c))?,
            Sample::Triangle(c) => area.draw(&glyph(Marker::Triangle, 5.0, c))?,
            Sample::Cross(c) => area.draw(&glyph(Marker::Cross, 4.0, c))?,
            Sample::Curve(cs) => {
                let line = cs.color.stroke_width(style.px(CURVE_WIDTH));
                if cs.dashed {
                    area.draw(&DashedPathElement::new(vec![a, b], dash, gap, line))?;
                } else {
                    area.draw(&PathElement::new(vec![a, b], line))?;
                }
                area.draw(&Glyph {
                    style: cs.color.stroke_width(style.px(MARKER_WIDTH)),
                    ..glyph(cs.marker, MARKER_R, cs.color)
                })?;
            }
            Sample::Band(c) => {
                let d = line_h * 3 / 10;
                area.draw(&Rectangle::new(
                    [(a.0, y - d), (b.0, y + d)],
                    c.mix(0.35).filled(),
                ))?
            }
        }
        let text_style = font.clone().pos(plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Left,
            plotters::style::text_anchor::VPos::Center,
        ));
        area.draw(&Text::new(
            label.to_string(),
            (x0 + 2 * pad + sample_w, y),
            text_style,
        ))?;
    }
    Ok([(x0, y0), (x0 + w, y0 + h)])
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

/// Line pattern, colour and marker of one of several curves: they differ
/// by line and marker shape, not only by colour.
#[derive(Debug, Clone, Copy)]
pub struct CurveStyle {
    pub color: RGBColor,
    pub dashed: bool,
    pub marker: Marker,
}

/// A curve's line width, its markers' radius and stroke, CSS px.
const CURVE_WIDTH: f64 = 1.8;
const MARKER_R: f64 = 3.5;
const MARKER_WIDTH: f64 = 1.3;

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

/// A marker of any [`Marker`] shape, centred on `at`: one element type for
/// every shape, so a curve's markers and its legend need no boxing.
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

impl<C, DB: DrawingBackend> Drawable<DB> for Glyph<C> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut pos: I,
        backend: &mut DB,
        ps: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let Some(p) = pos.next() else {
            return Ok(());
        };
        let (r, style) = (self.r, self.style);
        let at = std::iter::once(p);
        match self.kind {
            Marker::Circle => Circle::new((0, 0), r, style).draw(at, backend, ps),
            Marker::Triangle => TriangleMarker::new((0, 0), r, style).draw(at, backend, ps),
            Marker::Cross => Cross::new((0, 0), r, style).draw(at, backend, ps),
            Marker::Square => {
                backend.draw_rect((p.0 - r, p.1 - r), (p.0 + r, p.1 + r), &style, false)
            }
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
}

type Chart2d<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Draws `points` as one line (solid or dashed) in style `cs` with a marker
/// every `stride` points; its legend entry is `Sample::Curve(cs)`.
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
    let stroke = cs.color.stroke_width(style.px(CURVE_WIDTH));
    if cs.dashed {
        let dash = (style.px(6.0), style.px(4.0));
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
        r: style.px(MARKER_R) as i32,
        style: cs.color.stroke_width(style.px(MARKER_WIDTH)),
        kind: cs.marker,
    }))?;
    Ok(())
}
