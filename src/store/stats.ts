// A center's figures for one month: counts only, no one's data (the statistics page and CSV).
import { and, count, countDistinct, eq, gte, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Queryable } from "./db";
import {
  checkins,
  escalations,
  handoverEvents,
  registrants,
  reportShares,
  supportContacts,
} from "./schema";

export async function monthFigures(
  db: Queryable,
  centerId: string,
  month: string,
  from: number,
  to: number,
) {
  const [active, checkinRows, escalationRows, acknowledged, contactRows, shared, handedOver] =
    await Promise.all([
      db
        .select({ n: count() })
        .from(registrants)
        .where(
          and(
            eq(registrants.centerId, centerId),
            lt(registrants.createdAt, to),
            or(isNull(registrants.endedAt), gte(registrants.endedAt, from)),
          ),
        ),
      db
        .select({ status: checkins.status, n: count() })
        .from(checkins)
        .innerJoin(registrants, eq(registrants.id, checkins.registrantId))
        .where(
          and(
            eq(registrants.centerId, centerId),
            gte(checkins.sentAt, from),
            lt(checkins.sentAt, to),
          ),
        )
        .groupBy(checkins.status),
      db
        .select({ category: escalations.category, severity: escalations.severity, n: count() })
        .from(escalations)
        .where(
          and(
            eq(escalations.centerId, centerId),
            gte(escalations.openedAt, from),
            lt(escalations.openedAt, to),
          ),
        )
        .groupBy(escalations.category, escalations.severity),
      db
        .select({
          severity: escalations.severity,
          openedAt: escalations.openedAt,
          acknowledgedAt: escalations.acknowledgedAt,
        })
        .from(escalations)
        .where(
          and(
            eq(escalations.centerId, centerId),
            gte(escalations.openedAt, from),
            lt(escalations.openedAt, to),
            isNotNull(escalations.acknowledgedAt),
          ),
        ),
      db
        .select({ kind: supportContacts.kind, n: count() })
        .from(supportContacts)
        .where(
          and(
            eq(supportContacts.centerId, centerId),
            gte(supportContacts.at, from),
            lt(supportContacts.at, to),
          ),
        )
        .groupBy(supportContacts.kind),
      // people whose report of the month was shared with them (on LINE or on paper)
      db
        .select({ n: countDistinct(reportShares.registrantId) })
        .from(reportShares)
        .where(
          and(
            eq(reportShares.centerId, centerId),
            eq(reportShares.month, month),
            eq(reportShares.audience, "person"),
          ),
        ),
      // handover packets given to the next agency in the month
      db
        .select({ n: count() })
        .from(handoverEvents)
        .innerJoin(registrants, eq(registrants.id, handoverEvents.registrantId))
        .where(
          and(
            eq(registrants.centerId, centerId),
            eq(handoverEvents.kind, "packet_given"),
            gte(handoverEvents.at, from),
            lt(handoverEvents.at, to),
          ),
        ),
    ]);
  return {
    activeRegistrants: active[0]?.n ?? 0,
    checkins: checkinRows,
    escalations: escalationRows,
    acknowledged: acknowledged.flatMap((row) =>
      row.acknowledgedAt === null
        ? []
        : [{ severity: row.severity, minutes: (row.acknowledgedAt - row.openedAt) / 60_000 }],
    ),
    contacts: contactRows,
    reportsShared: shared[0]?.n ?? 0,
    handovers: handedOver[0]?.n ?? 0,
  };
}
