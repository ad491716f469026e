// Types for passrate-chart: the dataset format (version 1) and the JS API.

/** Where the figures were published. */
export interface Source {
  name: string;
  /** e.g. "2019-08-14" */
  date?: string;
  url?: string;
}

/** One exam line (一本线, 二本线 …) in one year, as the source states it. */
export interface Tier {
  /** The line's name; unique within its year. */
  tier: string;
  /** Candidates for this tier, when it differs from the year's. */
  candidates?: number;
  /** Candidates at or above the line (at most `candidates`). */
  passed?: number;
  /** Pass rate in %, 0–100. May be left out when `passed` and `candidates` are given. */
  rate?: number;
  /** The reference area's rate in %, when the source states it. */
  reference_rate?: number;
  /** Region − reference, in percentage points (−100 to 100). */
  vs_reference_pp?: number;
  /** This year − last year, in percentage points (−100 to 100). */
  vs_previous_year_pp?: number;
}

export interface Year {
  /** 1900–2200 */
  year: number;
  /** Candidates who sat the exam (参考人数). */
  candidates?: number;
  /** At least one, at most 500. */
  tiers: [Tier, ...Tier[]];
}

/** A dataset, format version 1 (schema/passrate-data.schema.json). */
export interface Dataset {
  version?: 1;
  title: string;
  /** The area reported on, e.g. a city. */
  region: string;
  /** The area compared with; default "全省". */
  reference?: string;
  source?: Source | string;
  /** At least one; any order; the charts show the latest. */
  years: [Year, ...Year[]];
}

/** 'trend' needs three or more years of data. */
export type View = 'compare' | 'change' | 'trend';
export type Lang = 'zh-CN' | 'en';
export type Theme = 'light' | 'dark' | 'auto';

/**
 * A dataset object, its JSON text, CSV text (README, "CSV columns"), or a file's bytes
 * (UTF-8, UTF-16 with its byte-order mark, or GB18030/GBK as Excel and WPS save CSV on
 * Chinese Windows).
 */
export type Data = Dataset | string | Uint8Array;

export interface Options {
  view?: View;
  lang?: Lang;
  theme?: Theme;
  /** The widget's total height in CSS px (default 520). */
  height?: number;
  /** The region (city) the compare, change and trend views show, and the cities view emphasises. */
  highlight?: string;
  /** The .wasm file's URL or bytes, when it is not beside this module. */
  wasm?: string | URL | BufferSource | WebAssembly.Module;
}

/** A data point as the tooltip, keyboard and live region present it. */
export interface Point {
  /** Box in CSS px, relative to the canvas. */
  x: number;
  y: number;
  w: number;
  h: number;
  tier: number;
  /** The year the point belongs to. */
  year: number;
  series: 'region' | 'reference' | 'previous' | 'counts';
  heading: string;
  value: string;
  lines: string[];
  spoken: string;
}

export interface PNGOptions {
  /** Pixels per CSS pixel of the image (default: the device pixel ratio, at least 2). */
  scale?: number;
  /** CSS width of the image (default: the chart's current width). */
  width?: number;
}

/** A chart drawn in a container. */
export declare class Chart {
  private constructor();
  readonly container: HTMLElement;
  /** The data points of the current view, in keyboard order. */
  readonly points: readonly Point[];
  /** Replaces the data. Throws an Error naming the field path when it is invalid; the chart keeps its old data. */
  update(data: Data): void;
  setView(view: View): void;
  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  /** The region to show and emphasise, by name (in either language of the data); '' for the first. */
  setHighlight(region: string): void;
  /** Draws now, at the container's width and the device pixel ratio. */
  redraw(): void;
  /** The chart as a standalone PNG: title, legend, warnings and source drawn in the image. */
  toPNG(options?: PNGOptions): Promise<Blob>;
  /** Removes the chart and its listeners. */
  destroy(): void;
}

/** The Error `mount`, `update` and the element give for data that cannot be drawn. */
export interface DataError extends Error {
  /** The same message in the chart's language ("years[0].tiers[1].rate：应为 0 到 100 之间的百分数…"). */
  localized?: string;
  /** Where the problem is: "years[0].tiers[1].rate", "line 3, column 6 (rate)". */
  path?: string;
}

/**
 * Draws a chart in `container`. Rejects with a DataError naming the field path when `data` is
 * invalid (e.g. "years[0].tiers[1].rate: expected a percentage between 0 and 100, got \"abc\"").
 */
export declare function mount(container: HTMLElement, data: Data, options?: Options): Promise<Chart>;

/** Why `data` cannot be drawn, in the reader's language, or undefined when it can. */
export declare function explain(data: Data, lang?: Lang): Promise<string | undefined>;

/** This package's version, e.g. "0.1.0" (for a CDN address of the same files). */
export declare const version: string;

/** The `<passrate-chart>` element, registered when this module is imported in a browser. */
export declare class PassrateChartElement extends HTMLElement {
  /** The chart, once drawn. */
  readonly chart: Chart | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'passrate-chart': PassrateChartElement;
  }
}
