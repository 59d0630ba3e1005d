// DOM helpers shared by the page modules. Text from URLs or attributes only
// ever reaches the page through textContent, never innerHTML.

/** Creates an element with attributes and text. */
export function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** "hPerp" → "h-perp": the names of URL state and of <ktao-figure> attributes. */
export const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Offers `blob` to the reader as a file download. */
export function download(blob, filename) {
  const a = el('a', { href: URL.createObjectURL(blob), download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
