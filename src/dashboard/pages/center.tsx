// The center's settings page (supervisors): name, phone, hours per weekday, closed days,
// templates, and how long a person's words are kept.
import type { Context } from "hono";
import { AppError } from "../../core/errors";
import {
  centerSettingsSchema,
  readCenterSettings,
  retentionDaysRange,
  caseloadLimitRange,
  handoverPolicyMax,
  handoverResponsibleMax,
  saveCenterSettings,
  weekdayKeys,
  type CenterSettings,
} from "../center-settings";
import type { StaffEnv } from "../staff-env";
import { readForm } from "./form";
import { Layout, Notice, PageHead } from "./layout";
import { render } from "./render";

const weekdayLabels: Record<(typeof weekdayKeys)[number], string> = {
  sun: "日曜日",
  mon: "月曜日",
  tue: "火曜日",
  wed: "水曜日",
  thu: "木曜日",
  fri: "金曜日",
  sat: "土曜日",
};

/** Plain-Japanese messages for the fields the schema names. */
function problemOf(path: string): string {
  if (path.startsWith("hours")) {
    return "開所時間を確認してください（閉所は開所より後の時刻、HH:MM で入力）。";
  }
  if (path.startsWith("closedDays"))
    return "休所日は 2026-08-13 のように 1 行に 1 日ずつ入力してください。";
  if (path.startsWith("phone")) return "電話番号は数字とハイフンで入力してください。";
  if (path.startsWith("name")) return "センター名を入力してください（100 文字まで）。";
  if (path.startsWith("replyTemplates"))
    return "返信テンプレートは 1 行 500 文字まで、20 個までです。";
  if (path.startsWith("caseloadLimit")) {
    return `1 人の担当人数の目安は ${caseloadLimitRange.min}〜${caseloadLimitRange.max} の整数で入力してください。`;
  }
  if (path.startsWith("handoverPolicy")) {
    return `引き継ぎの方針は ${handoverPolicyMax} 文字までで入力してください。`;
  }
  if (path.startsWith("handoverResponsible")) {
    return `引き継ぎの責任者は ${handoverResponsibleMax} 文字までで入力してください。`;
  }
  if (path.startsWith("retentionDays")) {
    return `保存期間は ${retentionDaysRange.min}〜${retentionDaysRange.max} の整数（日数）で入力してください。`;
  }
  return "入力を確認してください。";
}

function SettingsForm(props: {
  settings: CenterSettings;
  error?: string | undefined;
  saved: boolean;
}) {
  const { settings } = props;
  return (
    <section class="card">
      <Notice kind="error" message={props.error} />
      <Notice
        kind="success"
        message={props.saved ? "保存しました。ボットの返事にもすぐ使われます。" : undefined}
      />
      <form method="post" action="/dashboard/center" class="stack" data-testid="center-form">
        <label class="field">
          <span class="field-label">センター名</span>
          <input type="text" name="name" value={settings.name} maxlength={100} required />
        </label>
        <label class="field">
          <span class="field-label">電話番号（開所時間中、危機対応の返事と案内に出ます）</span>
          <input
            type="tel"
            name="phone"
            value={settings.phone ?? ""}
            maxlength={20}
            data-testid="center-phone"
          />
        </label>
        <fieldset class="field">
          <legend class="field-label">開所時間</legend>
          <table class="table compact">
            <tbody>
              {weekdayKeys.map((key) => {
                const hours = settings.hours[key];
                return (
                  <tr>
                    <th scope="row">{weekdayLabels[key]}</th>
                    <td>
                      <label>
                        <input
                          type="checkbox"
                          name={`${key}.open`}
                          value="1"
                          checked={hours !== null}
                        />{" "}
                        開所
                      </label>
                    </td>
                    <td>
                      <input
                        type="time"
                        name={`${key}.opens`}
                        value={hours?.opens ?? "09:00"}
                        aria-label={`${weekdayLabels[key]}の開所時刻`}
                      />
                      〜
                      <input
                        type="time"
                        name={`${key}.closes`}
                        value={hours?.closes ?? "17:30"}
                        aria-label={`${weekdayLabels[key]}の閉所時刻`}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
        <label class="field">
          <span class="field-label">休所日（祝日のほか。1 行に 1 日、例：2026-08-13）</span>
          <textarea name="closedDays" rows={4}>
            {settings.closedDays.join("\n")}
          </textarea>
        </label>
        <label class="field field-inline">
          <input
            type="checkbox"
            name="yearEndClosure"
            value="1"
            checked={settings.yearEndClosure}
          />
          <span>年末年始（12/29〜1/3）は休所</span>
        </label>
        <label class="field field-inline">
          <input
            type="checkbox"
            name="notifyAcknowledged"
            value="1"
            checked={settings.notifyAcknowledged ?? true}
          />
          <span>本人の言葉から上がった案件を職員が確認したら、本人に「読みました」と知らせる</span>
        </label>
        <label class="field">
          <span class="field-label">
            1 人の担当人数の目安（{caseloadLimitRange.min}〜{caseloadLimitRange.max}）
          </span>
          <input
            type="number"
            name="caseloadLimit"
            value={String(settings.caseloadLimit ?? "")}
            min={caseloadLimitRange.min}
            max={caseloadLimitRange.max}
            step={1}
            required
            data-testid="center-caseload"
          />
          <span class="muted small">
            就労定着支援員 1 人あたり 40
            人が基準です。職員のページで、これを超えた担当が目立つように表示します。
          </span>
        </label>
        <label class="field">
          <span class="field-label">
            メッセージの保存期間（日数、{retentionDaysRange.min}〜{retentionDaysRange.max}）
          </span>
          <input
            type="number"
            name="retentionDays"
            value={String(settings.retentionDays ?? "")}
            min={retentionDaysRange.min}
            max={retentionDaysRange.max}
            step={1}
            required
            data-testid="center-retention"
          />
          <span class="muted small">
            これより古いメッセージの本文と、解決した案件に引用された本人・企業の言葉は、毎日深夜に削除されます（やりとりの日時と種類は残ります）。短くすると、次の削除で古い本文がすぐに消えます。
          </span>
        </label>
        <fieldset class="field" data-testid="center-handover">
          <legend class="field-label">引き継ぎ（支援期間の後も支援が必要な人）</legend>
          <label class="field">
            <span class="field-label">方針（{handoverPolicyMax} 文字まで）</span>
            <textarea
              name="handoverPolicy"
              rows={5}
              maxlength={handoverPolicyMax}
              data-testid="center-handover-policy"
            >
              {settings.handoverPolicy ?? ""}
            </textarea>
          </label>
          <label class="field">
            <span class="field-label">責任者</span>
            <input
              type="text"
              name="handoverResponsible"
              value={settings.handoverResponsible ?? ""}
              maxlength={handoverResponsibleMax}
              data-testid="center-handover-responsible"
            />
          </label>
          <span class="muted small">
            就労定着支援の終了後も支援が必要な人について、情報提供の方針を文書で定め、責任者を決め、本人の同意を得て終了の3か月前までに次の支援機関へ伝え、その記録を残すこと（2024年度から。満たさないと減算）。責任者の名前は引き継ぎ資料に載ります。
          </span>
        </fieldset>
        <label class="field">
          <span class="field-label">返信テンプレート（1 行に 1 つ、20 個まで）</span>
          <textarea name="replyTemplates" rows={5} data-testid="center-templates">
            {settings.replyTemplates.join("\n")}
          </textarea>
        </label>
        <button type="submit" class="button button-primary" data-testid="center-save">
          保存する
        </button>
      </form>
    </section>
  );
}

async function showPage(
  c: Context<StaffEnv>,
  settings: CenterSettings,
  error: string | undefined,
  status: 200 | 400,
) {
  return render(
    c,
    <Layout title="センターの設定" actor={c.var.actor} current="center">
      <PageHead title="センターの設定" />
      <SettingsForm settings={settings} error={error} saved={c.req.query("saved") === "1"} />
    </Layout>,
    status,
  );
}

export async function showCenterSettings(c: Context<StaffEnv>) {
  return showPage(c, await readCenterSettings(c.var.scope), undefined, 200);
}

/** A number when the field holds digits; anything else as typed, for the schema to refuse. */
function daysField(text: string | undefined): number | string | undefined {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const lines = (text: string | undefined) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

export async function submitCenterSettings(c: Context<StaffEnv>) {
  const fields = await readForm(c);
  const candidate = {
    name: fields.name ?? "",
    phone: (fields.phone ?? "").trim() || null,
    hours: Object.fromEntries(
      weekdayKeys.map((key) => [
        key,
        fields[`${key}.open`] === "1"
          ? { opens: fields[`${key}.opens`] ?? "", closes: fields[`${key}.closes`] ?? "" }
          : null,
      ]),
    ),
    closedDays: lines(fields.closedDays),
    yearEndClosure: fields.yearEndClosure === "1",
    notifyAcknowledged: fields.notifyAcknowledged === "1",
    replyTemplates: lines(fields.replyTemplates),
    retentionDays: daysField(fields.retentionDays),
    caseloadLimit: daysField(fields.caseloadLimit),
    handoverPolicy: (fields.handoverPolicy ?? "").replace(/\r\n/g, "\n"),
    handoverResponsible: fields.handoverResponsible ?? "",
  };
  const parsed = centerSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join(".") ?? "";
    const shown = { ...(await readCenterSettings(c.var.scope)), ...candidate } as CenterSettings;
    return showPage(c, shown, problemOf(path), 400);
  }
  try {
    await saveCenterSettings(c.var.scope, parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "bad_request") {
      return showPage(c, parsed.data, problemOf(""), 400);
    }
    throw error;
  }
  return c.redirect("/dashboard/center?saved=1", 303);
}
