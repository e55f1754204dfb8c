import { parseColor } from '../text.js';

/**
 * Colours generated for members without a PluralKit colour: 24 hues at two lightnesses, each readable
 * against the white chart background and different enough from its neighbours to tell apart.
 */
const GeneratedPalette: readonly string[] = Array.from({ length: 24 }, (_, i) =>
  hslToHex((i * 137.508) % 360, 0.62, i % 2 === 0 ? 0.45 : 0.58),
);

/**
 * The colour a member is drawn in: its PluralKit colour when it has a valid one, else a stable colour
 * from a hash of `key` (the member's UUID, or its short id when only that is known), so the same member
 * keeps its colour across pictures and days.
 */
export function memberColour(color: string | null | undefined, key: string): string {
  const own = parseColor(color);
  if (own !== undefined) return `#${own.toString(16).padStart(6, '0')}`;
  return GeneratedPalette[fnv1a(key) % GeneratedPalette.length]!;
}

/** 32-bit FNV-1a: small, fast and well spread for short ids and UUIDs. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - chroma / 2;
  const [r, g, b] =
    hue < 60
      ? [chroma, x, 0]
      : hue < 120
        ? [x, chroma, 0]
        : hue < 180
          ? [0, chroma, x]
          : hue < 240
            ? [0, x, chroma]
            : hue < 300
              ? [x, 0, chroma]
              : [chroma, 0, x];
  const hex = (v: number): string =>
    Math.round((v + m) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}
