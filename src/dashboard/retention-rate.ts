// The center's 就労定着率 for a fiscal year and its fee band (GET /api/retention-rate, the page):
// an estimate from the hiring dates, support periods and job ends staff recorded in Tsunagi.
import { AppError } from "../core/errors";
import { firstFiscalYear, fiscalYearOf, readRetentionRate } from "../month/retention-rate";
import { feeBandsOf, retentionPeople } from "../store/retention-rate";
import { dateKey } from "../time/business-time";
import type { CenterScope } from "./scope";

/** "2026" → 2026, between the first fiscal year of 就労定着支援 and this one; else a 400. */
function fiscalYearWanted(fy: string | undefined, current: number): number {
  if (fy === undefined) return current;
  const year = /^\d{4}$/.test(fy) ? Number(fy) : NaN;
  if (!(year >= firstFiscalYear && year <= current)) {
    throw new AppError(
      "bad_request",
      `fy must be a fiscal year as YYYY from ${String(firstFiscalYear)} to ${String(current)}`,
    );
  }
  return year;
}

/**
 * Fiscal year `fy`'s rate (default: this one, Tokyo time), the band, and everyone behind it by
 * name: audited as a read of everyone it lists.
 */
export async function retentionRate(scope: CenterScope, fy?: string) {
  const current = fiscalYearOf(dateKey(scope.clock()));
  const year = fiscalYearWanted(fy, current);
  const [people, bands] = await Promise.all([
    retentionPeople(scope.store.db, scope.centerId),
    feeBandsOf(scope.store.db, "retention"),
  ]);
  const reading = readRetentionRate(people, bands, year);
  await scope.recordRead(
    "retention.read",
    "registrant",
    null,
    reading.people.map((person) => person.registrantId),
  );
  const band = (row: (typeof reading.bands)[number]) => ({
    minPercent: row.minPercent,
    units: row.units,
    effectiveFrom: row.effectiveFrom,
    source: row.source,
  });
  return {
    fiscalYear: reading.fiscalYear,
    currentFiscalYear: current,
    window: reading.window,
    asOf: reading.asOf,
    users: reading.users,
    retained: reading.retained,
    undetermined: reading.undetermined,
    rate: reading.rate,
    band: reading.band === null ? null : band(reading.band),
    bands: reading.bands.map(band),
    people: reading.people,
    /** Read from Tsunagi's records, not the register a claim is made from. */
    estimate: true as const,
  };
}
