// The only sentences written in JS: those a reader may need before the engine (which holds
// every other sentence, in src/words/) has loaded, or when it cannot load at all.

import { langTag } from './dom.js';

const WORDS = {
  'zh-CN': {
    cannotShow: '这张图表暂时无法显示。',
    engineFailed: '图表引擎无法加载',
    titledCannotShow: (title) => `图表“${title}”暂时无法显示。`,
    nthCannotShow: (n, file) => `本页第${n}张图表暂时无法显示${file ? `（数据：${file}）` : ''}。`,
  },
  en: {
    cannotShow: 'This chart cannot be shown right now.',
    engineFailed: 'the chart engine could not load',
    titledCannotShow: (title) => `The chart “${title}” cannot be shown right now.`,
    nthCannotShow: (n, file) => `Chart ${n} on this page${file ? ` (data: ${file})` : ''} cannot be shown right now.`,
  },
};

export function words(lang) {
  return WORDS[langTag(lang)];
}
