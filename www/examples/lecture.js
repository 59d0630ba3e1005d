// The example lecture page's one interaction: a section that starts hidden
// (display: none) and holds a figure, which draws when it is shown.
const button = document.getElementById('show-later');
const later = document.getElementById('later');
button.addEventListener('click', () => {
  later.hidden = !later.hidden;
  button.setAttribute('aria-expanded', String(!later.hidden));
});
