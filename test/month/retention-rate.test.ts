// 就労定着率 read from people's dates: who is a user of the three fiscal years, who is still in work
// on the year's last day, the rate cut to one decimal, and the band compared exactly.
import { describe, expect, it } from "vitest";
import {
  bandFor,
  bandsInForce,
  fiscalYearOf,
  ratePercent,
  readPerson,
  readRetentionRate,
  retentionWindow,
  type FeeBand,
  type RetentionPerson,
} from "../../src/month/retention-rate";

const jst = (iso: string) => Date.parse(`${iso}+09:00`);

const source = "test: 2024 bands";
const bands2024: FeeBand[] = [
  [95, 3512],
  [90, 3348],
  [80, 2768],
  [70, 2234],
  [50, 1690],
  [30, 1433],
  [0, 1074],
].map(([minPercent = 0, units = 0]) => ({
  program: "retention",
  effectiveFrom: "2024-04",
  minPercent,
  units,
  source,
}));

let serial = 0;
/** A 就労定着支援 user of fiscal 2023–2025, hired long before, with nothing ended. */
function person(changes: Partial<RetentionPerson> = {}): RetentionPerson {
  serial += 1;
  return {
    id: `r${String(serial)}`,
    displayName: `人 ${String(serial)}`,
    program: "retention",
    hiredOn: "2024-04-01",
    supportStartsOn: "2024-10-01",
    supportEndsOn: "2027-09-30",
    createdAt: jst("2024-04-10T10:00:00"),
    endedAt: null,
    endedReason: null,
    jobsEndedOn: [],
    ...changes,
  };
}

describe("the fiscal year and its window", () => {
  it("puts April to March in one fiscal year", () => {
    expect(fiscalYearOf("2026-04-01")).toBe(2026);
    expect(fiscalYearOf("2027-03-31")).toBe(2026);
    expect(fiscalYearOf("2026-03-31")).toBe(2025);
  });

  it("reads fiscal 2026 on the users of April 2023 to March 2026, as of 2026-03-31", () => {
    expect(retentionWindow(2026)).toEqual({
      from: "2023-04-01",
      to: "2026-03-31",
      asOf: "2026-03-31",
    });
  });
});

describe("one person", () => {
  it("counts someone still in work on the year's last day as retained", () => {
    expect(readPerson(person(), 2026)).toMatchObject({
      included: true,
      retained: true,
      reason: "retained",
      on: "2024-04-01",
    });
  });

  it("counts someone hired exactly on the year's last day as in work, and a day later as not", () => {
    const onTheDay = person({ hiredOn: "2026-03-31", supportStartsOn: "2025-04-01" });
    expect(readPerson(onTheDay, 2026)).toMatchObject({ included: true, retained: true });
    const dayAfter = person({ hiredOn: "2026-04-01", supportStartsOn: "2025-04-01" });
    expect(readPerson(dayAfter, 2026)).toMatchObject({
      included: true,
      retained: false,
      reason: "hired_after_year_end",
      on: "2026-04-01",
    });
  });

  it("reads a job that ended on the year's last day as ended, and one ending the next day as not", () => {
    expect(readPerson(person({ jobsEndedOn: ["2026-03-31"] }), 2026)).toMatchObject({
      included: true,
      retained: false,
      reason: "jobs_ended",
      on: "2026-03-31",
    });
    expect(readPerson(person({ jobsEndedOn: ["2026-04-01"] }), 2026)).toMatchObject({
      retained: true,
    });
  });

  it("needs every job to have ended, and reads no job on record as no end", () => {
    const stillOne = person({ jobsEndedOn: ["2025-06-30", null] });
    expect(readPerson(stillOne, 2026)).toMatchObject({ retained: true });
    const bothEnded = person({ jobsEndedOn: ["2025-06-30", "2025-12-31"] });
    expect(readPerson(bothEnded, 2026)).toMatchObject({ reason: "jobs_ended", on: "2025-12-31" });
    expect(readPerson(person({ jobsEndedOn: [] }), 2026)).toMatchObject({ retained: true });
  });

  it("reads support ended for leaving the job by the year's end (Tokyo day) as not in work", () => {
    const lastEvening = person({
      endedAt: jst("2026-03-31T23:30:00"),
      endedReason: "left_job",
    });
    expect(readPerson(lastEvening, 2026)).toMatchObject({
      included: true,
      retained: false,
      reason: "left_job",
      on: "2026-03-31",
    });
    const nextMorning = person({ endedAt: jst("2026-04-01T00:30:00"), endedReason: "left_job" });
    expect(readPerson(nextMorning, 2026)).toMatchObject({ retained: true });
    // support that ended for another reason says nothing about the job
    const moved = person({ endedAt: jst("2025-10-01T12:00:00"), endedReason: "moved" });
    expect(readPerson(moved, 2026)).toMatchObject({ included: true, retained: true });
  });

  it("leaves out a period that ended the day before the window, and counts one ending on its first day", () => {
    const before = person({ supportStartsOn: "2020-04-01", supportEndsOn: "2023-03-31" });
    expect(readPerson(before, 2026)).toMatchObject({
      included: false,
      retained: false,
      reason: "not_in_window",
    });
    const firstDay = person({ supportStartsOn: "2020-04-02", supportEndsOn: "2023-04-01" });
    expect(readPerson(firstDay, 2026)).toMatchObject({ included: true });
    const after = person({ supportStartsOn: "2026-04-01", supportEndsOn: "2029-03-31" });
    expect(readPerson(after, 2026)).toMatchObject({ included: false, reason: "not_in_window" });
  });

  it("ends the period when support ended, and a period ended before it began was never used", () => {
    const endedEarly = person({
      supportStartsOn: "2022-04-01",
      supportEndsOn: "2025-03-31",
      endedAt: jst("2023-03-15T12:00:00"),
      endedReason: "person_request",
    });
    expect(readPerson(endedEarly, 2026)).toMatchObject({
      included: false,
      reason: "not_in_window",
      supportTo: "2023-03-15",
    });
    const neverBegan = person({
      supportStartsOn: "2025-10-01",
      supportEndsOn: null,
      endedAt: jst("2025-06-01T12:00:00"),
      endedReason: "other",
    });
    expect(readPerson(neverBegan, 2026)).toMatchObject({ included: false });
  });

  it("reads an unset period from hiring + 6 months for 3 years, else from the day of registration", () => {
    const fromHiring = person({
      hiredOn: "2022-09-01",
      supportStartsOn: null,
      supportEndsOn: null,
    });
    expect(readPerson(fromHiring, 2026)).toMatchObject({
      included: true,
      supportFrom: "2023-03-01",
      supportTo: "2026-02-28",
    });
    const fromRegistration = person({
      hiredOn: null,
      supportStartsOn: null,
      supportEndsOn: null,
      createdAt: jst("2019-01-10T09:00:00"),
    });
    expect(readPerson(fromRegistration, 2026)).toMatchObject({
      included: false,
      reason: "not_in_window",
      supportFrom: "2019-01-10",
      supportTo: "2022-01-09",
    });
  });

  it("cannot judge a user without a hiring date, and leaves another program out", () => {
    expect(readPerson(person({ hiredOn: null }), 2026)).toMatchObject({
      included: false,
      retained: false,
      reason: "no_hire_date",
    });
    expect(readPerson(person({ program: "center" }), 2026)).toMatchObject({
      included: false,
      reason: "not_retention",
    });
  });
});

describe("the rate and the band", () => {
  it("puts exactly 95 % in the ≥ 95 band, and just under it in the next", () => {
    const twenty = Array.from({ length: 20 }, (_, i) =>
      person(i === 0 ? { jobsEndedOn: ["2025-01-31"] } : {}),
    );
    const reading = readRetentionRate(twenty, bands2024, 2026);
    expect(reading).toMatchObject({ users: 20, retained: 19, rate: 95 });
    expect(reading.band).toMatchObject({ minPercent: 95, units: 3512 });
    // 1,899 of 2,000 is 94.95 %: shown 94.9, never rounded up into a band it does not reach
    expect(ratePercent(1899, 2000)).toBe(94.9);
    expect(bandFor(bandsInForce(bands2024, 2026), 1899, 2000)).toMatchObject({ minPercent: 90 });
    expect(bandFor(bandsInForce(bands2024, 2026), 1900, 2000)).toMatchObject({ minPercent: 95 });
  });

  it("cuts the rate to one decimal and reads 0 % and 100 % plainly", () => {
    expect(ratePercent(2, 3)).toBe(66.6);
    expect(ratePercent(5, 6)).toBe(83.3);
    expect(ratePercent(0, 4)).toBe(0);
    expect(ratePercent(3, 3)).toBe(100);
    expect(bandFor(bandsInForce(bands2024, 2026), 0, 4)).toMatchObject({ minPercent: 0 });
  });

  it("has no rate and no band without users, not 0 %", () => {
    const reading = readRetentionRate([person({ hiredOn: null })], bands2024, 2026);
    expect(reading).toMatchObject({
      users: 0,
      retained: 0,
      undetermined: 1,
      rate: null,
      band: null,
    });
    expect(readRetentionRate([], bands2024, 2026)).toMatchObject({ rate: null, band: null });
  });

  it("takes the latest version in force by the fiscal year's April, and none before the first", () => {
    const later: FeeBand[] = [
      { program: "retention", effectiveFrom: "2027-04", minPercent: 90, units: 4000, source },
      { program: "retention", effectiveFrom: "2027-04", minPercent: 0, units: 1000, source },
      { program: "center", effectiveFrom: "2026-04", minPercent: 0, units: 1, source },
    ];
    const all = [...bands2024, ...later];
    expect(bandsInForce(all, 2026).map((band) => band.units)).toEqual([
      3512, 3348, 2768, 2234, 1690, 1433, 1074,
    ]);
    expect(bandsInForce(all, 2027).map((band) => band.units)).toEqual([4000, 1000]);
    expect(bandsInForce(all, 2023)).toEqual([]);
    const people = [person(), person({ jobsEndedOn: ["2026-01-31"] })];
    expect(readRetentionRate(people, all, 2023)).toMatchObject({ band: null, bands: [] });
  });
});
