// The writes of one webhook request: statements gathered while its events run, sent as one batch
// at the end (one round trip), or, when some event needs to read as it writes (a link code, a
// signal), run in a transaction in the same order.
import type { Queryable, Statement, Store, Tx } from "../store/db";

/**
 * Thrown when an event needs a transaction and the request is gathering a batch: the request
 * starts again in a transaction. Nothing has been written (a batch is sent only at the end).
 */
export class NeedsTransaction extends Error {
  constructor(why: string) {
    super(`needs a transaction: ${why}`);
  }
}

export class RequestWrites {
  private readonly statements: Statement[] = [];
  private results: unknown[] = [];
  private ran = 0;

  /**
   * @param q what statements are built on: the database (for a batch) or the transaction
   * @param tx the transaction, when there is one
   */
  constructor(
    readonly q: Queryable,
    private readonly tx: Tx | null,
  ) {}

  /** Adds statements; the index of the last one (its result, after `done`, is `result(i)`). */
  add(...statements: (Statement | undefined)[]): number {
    for (const statement of statements) if (statement) this.statements.push(statement);
    return this.statements.length - 1;
  }

  /**
   * The transaction, for work that reads as it writes: what was added so far runs first, so it
   * reads it. In a batch there is none: NeedsTransaction, and the request starts again in one.
   */
  async transaction(why: string): Promise<Tx> {
    if (!this.tx) throw new NeedsTransaction(why);
    await this.flush();
    return this.tx;
  }

  /** Writes everything: the batch, or what is left to run in the transaction. */
  async done(store: Store): Promise<void> {
    if (this.tx) return this.flush();
    this.results = await store.commit(this.statements);
    this.ran = this.statements.length;
  }

  result(index: number): unknown {
    if (index >= this.ran) throw new Error("statement has not run");
    return this.results[index];
  }

  private async flush(): Promise<void> {
    while (this.ran < this.statements.length) {
      this.results[this.ran] = await this.statements[this.ran];
      this.ran++;
    }
  }
}
