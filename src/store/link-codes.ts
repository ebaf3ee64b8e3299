// One-time link codes, stored as hashes.
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "./db";
import { linkCodes } from "./schema";
import { type LinkSubject } from "../vocabulary/kinds";

export async function insertLinkCode(
  tx: Tx,
  input: {
    codeHash: string;
    centerId: string;
    subjectType: LinkSubject;
    subjectId: string;
    createdBy: string | null;
    now: number;
    expiresAt: number;
  },
): Promise<void> {
  // a new code retires the person's unused older ones: only the latest sheet works
  await tx
    .update(linkCodes)
    .set({ usedAt: input.now })
    .where(
      and(
        eq(linkCodes.subjectType, input.subjectType),
        eq(linkCodes.subjectId, input.subjectId),
        isNull(linkCodes.usedAt),
      ),
    );
  await tx.insert(linkCodes).values({
    codeHash: input.codeHash,
    centerId: input.centerId,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    createdBy: input.createdBy,
    createdAt: input.now,
    expiresAt: input.expiresAt,
  });
}
