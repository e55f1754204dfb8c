import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The committed fonts (assets/fonts, see its README for licences) in fallback order: Latin first, then
 * the right-to-left scripts, Chinese and Japanese, Korean, and emoji last, so digits and punctuation
 * always come from Noto Sans.
 */
const FontFiles = [
  ['NotoSans-Regular.ttf', 'PK Sans'],
  ['NotoSans-Bold.ttf', 'PK Sans'],
  ['NotoSansArabic-Regular.ttf', 'PK Arabic'],
  ['NotoSansHebrew-Regular.ttf', 'PK Hebrew'],
  ['DroidSansFallbackFull.ttf', 'PK CJK'],
  ['NanumGothic.ttf', 'PK Hangul'],
  ['NotoColorEmoji.ttf', 'PK Emoji'],
] as const;

/** The CSS font-family list every chart draws text with. */
export const ChartFontFamily = [...new Set(FontFiles.map(([, family]) => `"${family}"`))].join(', ');

let registered = false;

/** The font folder: next to src/ in a checkout, and next to dist/ in the image (dist/src/render/charts). */
function fontFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../../../assets/fonts'), join(here, '../../../../assets/fonts')];
  const found = candidates.find((folder) => existsSync(join(folder, FontFiles[0][0])));
  if (found === undefined) throw new Error('The chart fonts (assets/fonts) are missing from this installation');
  return found;
}

/** Registers the chart fonts with Skia once per process; every renderer calls it before drawing text. */
export function ensureChartFonts(): void {
  if (registered) return;
  const folder = fontFolder();
  for (const [file, family] of FontFiles) GlobalFonts.registerFromPath(join(folder, file), family);
  registered = true;
}

/** A canvas `font` value: `size` pixels, bold or not, in {@link ChartFontFamily}. */
export function chartFont(size: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${size}px ${ChartFontFamily}`;
}
