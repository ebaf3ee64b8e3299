// Captures the SQL the app's store functions send and asks SQLite how it would run it.
import { createClient, type Client, type InValue } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { createStore, type Db, type Store } from "../src/store/db";
import * as schema from "../src/store/schema";

export interface QueryPlan {
  name: string;
  sql: string;
  /** SQLite's EXPLAIN QUERY PLAN as the sqlite3 shell prints it, one step a line. */
  plan: string[];
}

interface Captured {
  sql: string;
  params: unknown[];
}

/**
 * A drizzle database (and a store over it) on its own connection whose logger keeps every
 * statement, so a store function or a whole request can run as is and its SQL be read back: the
 * plans are then of the queries the app really sends, not of copies that may drift.
 */
export class PlanRecorder {
  readonly db: Db;
  readonly store: Store;
  private readonly client: Client;
  /** EXPLAIN runs on a connection of its own: a read there must not hold a snapshot the store's writes trip over. */
  private readonly explainClient: Client;
  private captured: Captured[] = [];

  constructor(url: string) {
    this.client = createClient({ url, timeout: 5_000 });
    this.explainClient = createClient({ url });
    this.db = drizzle(this.client, {
      schema,
      logger: {
        logQuery: (sql, params) => {
          this.captured.push({ sql, params });
        },
      },
    });
    this.store = createStore(this.db, () => {});
  }

  /**
   * Runs `work` (which must go through `this.db` or `this.store`) and explains each distinct
   * statement it sent; writes, which have no plan worth reading, are left out.
   */
  async explain(name: string, work: () => Promise<unknown>): Promise<QueryPlan[]> {
    this.captured = [];
    await work();
    const distinct = [...new Map(this.captured.map((c) => [c.sql, c])).values()];
    const plans: QueryPlan[] = [];
    for (const [i, statement] of distinct.entries()) {
      const result = await this.explainClient.execute({
        sql: `EXPLAIN QUERY PLAN ${statement.sql}`,
        args: statement.params.map(toInValue),
      });
      const steps = result.rows.map((row) => ({
        id: Number(row.id),
        parent: Number(row.parent),
        detail: typeof row.detail === "string" ? row.detail : "",
      }));
      if (steps.length === 0 || /^\s*(insert|update|delete)\b/i.test(statement.sql)) continue;
      plans.push({
        name: distinct.length === 1 ? name : `${name} #${i + 1}`,
        sql: statement.sql,
        plan: formatPlan(steps),
      });
    }
    return plans;
  }

  close(): void {
    this.client.close();
    this.explainClient.close();
  }
}

/** Indents each step under its parent, as `.eqp on` does in the sqlite3 shell. */
function formatPlan(steps: { id: number; parent: number; detail: string }[]): string[] {
  const depth = new Map<number, number>([[0, -1]]);
  return steps.map((step) => {
    const level = (depth.get(step.parent) ?? -1) + 1;
    depth.set(step.id, level);
    return `${"   ".repeat(level)}${step.detail}`;
  });
}

function toInValue(value: unknown): InValue {
  if (
    value === null ||
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "bigint" ||
    typeof value === "boolean" ||
    value instanceof Uint8Array ||
    value instanceof ArrayBuffer
  ) {
    return value;
  }
  if (value instanceof Date) return value;
  throw new Error(`cannot bind a ${typeof value} in EXPLAIN`);
}

/**
 * Steps that read a whole table or index, or sort: what to look at when a query slows down as
 * the data grows. A search by index (`SEARCH … USING INDEX`) is what we want.
 */
export function planWarnings(plans: QueryPlan[]): string[] {
  const warnings: string[] = [];
  for (const plan of plans) {
    // reading back a subquery's own rows (`SCAN page` after `CO-ROUTINE page`) is no table scan
    const subqueries = new Set(
      plan.plan
        .map((step) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(step.trim())?.[1])
        .filter((name) => name !== undefined),
    );
    for (const step of plan.plan) {
      const text = step.trim();
      const scanned = /^SCAN (\S+)/.exec(text)?.[1];
      if (
        (scanned !== undefined && !subqueries.has(scanned)) ||
        text.startsWith("USE TEMP B-TREE")
      ) {
        warnings.push(`${plan.name}: ${text}`);
      }
    }
  }
  return warnings;
}
