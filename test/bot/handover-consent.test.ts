// The handover question on LINE over the real webhook: staff ask, the person taps a button, the
// answer is recorded as theirs (channel line, no staff member); a second tap, an older question's
// buttons, a paper decision in between or a question never asked change nothing and get kind words.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { encodePostback } from "../../src/words/postback";
import { handoverEvents, handovers } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import { buttonsOf, lineChat, registrantOnLine, textOf, type Sent } from "../support/line-chat";
import { loginAs, mintCenter, mintStaff, type ApiClient } from "../support/staff";
import { countWrites } from "../support/write-count";

/** Tuesday 2026-11-24 10:00 in Tokyo. */
const start = Date.parse("2026-11-24T10:00:00+09:00");

let t: TestApp;
let clock: TestClock;
let api: ApiClient;
let chat: ReturnType<typeof lineChat>;
let person: { id: string; userId: string };

beforeEach(async () => {
  clock = createTestClock(start);
  t = await createTestApp({ clock });
  const center = await mintCenter(t.db.store);
  api = await loginAs(t, await mintStaff(t.db.store, center.id, "caseworker"));
  person = await registrantOnLine(t, api, clock);
  chat = lineChat(t, clock);
  clock.advance(60_000);
});

afterEach(async () => {
  await t.close();
});

const base = () => `/api/registrants/${person.id}/handover`;

/** Staff ask on LINE; returns the question as the person received it. */
async function ask(agency = "みなと就業・生活支援センター"): Promise<Sent> {
  expect((await api.call("PUT", base(), { needed: true, agency })).status).toBe(200);
  const before = t.mock.messagesTo(person.userId).length;
  const response = await api.call("POST", `${base()}/consent-request`);
  expect(response.status).toBe(202);
  await t.background.drain();
  return t.mock.messagesTo(person.userId).slice(before) as Sent;
}

async function row() {
  const [found] = await t.db.store.db
    .select()
    .from(handovers)
    .where(eq(handovers.registrantId, person.id));
  return found;
}

async function steps() {
  const rows = await t.db.store.db
    .select()
    .from(handoverEvents)
    .where(eq(handoverEvents.registrantId, person.id))
    .orderBy(handoverEvents.id);
  return rows.map((event) => event.kind);
}

describe("the handover question on LINE", () => {
  it("asks one plain question with buttons; 「いいよ」 records the consent as the person's", async () => {
    const question = await ask();
    expect(question).toHaveLength(3);
    expect(question.at(-1)?.text).toBe("つぎの センターに、あなたの ことを つたえても いいですか");
    expect(textOf(question)).toContain("「みなと就業・生活支援センター」が あなたを てつだいます");
    expect(textOf(question)).not.toMatch(/障害|障がい/);
    expect(buttonsOf(question).map((button) => button.label)).toEqual([
      "いいよ",
      "つたえないで",
      "そうだんする",
    ]);

    const reply = await chat.tap(person.userId, question, "いいよ");
    expect(textOf(reply)).toBe("ありがとう。つたえる ときは、しえんの 人が また はなします。");
    expect(buttonsOf(reply).length).toBeGreaterThan(0);
    expect(await row()).toMatchObject({
      consent: "given",
      consentChannel: "line",
      consentAt: clock(),
    });
    const [answer] = await t.db.store.db
      .select()
      .from(handoverEvents)
      .where(eq(handoverEvents.kind, "consent_given"));
    expect(answer).toMatchObject({ staffId: null, detail: { channel: "line" } });
    // the packet opens now
    expect((await api.call("GET", `${base()}/packet`)).status).toBe(200);
  });

  it("「つたえないで」 records that the person does not want it passed on", async () => {
    const question = await ask();
    const reply = await chat.tap(person.userId, question, "つたえないで");
    expect(textOf(reply)).toContain("わかりました。つたえません。");
    expect(await row()).toMatchObject({ consent: "declined", consentChannel: "line" });
    expect((await api.call("GET", `${base()}/packet`)).status).toBe(409);
  });

  it("takes a second tap as a kind word and changes nothing", async () => {
    const question = await ask();
    await chat.tap(person.userId, question, "いいよ");
    const kept = await row();
    const again = await chat.tap(person.userId, question, "つたえないで");
    expect(textOf(again)).toContain("こたえは もう とどいて います");
    expect(await row()).toEqual(kept);
    expect(await steps()).toEqual(["marked", "agency", "consent_asked", "consent_given"]);
  });

  it("leaves a paper decision staff recorded meanwhile as it is", async () => {
    const question = await ask();
    const paper = await api.call("POST", `${base()}/consent`, {
      decision: "declined",
      channel: "paper",
    });
    expect(paper.status).toBe(200);
    const reply = await chat.tap(person.userId, question, "いいよ");
    expect(textOf(reply)).toContain("こたえは もう とどいて います");
    expect(await row()).toMatchObject({ consent: "declined", consentChannel: "paper" });
    expect(await steps()).toEqual(["marked", "agency", "consent_asked", "consent_declined"]);
  });

  it("answers a question never asked politely and records nothing", async () => {
    const reply = await chat.press(
      person.userId,
      encodePostback({ a: "handover", r: 12345, c: "yes" }),
    );
    expect(textOf(reply)).toContain("この しつもんは もう おわりました");
    expect(await row()).toBeUndefined();
    expect(await steps()).toEqual([]);
  });

  it("takes only the newest question's buttons once staff asked again", async () => {
    const first = await ask();
    await chat.tap(person.userId, first, "つたえないで");
    clock.advance(30 * 60_000);
    const second = await api.call("POST", `${base()}/consent-request`);
    expect(second.status).toBe(202);
    await t.background.drain();
    const newest = t.mock.messagesTo(person.userId).slice(-3) as Sent;

    const old = await chat.tap(person.userId, first, "いいよ");
    expect(textOf(old)).toContain("この しつもんは もう おわりました");
    expect((await row())?.consent).toBe("asked");

    await chat.tap(person.userId, newest, "いいよ");
    expect((await row())?.consent).toBe("given");
  });

  it("does not take an answer once staff named another agency", async () => {
    const question = await ask();
    await api.call("PUT", base(), { needed: true, agency: "さくら就業・生活支援センター" });
    const reply = await chat.tap(person.userId, question, "いいよ");
    expect(textOf(reply)).toContain("この しつもんは もう おわりました");
    expect((await row())?.consent).toBeNull();
  });

  it("takes the answer in the middle of a check-in, which then goes on", async () => {
    const question = await ask();
    const opening = await chat.say(person.userId, "チェックイン");
    expect(buttonsOf(opening).length).toBeGreaterThan(0);
    const reply = await chat.tap(person.userId, question, "いいよ");
    expect(textOf(reply)).toContain("ありがとう。つたえる ときは");
    expect((await row())?.consent).toBe("given");
    // the check-in's question is still the one open: its buttons still answer
    const next = await chat.tap(person.userId, opening, buttonsOf(opening)[0]?.label ?? "");
    expect(textOf(next)).not.toContain("もう おわって います");
  });

  it("does not take the button from a LINE account that is not the person's", async () => {
    const question = await ask();
    const data = buttonsOf(question).find((button) => button.label === "いいよ")?.data ?? "";
    // a LINE account nobody linked (a guest) copying the data
    const stranger = await chat.press("U" + "f".repeat(32), data);
    expect(stranger.length).toBeGreaterThan(0);
    expect((await row())?.consent).toBe("asked");
  });

  it("takes the answer in the request's one batch, with no transaction", async () => {
    const question = await ask();
    const calls = countWrites(t.db.store);
    await chat.tap(person.userId, question, "いいよ");
    expect((await row())?.consent).toBe("given");
    // the request's batch, then the reply's "sent" mark
    expect(calls).toEqual({ write: 0, commit: 2 });
  });

  it("records nothing when staff decide on paper, or ask anew, between the read and the write", async () => {
    for (const meanwhile of ["paper", "asked anew"] as const) {
      const question = await ask();
      const store = t.db.store;
      const commit = store.commit.bind(store);
      let once = true;
      store.commit = async (statements) => {
        if (once) {
          once = false;
          if (meanwhile === "paper") {
            const paper = { decision: "declined", channel: "paper" };
            expect((await api.call("POST", `${base()}/consent`, paper)).status).toBe(200);
          } else {
            // another agency, and the question asked again about it: the tap is for the old one
            const agency = { needed: true, agency: "さくら就業・生活支援センター" };
            expect((await api.call("PUT", base(), agency)).status).toBe(200);
            expect((await api.call("POST", `${base()}/consent-request`)).status).toBe(202);
          }
        }
        return commit(statements);
      };
      const before = await steps();
      await chat.tap(person.userId, question, "いいよ");
      store.commit = commit;
      // the request read the question as pending; its write found it no longer was
      expect(await row()).toMatchObject(
        meanwhile === "paper"
          ? { consent: "declined", consentChannel: "paper" }
          : { consent: "asked", agency: "さくら就業・生活支援センター" },
      );
      expect((await steps()).slice(before.length)).toEqual(
        meanwhile === "paper" ? ["consent_declined"] : ["agency", "consent_asked"],
      );
      await t.background.drain();
      clock.advance(30 * 60_000);
      if (meanwhile === "paper") {
        const reset = { needed: true, agency: "みなと就業・生活支援センター" };
        expect((await api.call("PUT", base(), reset)).status).toBe(200);
      }
    }
  });
});
