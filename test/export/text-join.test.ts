import { describe, expect, it } from 'vitest';
import { BatchedJoin } from '../../src/export/text-join.js';

describe('BatchedJoin', () => {
  it('joins any number of pieces as one join would, across batch boundaries', () => {
    for (const count of [0, 1, 2, 499, 500, 501, 1000, 1001, 2345]) {
      const pieces = Array.from({ length: count }, (_, i) => `row ${i}`);
      const joined = new BatchedJoin('\r\n');
      for (const piece of pieces) joined.push(piece);
      expect(joined.join(), `${count} pieces`).toBe(pieces.join('\r\n'));
    }
  });
});
