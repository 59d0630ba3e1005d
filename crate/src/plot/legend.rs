//! Legends drawn by ktao rather than by `configure_series_labels`: plotters'
//! series labels measure text through `MultiLineText`, which in the browser
//! inserts a styled `<span>` that the site's Content-Security-Policy refuses.
//! Here text is measured by the backend (see `plot::measure`).

use super::style::Style;
use super::{Frame, PlotError};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

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
        Corner::UpperRight | Corner::LowerRight => frame.px[1] - inset - w,
    };
    let y0 = match corner {
        Corner::UpperLeft | Corner::UpperRight => frame.py[0] + inset,
        Corner::LowerLeft | Corner::LowerRight => frame.py[1] - inset - h,
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
            Sample::Marker(c) => area.draw(&Circle::new(
                (x0 + pad + sample_w / 2, y),
                style.px(3.5),
                c.stroke_width(style.px(1.5)),
            ))?,
            Sample::Square(c) => {
                let (cx, d) = (x0 + pad + sample_w / 2, style.px(3.5) as i32);
                area.draw(&Rectangle::new(
                    [(cx - d, y - d), (cx + d, y + d)],
                    c.stroke_width(style.px(1.5)),
                ))?
            }
            Sample::Triangle(c) => area.draw(&TriangleMarker::new(
                (x0 + pad + sample_w / 2, y),
                style.px(5.0),
                c.stroke_width(style.px(1.5)),
            ))?,
            Sample::Cross(c) => area.draw(&Cross::new(
                (x0 + pad + sample_w / 2, y),
                style.px(4.0),
                c.stroke_width(style.px(1.5)),
            ))?,
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
