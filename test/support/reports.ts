// A final monthly report written straight to the store, for tests that need one to share or
// correct without walking the draft through the API.
import type { Store } from "../../src/store/db";
import { finalizeDraft, insertReport } from "../../src/store/reports";

export async function mintFinalReport(
  store: Store,
  input: { centerId: string; registrantId: string; month: string; staffId: string; now?: number },
) {
  const now = input.now ?? Date.UTC(2026, 10, 30, 3, 0, 0);
  return store.write(async (tx) => {
    const row = await insertReport(tx, {
      centerId: input.centerId,
      registrantId: input.registrantId,
      month: input.month,
      version: 1,
      sections: [],
      personSummary: null,
      staffId: input.staffId,
      now,
    });
    const sections = [
      {
        key: "share" as const,
        text: "来月の面談日を相談させてください。",
        sources: [],
        forEmployer: true,
        edited: true,
      },
    ];
    const summary = { wentWell: "よく こたえて くれました。", nextMonth: "また あいに いきます。" };
    await finalizeDraft(tx, row.id, { sections, personSummary: summary }, input.staffId, now);
    return row;
  });
}
