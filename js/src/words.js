// The only sentences written in JS: those a reader may need before the engine (which holds
// every other sentence, in src/words/) has loaded, or when it cannot load at all.

import { langTag } from './dom.js';

const WORDS = {
  'zh-CN': {
    cannotShow: '这张图表暂时无法显示。',
    engineFailed: '图表引擎无法加载',
  },
  en: {
    cannotShow: 'This chart cannot be shown right now.',
    engineFailed: 'the chart engine could not load',
  },
};

export function words(lang) {
  return WORDS[langTag(lang)];
}
