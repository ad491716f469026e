// For mount.test.mjs: two custom elements of the page's own, the API on window, the data.
import { mount } from '/pkg/passrate-chart.js';

// A card with its own shadow root, which shows its children through a slot.
customElements.define('my-card', class extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const frame = document.createElement('div');
    frame.setAttribute('part', 'frame');
    frame.style.border = '1px solid #8c949e';
    frame.style.padding = '8px';
    frame.append(document.createElement('slot'));
    root.append(frame);
  }
});
// A custom element without a shadow root of its own.
customElements.define('my-plain', class extends HTMLElement {});

window.prc = { mount };
window.dataset = await (await fetch('/www/data/yuncheng-2019.json')).json();
document.body.dataset.ready = 'true';
