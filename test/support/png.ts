import { expect } from 'vitest';
import { createCanvas, loadImage } from '@napi-rs/canvas';

/** A decoded picture, read the way a person looks at it: sizes and colours at points. */
export interface DecodedPng {
  width: number;
  height: number;
  /** `#rrggbb` at (x, y). */
  colourAt(x: number, y: number): string;
  /** How many pixels of the rectangle are not `background`. */
  inkIn(x: number, y: number, width: number, height: number, background?: string): number;
}

/** Decodes PNG bytes with Skia (the same library that drew them, but through the PNG file format). */
export async function decodePng(data: Buffer): Promise<DecodedPng> {
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  const image = await loadImage(data);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const pixels = ctx.getImageData(0, 0, image.width, image.height).data;
  const colourAt = (x: number, y: number): string => {
    const i = (Math.floor(y) * image.width + Math.floor(x)) * 4;
    return `#${[pixels[i]!, pixels[i + 1]!, pixels[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  };
  return {
    width: image.width,
    height: image.height,
    colourAt,
    inkIn(x, y, width, height, background = '#ffffff') {
      let ink = 0;
      for (let row = Math.floor(y); row < y + height; row++) {
        for (let column = Math.floor(x); column < x + width; column++) if (colourAt(column, row) !== background) ink++;
      }
      return ink;
    },
  };
}
