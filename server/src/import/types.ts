import type { ProfileRegistry } from '../profiles/registry.js';

/** Furniture removed by import: page furniture, contents lists. Listed so nothing disappears silently. */
export interface Removed {
  kind: 'page-number' | 'running-header' | 'separator' | 'contents' | 'table-header';
  /** 1-based line in the input. */
  line: number;
  text: string;
}

export interface ImportOptions {
  /** Profile id to use instead of detecting the framework. */
  framework?: string;
  /** Profiles to detect from and to read heading names from (defaults to the built-in ones). */
  registry?: ProfileRegistry;
}

export interface ImportResult {
  /** Report Markdown, with front matter naming the framework. */
  markdown: string;
  /** Profile id written into front matter. */
  framework: string;
  /** How it was chosen. */
  frameworkSource: 'option' | 'detected' | 'default';
  removed: Removed[];
  /** Things the author should look at (e.g. a grade table that could not be rebuilt). */
  warnings: string[];
}

/** One input line, trimmed at the end, with its 1-based line number. */
export interface Line {
  no: number;
  raw: string;
  /** Trimmed text. */
  t: string;
  /** A page break (form feed, removed page number or running header) comes right before it. */
  pageBreak?: boolean;
}

export type Block =
  | { kind: 'heading'; text: string; level?: number; line: number; marked?: boolean }
  | { kind: 'numbered'; number: number; text: string; line: number; pageBreak?: boolean; bullet?: boolean }
  | { kind: 'bullet'; text: string; depth: number; line: number; pageBreak?: boolean; marker?: string }
  | {
      kind: 'para';
      text: string;
      line: number;
      pageBreak?: boolean;
      /** More of the numbered paragraph before it: written inside that list item. */
      continues?: boolean;
    }
  | { kind: 'table'; header?: string[]; rows: string[][]; line: number; grade?: boolean };
