// Supervisors: a person's data on request — everything held, to download or print (開示), and
// erasure after typing the person's name.
import type { Context } from "hono";
import * as z from "zod";
import { AppError } from "../../core/errors";
import { eraseRegistrant, exportRegistrant, type RegistrantExport } from "../person-data";
import type { StaffEnv } from "../staff-env";
import { parseForm } from "./form";
import {
  contactKindLabels,
  contactPartyLabels,
  endReasonLabels,
  label,
  registrantStatusLabels,
} from "./labels";
import { Layout, Notice, PageHead } from "./layout";
import { render } from "./render";
import { formatDateTime } from "../../time/format";
import { getRegistrant } from "../registrants";

const erasureForm = z.object({
  confirm: z
    .string({ error: "名前を入力してください。" })
    .trim()
    .min(1, { error: "名前を入力してください。" })
    .max(200),
});

const base = (id: string) => `/dashboard/registrants/${encodeURIComponent(id)}`;

async function showPage(
  c: Context<StaffEnv>,
  form: { error?: string; confirm?: string },
  status: 200 | 400,
) {
  const { scope, actor } = c.var;
  const registrant = await getRegistrant(scope, c.req.param("id") ?? "");
  const path = base(registrant.id);
  return render(
    c,
    <Layout title={`${registrant.displayName}：個人データ`} actor={actor} current="registrants">
      <p class="crumbs">
        <a href={path}>← {registrant.displayName} さんのページへ</a>
      </p>
      <PageHead title={`${registrant.displayName} さんの個人データ`} />
      <Notice kind="error" message={form.error} />
      <section class="card" aria-labelledby="disclosure-title">
        <h2 id="disclosure-title">開示（本人から求められたとき）</h2>
        <p>
          プロフィール、同意の記録、チェックインと回答、メッセージ、対応の記録とメモ、企業からの相談、
          だれが見たかの記録を、すべて出します。出したことは監査ログに残ります。
        </p>
        <p class="row-actions">
          <a class="button" href={`${path}/export`} data-testid="export-page">
            印刷用のページを開く
          </a>
          <a
            class="button button-quiet"
            href={`/api/registrants/${encodeURIComponent(registrant.id)}/export`}
            data-testid="export-json"
          >
            JSON でダウンロード
          </a>
        </p>
      </section>
      <p>
        <a
          href={`/dashboard/audit?person=${encodeURIComponent(registrant.id)}`}
          data-testid="person-audit"
        >
          この人のデータを見た・変えた記録（監査ログ）
        </a>
      </p>
      <section class="card" aria-labelledby="erasure-title">
        <h2 id="erasure-title">消去（本人から求められたとき）</h2>
        <p>
          この人のデータをすべて消します。元には戻せません。LINE
          のつながりも外れ、この人に関するメッセージは二度と送られません。監査ログには「消去した」ことだけが残ります（名前や内容は残りません）。
        </p>
        <form method="post" action={`${path}/erase`} data-testid="erasure-form">
          <label class="field">
            <span class="field-label">
              確認のため、名前「{registrant.displayName}」を入力してください
            </span>
            <input
              name="confirm"
              autocomplete="off"
              value={form.confirm ?? ""}
              required
              data-testid="erasure-confirm"
            />
          </label>
          <button type="submit" class="button button-danger" data-testid="erasure-submit">
            すべて消去する
          </button>
        </form>
      </section>
    </Layout>,
    status,
  );
}

export function showPersonData(c: Context<StaffEnv>) {
  return showPage(c, {}, 200);
}

export async function submitErasure(c: Context<StaffEnv>) {
  const form = await parseForm(c, erasureForm);
  if (!form.ok) return showPage(c, { error: form.message }, 400);
  try {
    await eraseRegistrant(c.var.scope, c.req.param("id") ?? "", form.data.confirm);
  } catch (error) {
    if (error instanceof AppError && error.code === "bad_request") {
      return showPage(
        c,
        { error: "名前が一致しません。表示どおりに入力してください。", confirm: form.data.confirm },
        400,
      );
    }
    throw error;
  }
  return c.redirect("/dashboard/registrants?done=erased", 303);
}

function Rows(props: { caption: string; head: string[]; rows: (string | null)[][] }) {
  if (props.rows.length === 0) return <p class="muted">{props.caption}：なし</p>;
  return (
    <table class="table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.head.map((name) => (
            <th scope="col">{name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            {row.map((cell, i) => (
              <td data-label={props.head[i]} class="prewrap">
                {cell ?? ""}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const when = (at: string | null) => (at === null ? null : formatDateTime(at));

/** A note's or a resolution's words, and what an event quoted, after its kind. */
function timelineWords(detail: Record<string, unknown>): string {
  const words = ["text", "note", "quote"]
    .map((key) => detail[key])
    .filter((value): value is string => typeof value === "string");
  return words.length === 0 ? "" : `：${words.join(" / ")}`;
}

/** The evidence of a signal as plain words: what was said or answered, and why. */
function evidenceWords(evidence: Record<string, unknown>): string {
  return Object.entries(evidence)
    .filter(([, value]) => typeof value === "string" || typeof value === "number")
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join("\n");
}

function ExportView(props: { data: RegistrantExport }) {
  const { data } = props;
  const { person } = data;
  return (
    <div class="export" data-testid="export">
      <p class="muted">
        {data.center ?? ""} 出力 {formatDateTime(data.exportedAt)}
      </p>
      <Rows
        caption="本人の情報"
        head={["項目", "内容"]}
        rows={[
          ["名前", person.displayName],
          ["よみ", person.kana],
          ["状態", label(registrantStatusLabels, person.status)],
          ["支援の終了", person.endedReason ? label(endReasonLabels, person.endedReason) : null],
          ["電話", person.phone],
          ["メール", person.email],
          [
            "緊急連絡先",
            person.emergencyContact
              ? `${person.emergencyContact.name}（${person.emergencyContact.relation}）${person.emergencyContact.phone}`
              : null,
          ],
          [
            "緊急連絡先",
            person.emergencyContact
              ? `${person.emergencyContact.name}（${person.emergencyContact.relation}）${person.emergencyContact.phone}`
              : null,
          ],
          ["通院先", person.clinic],
          ["メモ", person.notes],
          ["登録", when(person.createdAt)],
          [
            "LINE",
            data.line.linked ? `つながっている（${when(data.line.linkedAt) ?? ""}）` : "なし",
          ],
        ]}
      />
      <Rows
        caption="同意の記録"
        head={["日時", "内容", "説明文"]}
        rows={data.consents.map((c) => [when(c.at), c.decision, `第${c.textVersion}版`])}
      />
      <Rows
        caption="チェックインと回答"
        head={["送信", "状態", "回答"]}
        rows={data.checkins.map((checkin) => [
          when(checkin.sentAt),
          checkin.status,
          checkin.answers.map((a) => `${a.question}：${a.answer}`).join("\n"),
        ])}
      />
      <Rows
        caption="メッセージ"
        head={["日時", "向き", "内容"]}
        rows={data.messages.map((m) => [
          when(m.at),
          m.direction === "in" ? "本人から" : "本人へ",
          m.text,
        ])}
      />
      <Rows
        caption="対応の記録"
        head={["開始", "内容", "状態", "経過"]}
        rows={data.escalations.map((e) => [
          when(e.openedAt),
          `${e.category}（${e.severity}）${e.summary}`,
          e.status,
          e.timeline
            .map(
              (event) =>
                `${when(event.at) ?? ""} ${event.kind} ${event.staff ?? ""}${timelineWords(event.detail)}`,
            )
            .join("\n"),
        ])}
      />
      <Rows
        caption="気づきの記録（根拠）"
        head={["日時", "内容", "根拠"]}
        rows={data.signals.map((s) => [
          when(s.at),
          `${s.category}（${s.severity}・${s.source}）`,
          evidenceWords(s.evidence),
        ])}
      />
      <Rows
        caption="企業からの相談"
        head={["日時", "企業", "内容", "ことば"]}
        rows={data.employerReports.map((r) => [when(r.at), r.employer, r.kind, r.words])}
      />
      <Rows
        caption="企業への月1回の確認"
        head={["月", "企業", "担当者", "答え"]}
        rows={data.employerPulses.map((p) => [p.month, p.employerName, p.contactName, p.answer])}
      />
      <Rows
        caption="支援記録（面談・連絡）"
        head={["日時", "種類", "相手", "分", "職員", "メモ"]}
        rows={data.contacts.map((contact) => [
          when(contact.at),
          label(contactKindLabels, contact.kind),
          contact.with.map((party) => label(contactPartyLabels, party)).join("・"),
          String(contact.minutes),
          contact.staffName ?? "",
          contact.note,
        ])}
      />
      <Rows
        caption="勤務先"
        head={["企業", "登録", "最終日"]}
        rows={data.employments.map((job) => [job.employerName, when(job.since), job.endedOn])}
      />
      <Rows
        caption="この人のデータを見た・変えた記録"
        head={["日時", "職員", "操作"]}
        rows={data.readBy.map((r) => [when(r.at), r.staff, r.action])}
      />
    </div>
  );
}

/** The printable disclosure: the same content as the JSON, audited as its own export. */
export async function showExport(c: Context<StaffEnv>) {
  const { scope, actor } = c.var;
  const data = await exportRegistrant(scope, c.req.param("id") ?? "", "page");
  return render(
    c,
    <Layout title={`${data.person.displayName}：開示`} actor={actor} current="registrants">
      <p class="crumbs">
        <a href={`${base(data.person.id)}/data`}>← 個人データへ</a>
      </p>
      <PageHead title={`${data.person.displayName} さんについて保有している情報`} />
      <ExportView data={data} />
    </Layout>,
  );
}
