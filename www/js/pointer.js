// The hover and focus readout: the nearest data point to the pointer, or the
// point chosen with the arrow keys while the canvas has focus.
import { el } from './dom.js';

/** Pixel position (CSS px) of data point p in a draw result's frame. */
function toCss(frame, p, dpr) {
  const fx = (p.x - frame.x[0]) / (frame.x[1] - frame.x[0]);
  const fy = (p.y - frame.y[0]) / (frame.y[1] - frame.y[0]);
  return {
    x: (frame.px[0] + fx * (frame.px[1] - frame.px[0])) / dpr,
    y: (frame.py[1] - fy * (frame.py[1] - frame.py[0])) / dpr,
  };
}

/**
 * Wires the readout to `canvas` inside `plot`; `current()` returns
 * { frame, points: [{ x, y, text, frame? }] } of the last drawing (a point
 * of a figure with several panels names its panel's frame).
 */
export function setupPointer(plot, canvas, current) {
  const readout = el('p', { class: 'ktao-pointer', 'aria-live': 'polite' });
  const marker = el('div', { class: 'ktao-marker', hidden: '' });
  plot.append(marker);
  canvas.setAttribute('tabindex', '0');
  let index = -1;

  function show(i) {
    const { frame, points } = current();
    if (!frame || !points.length) return;
    index = Math.max(0, Math.min(points.length - 1, i));
    const p = points[index];
    const at = toCss(p.frame ?? frame, p, canvas.width / canvas.clientWidth);
    marker.hidden = false;
    marker.style.left = `${at.x}px`;
    marker.style.top = `${at.y}px`;
    readout.textContent = p.text;
  }
  function hide() { marker.hidden = true; }

  canvas.addEventListener('pointermove', (e) => {
    const { frame, points } = current();
    if (!frame || !points.length) return;
    const dpr = canvas.width / canvas.clientWidth;
    let best = -1;
    let bestD = Infinity;
    points.forEach((p, i) => {
      const at = toCss(p.frame ?? frame, p, dpr);
      const d = (at.x - e.offsetX) ** 2 + (at.y - e.offsetY) ** 2;
      if (d < bestD) { bestD = d; best = i; }
    });
    if (best >= 0 && bestD < 40 ** 2) show(best); else hide();
  });
  canvas.addEventListener('pointerleave', hide);
  canvas.addEventListener('focus', () => show(index < 0 ? 0 : index));
  canvas.addEventListener('blur', hide);
  canvas.addEventListener('keydown', (e) => {
    const step = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[e.key];
    if (step === undefined && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const n = current().points.length;
    show(e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : index + step);
  });
  return { readout, refresh: () => { if (!marker.hidden && index >= 0) show(index); } };
}
