/**
 * Draws one share card (1200 × 630 PNG) from an SVG template: the card's hue
 * as background, the site's mark and name, the kind of page, the title and a
 * line of context, and on the right the cluster's or member's logo (or the
 * cluster's monogram) or the area's drawing. Text is drawn as Inter's outlines
 * (share-text.ts); sharp (libvips + librsvg) rasterises and composites.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { monogram, SHARE_IMAGE, type ShareCard } from '@cos/domain/share';
import sharp, { type OverlayOptions } from 'sharp';
import { textPath, textWidth, wrap } from './share-text';

const { width: W, height: H } = SHARE_IMAGE;
const GOLD = '#f3c969';
const TAGLINE = {
  sv: 'Skånes klusterorganisationer i samverkan',
  en: "Skåne's cluster organisations working together",
};

export interface ShareAssets {
  /** The stored logo file (webp) for a card's logo, or null when it is gone. */
  logoFile(logo: NonNullable<ShareCard['logo']>): string | null;
  /** The folder of the site's area drawings (<slug>.svg), or null when the site is not built. */
  artDir: string | null;
}

interface Panel {
  svg: string;
  overlays: OverlayOptions[];
  /** Where the text column must end. */
  textRight: number;
}

const escape = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

async function panelFor(card: ShareCard, assets: ShareAssets): Promise<Panel> {
  const box = { x: 820, y: 150, size: 300 };
  const frame = `<rect x="${box.x}" y="${box.y}" width="${box.size}" height="${box.size}" rx="36" fill="#fff"/>`;
  if (card.logo) {
    const file = assets.logoFile(card.logo);
    if (file) {
      const inner = box.size - 60;
      const logo = await sharp(file)
        .resize(inner, inner, { fit: 'inside', withoutEnlargement: false })
        .png()
        .toBuffer({ resolveWithObject: true });
      return {
        svg: frame,
        overlays: [
          {
            input: logo.data,
            left: box.x + Math.round((box.size - logo.info.width) / 2),
            top: box.y + Math.round((box.size - logo.info.height) / 2),
          },
        ],
        textRight: box.x - 60,
      };
    }
  }
  if (card.kind === 'cluster') {
    const letters = monogram(card.title);
    const size = letters.length > 2 ? 110 : 140;
    const width = textWidth(letters, 700, size);
    const x = box.x + (box.size - width) / 2;
    const y = box.y + box.size / 2 + size * 0.36;
    return {
      svg: `${frame}<path d="${textPath(letters, x, y, 700, size)}" fill="${card.hue}"/>`,
      overlays: [],
      textRight: box.x - 60,
    };
  }
  if (card.art && assets.artDir) {
    try {
      const svg = readFileSync(path.join(assets.artDir, `${card.art}.svg`));
      const art = await sharp(svg, { density: 144 }).resize(400, 200).png().toBuffer();
      return {
        svg: `<rect x="752" y="202" width="416" height="216" rx="28" fill="#fff"/>`,
        overlays: [{ input: art, left: 760, top: 210 }],
        textRight: 700,
      };
    } catch {
      // No drawing for this area: the card without one.
    }
  }
  return { svg: '', overlays: [], textRight: W - 80 };
}

/** The title at the largest size that fits three lines, then the subtitle in what is left. */
function textBlock(card: ShareCard, right: number): string {
  const left = 80;
  const width = right - left;
  let size = 72;
  let lines = wrap(card.title, 700, size, width, 3);
  for (const smaller of [64, 56, 50]) {
    if (lines.length < 3 && !lines.at(-1)?.endsWith('…')) break;
    size = smaller;
    lines = wrap(card.title, 700, size, width, 3);
  }
  const parts: string[] = [];
  let y = 250;
  parts.push(
    `<path d="${textPath(card.eyebrow.toLocaleUpperCase(card.locale), left, y - size - 18, 700, 26)}" fill="${GOLD}"/>`,
  );
  for (const line of lines) {
    parts.push(`<path d="${textPath(line, left, y, 700, size)}" fill="#fff"/>`);
    y += Math.round(size * 1.12);
  }
  if (card.subtitle) {
    y += 12;
    for (const line of wrap(card.subtitle, 400, 32, width, lines.length > 2 ? 1 : 2)) {
      parts.push(`<path d="${textPath(line, left, y, 400, 32)}" fill="#e6f1ea"/>`);
      y += 42;
    }
  }
  return parts.join('');
}

export async function renderShareCard(card: ShareCard, assets: ShareAssets): Promise<Buffer> {
  const panel = await panelFor(card, assets);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<title>${escape(card.title)}</title>
<rect width="${W}" height="${H}" fill="${card.hue}"/>
<circle cx="1130" cy="40" r="300" fill="#fff" fill-opacity="0.07"/>
<circle cx="1180" cy="640" r="220" fill="#000" fill-opacity="0.12"/>
<rect width="${W}" height="${H}" fill="#000" fill-opacity="0.12"/>
<g transform="translate(80 56)">
  <circle cx="18" cy="20" r="13" fill="#a6d3b3"/><circle cx="44" cy="20" r="13" fill="#fff"/><circle cx="31" cy="42" r="13" fill="${GOLD}"/>
</g>
<path d="${textPath('Clusters of Skåne', 158, 100, 700, 34)}" fill="#fff"/>
${panel.svg}
${textBlock(card, panel.textRight)}
<path d="${textPath(TAGLINE[card.locale], 80, 566, 400, 26)}" fill="#fff" fill-opacity="0.85"/>
<rect y="${H - 18}" width="${W}" height="18" fill="${GOLD}"/>
</svg>`;
  return sharp(Buffer.from(svg))
    .composite(panel.overlays)
    .png({ compressionLevel: 9, palette: false })
    .toBuffer();
}
