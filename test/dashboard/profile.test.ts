// A registrant's profile over the API and on the page, search by name, kana and id, and the
// queue's 「自分の担当」 for a primary case worker.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import {
  loginAs,
  mintCenter,
  mintEscalation,
  mintRegistrant,
  mintStaff,
  type ApiClient,
  type TestStaff,
} from "../support/staff";

let t: TestApp;
let centerId: string;
let worker: TestStaff;
let api: ApiClient;

beforeEach(async () => {
  t = await createTestApp();
  centerId = (await mintCenter(t.db.store)).id;
  worker = await mintStaff(t.db.store, centerId, "caseworker");
  api = await loginAs(t, worker);
});

afterEach(async () => {
  await t.close();
});

const patch = (id: string, body: unknown) => api.call("PATCH", `/api/registrants/${id}`, body);

describe("the profile", () => {
  it("is saved, shown on the API and on the page with tap-to-call links, and audited", async () => {
    const person = await mintRegistrant(t.db.store, centerId, "山田 花子");
    const change = {
      kana: "やまだ はなこ",
      phone: "090-1234-5678",
      email: "hanako@example.jp",
      emergencyContact: { name: "山田 母", relation: "母", phone: "03-1111-2222" },
      clinic: "みなとクリニック 田中先生",
      notes: "<b>朝は</b> 電話に出にくい",
      caseworkerId: worker.id,
    };
    const response = await patch(person.id, change);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(change);
    const detail = (await (await api.call("GET", `/api/registrants/${person.id}`)).json()) as {
      profile: unknown;
    };
    expect(detail.profile).toEqual(change);
    const page = await api.call("GET", `/dashboard/registrants/${person.id}`);
    const html = await page.text();
    expect(html).toContain('href="tel:09012345678"');
    expect(html).toContain('href="tel:0311112222"');
    expect(html).toContain("&lt;b&gt;朝は&lt;/b&gt;");
    const actions = (await t.db.store.db.select().from(auditLog)).map((row) => row.action);
    expect(actions).toContain("registrant.profile");
  });

  it("clears a field sent empty, and leaves out fields not sent", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    await patch(person.id, { phone: "090-1234-5678", clinic: "A病院" });
    const response = await patch(person.id, { phone: "" });
    expect(await response.json()).toMatchObject({ phone: null, clinic: "A病院" });
  });

  it.each([
    ["a phone with letters", { phone: "call me" }],
    ["an email that is not one", { email: "nope" }],
    [
      "an emergency contact without a name",
      { emergencyContact: { name: "", relation: "", phone: "03" } },
    ],
    ["a field it does not know", { favouriteColour: "blue" }],
    ["notes over 2,000 characters", { notes: "あ".repeat(2_001) }],
  ])("refuses %s with 400", async (_what, body) => {
    const person = await mintRegistrant(t.db.store, centerId);
    expect((await patch(person.id, body)).status).toBe(400);
  });

  it("refuses a primary case worker from another center, or one deactivated, with 400", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    const elsewhere = await mintStaff(
      t.db.store,
      (await mintCenter(t.db.store, "よそ")).id,
      "caseworker",
    );
    expect((await patch(person.id, { caseworkerId: elsewhere.id })).status).toBe(400);
    const boss = await loginAs(t, await mintStaff(t.db.store, centerId, "supervisor"));
    const leaving = await mintStaff(t.db.store, centerId, "caseworker");
    expect((await boss.call("POST", `/api/staff/${leaving.id}/deactivate`)).status).toBe(200);
    expect((await patch(person.id, { caseworkerId: leaving.id })).status).toBe(400);
  });

  it("answers 404 for another center's registrant", async () => {
    const stranger = await mintRegistrant(t.db.store, (await mintCenter(t.db.store, "よそ")).id);
    expect((await patch(stranger.id, { phone: "090" })).status).toBe(404);
  });
});

describe("search", () => {
  it("finds registrants by name, kana and the start of their id, and only in the center", async () => {
    const hanako = await mintRegistrant(t.db.store, centerId, "山田 花子");
    await mintRegistrant(t.db.store, centerId, "佐藤 一郎");
    await mintRegistrant(t.db.store, (await mintCenter(t.db.store, "よそ")).id, "山田 太郎");
    await patch(hanako.id, { kana: "やまだ はなこ" });
    const names = async (q: string) =>
      (
        (await (await api.call("GET", `/api/registrants?q=${encodeURIComponent(q)}`)).json()) as {
          items: { displayName: string }[];
        }
      ).items.map((item) => item.displayName);
    expect(await names("山田")).toEqual(["山田 花子"]);
    expect(await names("はなこ")).toEqual(["山田 花子"]);
    expect(await names(hanako.id.slice(0, 8))).toEqual(["山田 花子"]);
    expect(await names("%")).toEqual([]);
    expect(await names("")).toEqual(["佐藤 一郎", "山田 花子"]);
    expect((await api.call("GET", `/api/registrants?q=${"あ".repeat(61)}`)).status).toBe(400);
    const page = await (
      await api.call("GET", "/dashboard/registrants?q=%E3%81%AF%E3%81%AA%E3%81%93")
    ).text();
    expect(page).toContain("山田 花子");
    expect(page).not.toContain("佐藤 一郎");
  });
});

describe("「自分の担当」", () => {
  it("lists what is assigned to me and everything about the people I am the primary worker of", async () => {
    const mine = await mintRegistrant(t.db.store, centerId, "担当の人");
    const other = await mintRegistrant(t.db.store, centerId, "ほかの人");
    await patch(mine.id, { caseworkerId: worker.id });
    const aboutMine = await mintEscalation(t.db.store, { centerId, registrantId: mine.id });
    const assigned = await mintEscalation(t.db.store, {
      centerId,
      registrantId: other.id,
      category: "money",
    });
    await mintEscalation(t.db.store, { centerId, registrantId: other.id, category: "family" });
    await api.call("POST", `/api/escalations/${assigned.id}/assign`, { staffId: worker.id });
    const response = await api.call("GET", "/api/escalations?assignee=me");
    const ids = ((await response.json()) as { items: { id: string }[] }).items.map(
      (item) => item.id,
    );
    expect(ids.sort()).toEqual([aboutMine.id, assigned.id].sort());
  });
});
