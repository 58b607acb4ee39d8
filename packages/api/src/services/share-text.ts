/**
 * Text for the share images, as SVG paths: librsvg (inside sharp) would draw
 * <text> with whatever fonts the machine has, so the images would differ from
 * host to host. Inter's own outlines (@fontsource/inter, OFL, the site's
 * typeface) make every host draw the same picture. opentype.js reads the WOFF
 * files; the latin-ext file covers letters the latin one lacks (ł, ő, ş …).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import opentype, { type Font, type Glyph } from 'opentype.js';

export type Weight = 400 | 700;
export const SHARE_FONT_FILES = [
  'inter-latin-400-normal.woff',
  'inter-latin-ext-400-normal.woff',
  'inter-latin-700-normal.woff',
  'inter-latin-ext-700-normal.woff',
] as const;

/**
 * The font files: from the npm package (source runs, tests), else from
 * `share-fonts/` beside the bundle (apps/server's build copies them there).
 */
function fontPath(name: string): string {
  try {
    return createRequire(import.meta.url).resolve(`@fontsource/inter/files/${name}`);
  } catch {
    const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), 'share-fonts', name);
    if (existsSync(beside)) return beside;
    throw new Error(`Share image font ${name} not found (install @fontsource/inter)`);
  }
}

let loaded: Record<Weight, Font[]> | null = null;
function fonts(): Record<Weight, Font[]> {
  if (!loaded) {
    const read = (name: string) => {
      const bytes = readFileSync(fontPath(name));
      return opentype.parse(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      );
    };
    loaded = {
      400: [read('inter-latin-400-normal.woff'), read('inter-latin-ext-400-normal.woff')],
      700: [read('inter-latin-700-normal.woff'), read('inter-latin-ext-700-normal.woff')],
    };
  }
  return loaded;
}

interface Placed {
  font: Font;
  glyph: Glyph;
  advance: number;
}

/** Each character with the first font that has it (glyph 0 is "missing"). */
function shape(text: string, weight: Weight, size: number): Placed[] {
  const [main, ...rest] = fonts()[weight];
  if (!main) return [];
  const placed: Placed[] = [];
  for (const char of text) {
    const font = [main, ...rest].find((f) => f.charToGlyphIndex(char) > 0) ?? main;
    const glyph = font.charToGlyph(char);
    placed.push({ font, glyph, advance: ((glyph.advanceWidth ?? 0) * size) / font.unitsPerEm });
  }
  // Kerning between neighbours from the same file.
  for (let i = 0; i + 1 < placed.length; i += 1) {
    const a = placed[i];
    const b = placed[i + 1];
    if (a && b && a.font === b.font)
      a.advance += (a.font.getKerningValue(a.glyph, b.glyph) * size) / a.font.unitsPerEm;
  }
  return placed;
}

export function textWidth(text: string, weight: Weight, size: number): number {
  return shape(text, weight, size).reduce((sum, p) => sum + p.advance, 0);
}

/** One line of text as SVG path data, its baseline starting at (x, y). */
export function textPath(text: string, x: number, y: number, weight: Weight, size: number): string {
  let at = x;
  const parts: string[] = [];
  for (const p of shape(text, weight, size)) {
    parts.push(p.glyph.getPath(at, y, size).toPathData(1));
    at += p.advance;
  }
  return parts.join('');
}

/**
 * Greedy word wrap into at most `maxLines` lines of `maxWidth`; a word longer
 * than a line is cut by characters, and what does not fit ends in "…".
 */
export function wrap(
  text: string,
  weight: Weight,
  size: number,
  maxWidth: number,
  maxLines: number,
): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (candidate: string) => textWidth(candidate, weight, size) <= maxWidth;
  const words = text.split(/\s+/).filter(Boolean);
  for (let w = 0; w < words.length; w += 1) {
    let word = words[w] ?? '';
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    // A single word wider than the line: cut it where it stops fitting.
    while (!fits(word)) {
      let cut = word.length - 1;
      while (cut > 1 && !fits(`${word.slice(0, cut)}-`)) cut -= 1;
      lines.push(`${word.slice(0, cut)}-`);
      word = word.slice(cut);
    }
    line = word;
    if (lines.length >= maxLines) break;
  }
  if (line && lines.length < maxLines) lines.push(line);
  const shown = lines.slice(0, maxLines);
  const used = shown.join(' ').replace(/-\s/g, '').length;
  if (used < text.replace(/\s+/g, ' ').trim().length && shown.length > 0) {
    let last = shown[shown.length - 1] ?? '';
    while (last.length > 1 && !fits(`${last}…`)) last = last.slice(0, -1).trimEnd();
    shown[shown.length - 1] = `${last.replace(/[-,.;:]$/, '')}…`;
  }
  return shown;
}
