// The front page: one card per figure in the registry.
import { FIGURES } from './figures/index.js';
import { el } from './dom.js';
import { keepOffline } from './offline.js';

const list = document.getElementById('figures');
for (const [id, f] of Object.entries(FIGURES)) {
  const card = el('li', { class: 'card' });
  const link = el('a', { href: `${id}.html` });
  link.append(el('span', { class: 'paper' }, f.paper), ' ', el('span', { class: 'title' }, f.title));
  card.append(link, el('p', {}, f.blurb));
  list.append(card);
}
keepOffline();
