// For a page that shows charts through the iframe embed: include once, anywhere,
//   <script src=".../embed.js" async></script>
// and every <iframe data-passrate-chart> takes the height its chart reports. Iframes added
// later are found when their first message arrives. Nothing else on the page is touched.
(() => {
  addEventListener('message', (event) => {
    const { data, source } = event;
    if (!source || data?.type !== 'passrate-chart:height') return;
    const height = data.height;
    if (!Number.isInteger(height) || height < 0 || height > 20000) return;
    // Only the iframe's own window may size it: any frame or script can post a message, and
    // several embeds share one origin, so the origin alone cannot say which iframe it is for.
    for (const frame of document.querySelectorAll('iframe[data-passrate-chart]')) {
      if (frame.contentWindow !== source) continue;
      // A host stylesheet with box-sizing: border-box counts the iframe's border in its height.
      const cs = getComputedStyle(frame);
      const extra = cs.boxSizing === 'border-box'
        ? parseFloat(cs.borderTopWidth) + parseFloat(cs.borderBottomWidth) + parseFloat(cs.paddingTop) + parseFloat(cs.paddingBottom)
        : 0;
      frame.style.height = `${height + (extra || 0)}px`;
      return;
    }
  });
})();
