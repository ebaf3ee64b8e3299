// /dashboard/line: a staff member links their own LINE account for alerts and chooses which ones.
import type { Context } from "hono";
import type { StaffEnv } from "../staff-env";
import { formatLinkCode } from "../../link/codes";
import { readForm } from "./form";
import { Layout, Notice, PageHead } from "./layout";
import { qrDataUrl } from "./link-sheet";
import { render } from "./render";
import { formatDateTime } from "../../time/format";
import { issueMyLineCode, myAlerts, setMyAlerts, unlinkMyLine } from "../my-line";

const saved: Record<string, string> = {
  settings: "通知の設定を保存しました。",
  unlinked: "LINE の連携を解除しました。通知は届きません。",
};

const choices = [
  {
    name: "urgent",
    label: "緊急の件を、すぐに（夜間・休日も）",
    help: "命の危険や安否確認など。受け取る人がいないと、気づくのが翌朝になります。",
  },
  {
    name: "high",
    label: "優先度「高」の件を、開所時間内に",
    help: "閉所中に届いた件は、開所時に。",
  },
  { name: "digest", label: "毎朝のまとめ（未確認の件数と名前）", help: "開所日の開所時刻に1回。" },
] as const;

async function showPage(
  c: Context<StaffEnv>,
  code: { linkCode: string; linkCodeExpiresAt: string } | null,
  status: 200 | 201,
) {
  const mine = await myAlerts(c.var.scope);
  const friendUrl = c.var.deps.config.lineFriendUrl;
  const notice = saved[c.req.query("saved") ?? ""];
  return render(
    c,
    <Layout title="LINE通知" actor={c.var.actor} current="line">
      <PageHead title="LINE通知" />
      <Notice kind="success" message={notice} />
      <section class="card narrow-card" data-testid="line-status">
        <h2>自分の LINE</h2>
        {mine.line.linked ? (
          <>
            <p>
              連携済み（{mine.line.linkedAt ? formatDateTime(mine.line.linkedAt) : ""}）。通知には
              利用者さんの名前と急ぎ具合だけを書き、回答や体調は書きません。
            </p>
            <form method="post" action="/dashboard/line/unlink" class="inline">
              <button type="submit" class="button button-danger" data-testid="line-unlink">
                連携を解除する
              </button>
            </form>
          </>
        ) : (
          <p>まだ連携していません。連携すると、緊急の件をすぐに LINE で受け取れます。</p>
        )}
        {code ? (
          <div class="stack" data-testid="line-code-box">
            <p>
              LINE で「つなぎ」を友だちに追加して、この番号を送ってください（
              {formatDateTime(code.linkCodeExpiresAt)} まで、1回だけ使えます）。
            </p>
            <p class="sheet-code" data-testid="line-code">
              {formatLinkCode(code.linkCode)}
            </p>
            {friendUrl === undefined ? null : (
              <p>
                <img
                  src={qrDataUrl(friendUrl)}
                  alt="友だち追加の QR コード"
                  width={140}
                  height={140}
                />
                <br />
                <a href={friendUrl}>{friendUrl}</a>
              </p>
            )}
          </div>
        ) : (
          <form method="post" action="/dashboard/line/code" class="inline">
            <button type="submit" class="button button-primary" data-testid="line-code-issue">
              {mine.line.linked ? "別の LINE に切り替える（コードを発行）" : "連携コードを発行する"}
            </button>
          </form>
        )}
      </section>
      <section class="card narrow-card">
        <h2>受け取る通知</h2>
        <form method="post" action="/dashboard/line/settings" class="stack">
          {choices.map((choice) => (
            <label class="field">
              <span>
                <input
                  type="checkbox"
                  name={choice.name}
                  value="on"
                  checked={mine.alerts[choice.name]}
                  data-testid={`alert-${choice.name}`}
                />{" "}
                {choice.label}
              </span>
              <span class="field-help">{choice.help}</span>
            </label>
          ))}
          <button type="submit" class="button" data-testid="alert-save">
            保存する
          </button>
        </form>
        <p class="muted small">
          期限を過ぎても確認されない件は、管理者の LINE にも届きます（管理者の設定にかかわらず）。
        </p>
      </section>
    </Layout>,
    status,
  );
}

export function showLineAlerts(c: Context<StaffEnv>) {
  return showPage(c, null, 200);
}

/** The code is shown in the response to the post, never put in a URL. */
export async function issueLineCode(c: Context<StaffEnv>) {
  return showPage(c, await issueMyLineCode(c.var.scope), 201);
}

export async function unlinkLine(c: Context<StaffEnv>) {
  await unlinkMyLine(c.var.scope);
  return c.redirect("/dashboard/line?saved=unlinked", 303);
}

/** Unchecked boxes are simply absent from a form post: absent means off. */
export async function saveAlertSettings(c: Context<StaffEnv>) {
  const form = await readForm(c);
  await setMyAlerts(c.var.scope, {
    urgent: form.urgent === "on",
    high: form.high === "on",
    digest: form.digest === "on",
  });
  return c.redirect("/dashboard/line?saved=settings", 303);
}
