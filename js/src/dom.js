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
