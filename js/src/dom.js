// The one way the widget makes DOM nodes: attributes with setAttribute, text with
// textContent. Text from data never passes through innerHTML.

export function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** 'en' for English tags, 'zh-CN' for everything else: the two languages the engine writes. */
export function langTag(lang) {
  return String(lang || 'zh-CN').toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

// Chinese characters, CJK punctuation and full-width forms; digits, ASCII punctuation and
// symbols (%, ①, ·) belong to no language.
const HAN = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;
const LATIN = /[A-Za-z]/;

/**
 * Sets `node`'s text to `text`, with each run in the other of the two languages wrapped in a
 * <span lang> (WCAG 3.1.2): on an English chart, Chinese names and words are `zh-CN`; on a
 * Chinese chart, English words are `en`. A run spans from its first to its last character of
 * that language, with the numbers and punctuation between them ("运城市2019年高考").
 */
export function setText(node, text, lang) {
  const en = langTag(lang) === 'en';
  const foreign = (c) => (en ? HAN : LATIN).test(c);
  const native = (c) => (en ? LATIN : HAN).test(c);
  const chars = [...String(text)];
  const runs = [];
  let start = -1;
  let last = -1;
  let letters = 0;
  const close = () => {
    // A lone Latin letter in Chinese ("x") is no English word.
    if (start >= 0 && (en || letters >= 2)) runs.push([start, last + 1]);
    start = -1;
    letters = 0;
  };
  chars.forEach((c, k) => {
    if (foreign(c)) {
      if (start < 0) start = k;
      last = k;
      letters += 1;
    } else if (native(c)) {
      close();
    }
  });
  close();
  if (!runs.length) {
    node.textContent = text;
    return;
  }
  const parts = [];
  let at = 0;
  for (const [a, b] of runs) {
    if (a > at) parts.push(document.createTextNode(chars.slice(at, a).join('')));
    parts.push(el('span', { lang: en ? 'zh-CN' : 'en' }, chars.slice(a, b).join('')));
    at = b;
  }
  if (at < chars.length) parts.push(document.createTextNode(chars.slice(at).join('')));
  node.replaceChildren(...parts);
}
