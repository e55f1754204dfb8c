/** How many pieces are joined into one flat string at a time. */
const BatchPieces = 500;

/**
 * Joins many short pieces (rows, events) with a separator into one string, a batch at a time. A piece
 * built by concatenation is a tree of small string objects until something flattens it; tens of
 * thousands of them held until one final join survive every young-generation GC and are copied each
 * time, which cost more than writing them. Joining each batch leaves one flat string per batch instead.
 */
export class BatchedJoin {
  private readonly batches: string[] = [];
  private batch: string[] = [];

  constructor(private readonly separator: string) {}

  /** Adds the next piece. */
  push(piece: string): void {
    this.batch.push(piece);
    if (this.batch.length === BatchPieces) this.flush();
  }

  /** Every piece so far, in order, with the separator between them (empty when there were none). */
  join(): string {
    this.flush();
    return this.batches.join(this.separator);
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    this.batches.push(this.batch.join(this.separator));
    this.batch = [];
  }
}
