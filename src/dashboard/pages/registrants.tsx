// Registrants: the list with a create form, the new link code, and one registrant's page.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod";
import type { StaffEnv } from "../staff-env";
import { YesNo } from "./badges";
import { parseForm, text } from "./form";
import { label, registrantStatusLabels } from "./labels";
import { Layout, Notice, PageHead } from "./layout";
import { LinkCodePage } from "./link-sheet";
import { readCenterSettings } from "../center-settings";
import { render } from "./render";
import { formatDateTime } from "../../time/format";
import * as registrants from "../registrants";

const createSchema = z.object({ displayName: text("名前", 60) });

async function showList(
  c: Context<StaffEnv>,
  form: { error?: string; displayName?: string | undefined },
  status: ContentfulStatusCode,
) {
  const { scope, actor } = c.var;
  const query = (c.req.query("q") ?? "").trim().slice(0, 60);
  const items = await registrants.listRegistrants(scope, query);
  return render(
    c,
    <Layout title="登録者" actor={actor} current="registrants">
      <PageHead title="登録者" aside={<p class="muted">{items.length} 人</p>} />
      <section class="card">
        <h2>登録者を追加</h2>
        <Notice kind="error" message={form.error} />
        <Notice
          kind="success"
          message={
            c.req.query("done") === "erased"
              ? "その人のデータをすべて消去しました。監査ログには消去したことだけが残ります。"
              : undefined
          }
        />
        <form method="post" action="/dashboard/registrants" class="inline-form">
          <label class="field">
            <span class="field-label">名前</span>
            <input
              type="text"
              name="displayName"
              value={form.displayName ?? ""}
              maxlength={60}
              required
              autocomplete="off"
              data-testid="registrant-name"
            />
          </label>
          <button type="submit" class="button button-primary" data-testid="registrant-create">
            登録して連携コードを発行
          </button>
        </form>
        <p class="muted small">
          登録すると、本人が LINE で送る連携コード（14日間有効）と、渡す用紙が表示されます。
        </p>
      </section>
      <form method="get" action="/dashboard/registrants" class="filters" role="search">
        <label class="field field-inline">
          <span class="field-label">さがす</span>
          <input
            type="search"
            name="q"
            value={query}
            maxlength={60}
            placeholder="名前・よみがな・ID"
            data-testid="registrant-search"
          />
        </label>
        <button type="submit" class="button">
          検索
        </button>
      </form>
      {items.length === 0 && query !== "" ? (
        <section class="card empty" data-testid="search-empty">
          <p class="empty-title">「{query}」に合う登録者はいません。</p>
        </section>
      ) : items.length === 0 ? (
        <section class="card empty">
          <p class="empty-title">まだ登録者はいません。</p>
          <p class="muted">上のフォームから最初の登録者を追加してください。</p>
        </section>
      ) : (
        <table class="table" data-testid="registrants">
          <thead>
            <tr>
              <th scope="col">名前</th>
              <th scope="col">LINE 連携</th>
              <th scope="col">同意</th>
              <th scope="col">状態</th>
              <th scope="col">登録日</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr>
                <td data-label="名前">
                  <a
                    class="row-link"
                    href={`/dashboard/registrants/${encodeURIComponent(item.id)}`}
                  >
                    {item.displayName}
                  </a>
                  {item.kana ? <span class="muted small"> {item.kana}</span> : null}
                  {item.unread > 0 ? <span class="nav-count">{item.unread}</span> : null}
                </td>
                <td data-label="LINE 連携">
                  <YesNo value={item.linked} yes="連携済み" no="未連携" />
                </td>
                <td data-label="同意">
                  <YesNo value={item.consented} yes="同意あり" no="同意なし" />
                </td>
                <td data-label="状態">{label(registrantStatusLabels, item.status)}</td>
                <td data-label="登録日">{formatDateTime(item.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>,
    status,
  );
}

export function showRegistrants(c: Context<StaffEnv>) {
  return showList(c, {}, 200);
}

export async function createRegistrant(c: Context<StaffEnv>) {
  const form = await parseForm(c, createSchema);
  if (!form.ok) {
    return showList(c, { error: form.message, displayName: form.fields.displayName }, 400);
  }
  const { displayName } = form.data;
  const created = await registrants.createRegistrant(c.var.scope, displayName);
  return render(
    c,
    <LinkCodePage
      actor={c.var.actor}
      link={{ ...created, displayName }}
      friendUrl={c.var.deps.config.lineFriendUrl}
      center={await readCenterSettings(c.var.scope)}
    />,
    201,
  );
}

/** A new code for a registrant who lost the sheet or changed phones; shown like a new one. */
export async function reissueRegistrantCode(c: Context<StaffEnv>) {
  const issued = await registrants.reissueLinkCode(c.var.scope, c.req.param("id") ?? "");
  return render(
    c,
    <LinkCodePage
      actor={c.var.actor}
      link={issued}
      reissued
      friendUrl={c.var.deps.config.lineFriendUrl}
      center={await readCenterSettings(c.var.scope)}
    />,
    201,
  );
}

export {
  endRegistrantEmployment,
  endRegistrantSupport,
  reopenRegistrantSupport,
  saveRegistrantProfile,
  saveRegistrantPeriod,
  submitRegistrantHandover,
  changeRegistrantSchedule,
  linkRegistrantEmployment,
  pauseRegistrant,
  recordRegistrantContact,
  resumeRegistrant,
  sendRegistrantCheckin,
  showRegistrant,
} from "./registrant-detail";
