// The example deck: reveal.js (from npm, served from ../vendor/) with a ktao
// figure on its third slide.
import Reveal from '../vendor/reveal/reveal.mjs';
import '../js/ktao-figure.js';

const deck = new Reveal({ hash: true, center: false, transition: 'none', width: 1280, height: 960 });
deck.initialize();
window.deck = deck;
