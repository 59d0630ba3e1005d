// <ktao-figure figure="hc2-angle" h-par="5" controls="none"></ktao-figure>
// renders one figure of the supplement in any page, e.g. a reveal.js slide.
// Attributes carry the same names and values as the figure pages' URL state.
import { mountFigure, el } from './page.js';

const STYLE = new URL('../css/figure.css', import.meta.url).href;
const NOT_STATE = ['figure', 'controls', 'class', 'id', 'title', 'hidden', 'lang'];

function ensureStylesheet() {
  if (document.querySelector(`link[href="${STYLE}"]`)) return;
  document.head.append(el('link', { rel: 'stylesheet', href: STYLE }));
}

class KtaoFigure extends HTMLElement {
  connectedCallback() {
    if (this.mounted) return;
    this.mounted = true;
    ensureStylesheet();
    // Keys pressed inside the figure (sliders, the canvas) are not slide changes.
    this.addEventListener('keydown', (e) => e.stopPropagation());
    const entries = [...this.attributes].map((a) => [a.name, a.value]);
    mountFigure(this, this.getAttribute('figure') ?? '', {
      entries, ignore: NOT_STATE, controls: this.getAttribute('controls') !== 'none',
    }).then((h) => { this.handle = h; }).catch((err) => {
      this.replaceChildren(el('p', { class: 'ktao-status error', role: 'alert' }, `ktao-figure: ${err.message}`));
    });
  }
}

if (!customElements.get('ktao-figure')) customElements.define('ktao-figure', KtaoFigure);
