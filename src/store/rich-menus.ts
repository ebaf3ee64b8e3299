// Which rich menu each role sees: the ids `npm run admin -- richmenu` installed on LINE.
import { eq } from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { richMenus } from "./schema";
import { accountRoles, type AccountRole } from "../vocabulary/kinds";

export type RichMenuRow = typeof richMenus.$inferSelect;

/** Puts the new menus in place of the old; returns the ids they replace (to delete on LINE). */
export async function replaceRichMenus(
  tx: Tx,
  ids: Record<AccountRole, string>,
  now: number,
): Promise<string[]> {
  const previous = await tx.delete(richMenus).returning({ richMenuId: richMenus.richMenuId });
  await tx
    .insert(richMenus)
    .values(accountRoles.map((role) => ({ role, richMenuId: ids[role], installedAt: now })));
  return previous.map((row) => row.richMenuId);
}

/** The menu installed for a role; null when `admin richmenu` never ran. */
export async function findRichMenuId(db: Queryable, role: AccountRole): Promise<string | null> {
  const rows = await db
    .select({ richMenuId: richMenus.richMenuId })
    .from(richMenus)
    .where(eq(richMenus.role, role));
  return rows[0]?.richMenuId ?? null;
}

export async function listRichMenus(db: Queryable): Promise<RichMenuRow[]> {
  return db.select().from(richMenus);
}
