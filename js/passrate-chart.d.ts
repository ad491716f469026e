// Types for passrate-chart: the dataset format (versions 1 and 2) and the JS API.

/** Where the figures were published. */
export interface Source {
  name: string;
  /** e.g. "2019-08-14" */
  date?: string;
  url?: string;
}

/** A name, or (format 2) the same name in two languages; English is shown with lang="en". */
export type Name = string | { 'zh-CN'?: string; zh?: string; en?: string };

/**
 * A number as the source writes it. A string keeps its decimals exactly ("14.0", "15.5%",
 * "36,192", "36192人"); a JS number takes the finest precision written in the same field
 * elsewhere in the dataset.
 */
export type Written = number | string;

/** Format 2: the source's words for each figure, shown beside the number. */
export interface Quotes {
  candidates?: string;
  passed?: string;
  rate?: string;
  vs_reference_pp?: string;
  vs_previous_year_pp?: string;
}

/** One exam line (一本线, 二本线 …) in one year, as the source states it. */
export interface Tier {
  /** The line's name; unique within its year. */
  tier: Name;
  /** Candidates for this tier, when it differs from the year's. */
  candidates?: Written;
  /** Candidates at or above the line (at most `candidates`). */
  passed?: Written;
  /** Pass rate in %, 0–100. May be left out when `passed` and `candidates` are given. */
  rate?: Written;
  /** The reference area's rate in %, when the source states it. */
  reference_rate?: Written;
  /** Region − reference, in percentage points (−100 to 100). */
  vs_reference_pp?: Written;
  /** This year − last year, in percentage points (−100 to 100). */
  vs_previous_year_pp?: Written;
  /** Format 2. */
  quotes?: Quotes;
}

export interface Year {
  /** 1900–2200 */
  year: number | string;
  /** Candidates who sat the exam (参考人数). */
  candidates?: Written;
  /** At least one, at most 500. */
  tiers: [Tier, ...Tier[]];
}

/** A dataset of one region, format version 1 (schema/passrate-data.schema.json). */
export interface DatasetOne {
  version?: 1 | 2;
  title: Name;
  /** The area reported on, e.g. a city. */
  region: Name;
  /** The area compared with; default "全省". */
  reference?: Name;
  source?: Source | string;
  /** At least one; any order; the charts show the latest. */
  years: [Year, ...Year[]];
}

/** Format 2: one city among several. */
export interface RegionEntry {
  region: Name;
  years: [Year, ...Year[]];
}

/** Format 2: the reference's own stated rate for a tier in a year. */
export interface ReferenceYear {
  year: number | string;
  tiers: [{ tier: Name; rate: Written; quotes?: { rate?: string } }, ...{ tier: Name; rate: Written; quotes?: { rate?: string } }[]];
}

/** A dataset of several regions (the cities of a province) against one reference, format version 2. */
export interface DatasetMany {
  version?: 2;
  title: Name;
  reference?: Name;
  source?: Source | string;
  /** 1 to 100 regions; two or more give the cities view. */
  regions: [RegionEntry, ...RegionEntry[]];
  reference_years?: ReferenceYear[];
}

export type Dataset = DatasetOne | DatasetMany;

/** 'trend' needs three or more years of data; 'cities' two or more regions. */
export type View = 'compare' | 'change' | 'trend' | 'cities';
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
  /** What the point is ("region:0:2019:-1": series, tier, year, region), the same in every frame. */
  key: string;
  /** Box in CSS px, relative to the canvas. */
  x: number;
  y: number;
  w: number;
  h: number;
  tier: number;
  /** The year the point belongs to. */
  year: number;
  /** 'change' is a change on the year (its value in percentage points); the rest are rates. */
  series: 'region' | 'reference' | 'previous' | 'counts' | 'change';
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
  /**
   * Every figure of the data as CSV text (UTF-8 with a byte-order mark): one row per figure as
   * the chart shows it, with its provenance (stated, derived, contradicted), its derivation or
   * the source's words, its warnings and the source. The "下载数据 / Download data" button saves it.
   */
  toCSV(): string;
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
