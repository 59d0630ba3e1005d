//! A plotters backend for a `<canvas>` 2D context that sends a style to the
//! context only when it changes.
//!
//! It draws exactly as `plotters-canvas` 0.3 does (the same context calls,
//! the same half-pixel shift of horizontal and vertical lines), which it
//! replaces: that backend formats the colour as an `rgba(…)` string, and
//! sends it and the line width, on every line, path and circle, and the font
//! on every label. A figure page draws thousands of primitives in a few
//! colours, and those strings crossing into JavaScript (encoded in wasm,
//! decoded by the page) cost a tenth of a Fig. 2 update (measured in a
//! Chromium CPU profile). This backend also drops repeated points of a path
//! (a zero-length segment draws nothing), of which a densely sampled curve
//! has many at device resolution.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A colour as the context was last given it: r, g, b and the bits of alpha.
type ColorKey = (u8, u8, u8, u64);

fn key(c: &BackendColor) -> ColorKey {
    (c.rgb.0, c.rgb.1, c.rgb.2, c.alpha.to_bits())
}

fn css(c: &BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("rgba({r},{g},{b},{})", c.alpha)
}

/// What the context was last set to (None: not set by this backend yet).
#[derive(Default)]
struct State {
    stroke: Option<ColorKey>,
    fill: Option<ColorKey>,
    line_width: Option<u32>,
    font: String,
    baseline: Option<&'static str>,
    align: Option<&'static str>,
}

/// Draws on a `<canvas>` in device pixels.
pub struct Canvas {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    state: State,
}

/// A context call that threw, with what it threw.
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the canvas refused a drawing call: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

fn thrown(e: JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(
        js_sys::JSON::stringify(&e)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| "an unknown error".into()),
    ))
}

type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

impl Canvas {
    /// Draws on `canvas` through its 2D context `ctx`.
    pub fn new(canvas: HtmlCanvasElement, ctx: CanvasRenderingContext2d) -> Self {
        Self {
            canvas,
            ctx,
            state: State::default(),
        }
    }

    fn set_stroke(&mut self, style: &impl BackendStyle) {
        let c = style.color();
        if self.state.stroke != Some(key(&c)) {
            self.ctx.set_stroke_style_str(&css(&c));
            self.state.stroke = Some(key(&c));
        }
        let width = style.stroke_width();
        if self.state.line_width != Some(width) {
            self.ctx.set_line_width(f64::from(width));
            self.state.line_width = Some(width);
        }
    }

    fn set_fill(&mut self, c: &BackendColor) {
        if self.state.fill != Some(key(c)) {
            self.ctx.set_fill_style_str(&css(c));
            self.state.fill = Some(key(c));
        }
    }

    /// Starts a path through `points`, skipping each that repeats the one before.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) -> bool {
        let mut points = points.into_iter();
        let Some(mut last) = points.next() else {
            return false;
        };
        self.ctx.move_to(f64::from(last.0), f64::from(last.1));
        for p in points {
            if p != last {
                self.ctx.line_to(f64::from(p.0), f64::from(p.1));
                last = p;
            }
        }
        true
    }
}

/// A horizontal or vertical line moved by half a pixel, so that a one-pixel
/// line covers one row or column of pixels instead of half of two.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let mut a = (f64::from(from.0), f64::from(from.1));
    let mut b = (f64::from(to.0), f64::from(to.1));
    if a.0 == b.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if a.1 == b.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(&color);
        self.ctx
            .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (a, b) = crisp(from, to);
        self.set_stroke(style);
        self.ctx.begin_path();
        self.ctx.move_to(a.0, a.1);
        self.ctx.line_to(b.0, b.1);
        self.ctx.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let w = f64::from(bottom_right.0 - upper_left.0);
        let h = f64::from(bottom_right.1 - upper_left.1);
        if fill {
            self.set_fill(&style.color());
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(style);
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_stroke(style);
        self.ctx.begin_path();
        if self.trace(path) {
            self.ctx.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(&style.color());
        self.ctx.begin_path();
        if self.trace(vert) {
            self.ctx.close_path();
            self.ctx.fill();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.set_fill(&style.color());
        } else {
            self.set_stroke(style);
        }
        self.ctx.begin_path();
        self.ctx
            .arc(
                f64::from(center.0),
                f64::from(center.1),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(thrown)?;
        if fill {
            self.ctx.fill();
        } else {
            self.ctx.stroke();
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let turn = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 0.25,
            FontTransform::Rotate180 => 0.5,
            FontTransform::Rotate270 => 0.75,
        } * std::f64::consts::TAU;
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        if turn != 0.0 {
            self.ctx.save();
            self.ctx.translate(x, y).map_err(thrown)?;
            self.ctx.rotate(turn).map_err(thrown)?;
            (x, y) = (0.0, 0.0);
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.state.baseline != Some(baseline) {
            self.ctx.set_text_baseline(baseline);
            self.state.baseline = Some(baseline);
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.state.align != Some(align) {
            self.ctx.set_text_align(align);
            self.state.align = Some(align);
        }
        self.set_fill(&color);
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        if self.state.font != font {
            self.ctx.set_font(&font);
            self.state.font = font;
        }
        let drawn = self.ctx.fill_text(text, x, y).map_err(thrown);
        if turn != 0.0 {
            // restore() brings back the styles from before save(): what this
            // backend set since is no longer known to be set.
            self.ctx.restore();
            self.state = State::default();
        }
        drawn
    }
}
