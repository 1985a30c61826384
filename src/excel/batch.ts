// Queues Office.js work with an estimate of its request size and syncs only when the next piece would
// take the request past the budget. Under the budget (every template and bulletin seen so far) the whole
// operation is one request: the number of syncs depends on bytes, never on the number of rows.

/** Excel's request payload limit is 5 MB; keep a margin for what the estimate does not see. */
export const REQUEST_BUDGET = 4.5 * 1024 * 1024;
/** Estimated bytes of one queued call without data (object path, ids, property names). */
export const CALL_BYTES = 200;

interface Piece {
  bytes: number;
  queue: () => void;
}

export class Batch {
  private pieces: Piece[] = [];

  constructor(readonly budget = REQUEST_BUDGET) {}

  /** `queue` makes the Office.js calls (property sets, method calls); it runs during flush. */
  add(bytes: number, queue: () => void): void {
    this.pieces.push({ bytes: bytes + CALL_BYTES, queue });
  }

  get size(): number {
    return this.pieces.reduce((n, p) => n + p.bytes, 0);
  }

  /** How many requests `flush` will send: the pieces grouped exactly as `flush` groups them. */
  get requests(): number {
    let n = 1;
    let used = 0;
    for (const p of this.pieces) {
      if (used > 0 && used + p.bytes > this.budget) {
        n++;
        used = 0;
      }
      used += p.bytes;
    }
    return n;
  }

  /**
   * Queues every piece in order, syncing when the budget is reached and once at the end. `onSent` hears
   * (requests sent, requests in all) before the first request and after each one, so the pane can show
   * a progress bar while a large bulletin is written.
   */
  async flush(context: Excel.RequestContext, onSent?: (sent: number, total: number) => void): Promise<void> {
    const total = onSent ? this.requests : 0;
    const pieces = this.pieces;
    this.pieces = [];
    let used = 0;
    let sent = 0;
    onSent?.(0, total);
    for (const p of pieces) {
      if (used > 0 && used + p.bytes > this.budget) {
        // A sync per budget-full request, not per row: this is the documented way around the payload
        // limit, and for data under the budget it never runs.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        onSent?.(++sent, total);
        used = 0;
      }
      p.queue();
      used += p.bytes;
    }
    await context.sync();
    onSent?.(++sent, total);
  }
}
