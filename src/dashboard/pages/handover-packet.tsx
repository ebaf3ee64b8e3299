// The handover packet (引き継ぎ資料) as a print-ready A4 page: what the next agency needs, built
// from the records with the person's consent, and said plainly what it leaves out. Without the
// consent the page says so (409) and shows nothing of the person.
import { sectionTitles } from "../../month/report";
import type { Context } from "hono";
import { AppError } from "../../core/errors";
import { formatDateTime } from "../../time/format";
import { handoverPacket, packetContactMonths, type HandoverPacket } from "../handover";
import type { StaffEnv } from "../staff-env";
import {
  categoryLabel,
  contactKindLabels,
  contactPartyLabels,
  label,
  severityLabels,
  statusLabels,
} from "./labels";
import { Layout, MessagePage } from "./layout";
import { programLabels } from "./registrant-period";
import { render } from "./render";

/** The monthly report's sections by their keys (the common layout of CASE-RULES.md). */

const channelWords: Record<string, string> = { line: "LINE で本人が回答", paper: "紙で確認" };

/** "2026/11/20" from an ISO time, Japan time. */
const day = (time: string) => formatDateTime(time).slice(0, 10);

function Value(props: { value: string | null | undefined }) {
  return props.value ? <>{props.value}</> : <span class="muted">未記録</span>;
}

function Person(props: { packet: HandoverPacket }) {
  const { person } = props.packet;
  return (
    <section class="packet-section" data-testid="packet-person">
      <h2>本人</h2>
      <dl class="pairs">
        <div class="pair">
          <dt>氏名</dt>
          <dd>
            {person.displayName}
            {person.kana ? `（${person.kana}）` : ""}
          </dd>
        </div>
        <div class="pair">
          <dt>制度</dt>
          <dd>
            <Value value={person.program === null ? null : label(programLabels, person.program)} />
          </dd>
        </div>
        <div class="pair">
          <dt>採用日</dt>
          <dd>
            <Value value={person.hiredOn} />
          </dd>
        </div>
        <div class="pair">
          <dt>支援期間</dt>
          <dd>
            <Value value={person.supportStartsOn} /> 〜 <Value value={person.supportEndsOn} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Workplaces(props: { packet: HandoverPacket }) {
  const { employers } = props.packet;
  return (
    <section class="packet-section" data-testid="packet-employers">
      <h2>勤務先と企業の担当者</h2>
      {employers.length === 0 ? (
        <p class="muted">勤務先の記録はありません。</p>
      ) : (
        <ul>
          {employers.map((employer) => (
            <li>
              <strong>{employer.name}</strong>
              {employer.current ? "" : `（${employer.endedOn ?? ""} まで）`}
              {employer.contacts.length === 0
                ? "：担当者の記録なし"
                : `：${employer.contacts.join("、")}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Support(props: { packet: HandoverPacket }) {
  const { support } = props.packet;
  return (
    <section class="packet-section" data-testid="packet-support">
      <h2>支援の経過</h2>
      {support.totals.length === 0 ? (
        <p class="muted">面談・連絡の記録はありません。</p>
      ) : (
        <>
          <p>
            支援期間を通して：
            {support.totals
              .map(
                (total) =>
                  `${label(contactKindLabels, total.kind)} ${total.count} 回（${total.minutes} 分）`,
              )
              .join("、")}
          </p>
          <table class="table compact">
            <caption class="small">
              直近 {packetContactMonths} か月（{support.listedFrom} から）の面談・連絡
            </caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">種類</th>
                <th scope="col">相手</th>
                <th scope="col">時間</th>
              </tr>
            </thead>
            <tbody>
              {support.contacts.map((contact) => (
                <tr data-testid="packet-contact">
                  <td>{formatDateTime(contact.at)}</td>
                  <td>{label(contactKindLabels, contact.kind)}</td>
                  <td>
                    {contact.with.map((party) => label(contactPartyLabels, party)).join("・")}
                  </td>
                  <td>{contact.minutes} 分</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function OpenIssues(props: { packet: HandoverPacket }) {
  const { openIssues } = props.packet;
  return (
    <section class="packet-section" data-testid="packet-issues">
      <h2>いま対応中のこと</h2>
      {openIssues.length === 0 ? (
        <p class="muted">対応中の案件はありません。</p>
      ) : (
        <ul>
          {openIssues.map((issue) => (
            <li>
              {categoryLabel(issue.category)}（優先度 {label(severityLabels, issue.severity)}・
              {label(statusLabels, issue.status)}・{day(issue.openedAt)} から）
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Reports(props: { packet: HandoverPacket }) {
  const { reports } = props.packet;
  return (
    <section class="packet-section" data-testid="packet-reports">
      <h2>最近の支援レポート（確定版）</h2>
      {reports.length === 0 ? (
        <p class="muted">確定した支援レポートはありません。</p>
      ) : (
        <ul>
          {reports.map((report) => (
            <li>
              {report.month}（第 {report.version} 版
              {report.finalizedAt === null ? "" : `・${day(report.finalizedAt)} 確定`}）：
              {report.sections.map((key) => label(sectionTitles, key)).join("、") || "記載なし"}
            </li>
          ))}
        </ul>
      )}
      <p class="muted small">レポートの本文は、本人の了解のもとで別に渡してください。</p>
    </section>
  );
}

export function PacketPage(props: { packet: HandoverPacket }) {
  const { packet } = props;
  const { handover, center } = packet;
  return (
    <article class="packet" data-testid="packet">
      <header class="packet-head">
        <h1>引き継ぎ資料</h1>
        <p class="small">
          作成：{center.name}
          {center.phone ? `（${center.phone}）` : ""}・引き継ぎの責任者：
          <Value value={center.handoverResponsible} />
          ・作成日 {day(packet.generatedAt)}
        </p>
        <p class="small">
          引き継ぎ先：
          <Value value={handover.agency} />
          ・本人の同意：
          {channelWords[handover.consent.channel ?? ""] ?? ""}（{day(handover.consent.at)}）
        </p>
      </header>
      <Person packet={packet} />
      <section class="packet-section" data-testid="packet-what-works">
        <h2>本人に合うやり方</h2>
        {handover.whatWorks === "" ? (
          <p class="muted">記載なし</p>
        ) : (
          <p class="prewrap">{handover.whatWorks}</p>
        )}
      </section>
      <OpenIssues packet={packet} />
      <Support packet={packet} />
      <Reports packet={packet} />
      <Workplaces packet={packet} />
      <footer class="packet-foot small">
        この資料は、本人の同意を得て、支援の記録から作りました。本人の LINE
        のメッセージ、チェックインの回答、支援記録のメモ、案件の詳細、通院先・緊急連絡先は含みません。必要なことは、本人と一緒に話してください。
      </footer>
    </article>
  );
}

/** GET /dashboard/registrants/:id/handover/packet: the packet to print, or why there is none. */
export async function showHandoverPacket(c: Context<StaffEnv>) {
  const { scope, actor } = c.var;
  const id = c.req.param("id") ?? "";
  let packet: HandoverPacket;
  try {
    packet = await handoverPacket(scope, id);
  } catch (error) {
    if (error instanceof AppError && error.reason === "not_consented") {
      return render(
        c,
        <MessagePage
          title="引き継ぎ資料を作れません"
          message="本人の同意が記録されていません。LINE でたずねるか、紙の同意を記録してから開いてください。"
          actor={actor}
        />,
        409,
      );
    }
    throw error;
  }
  const back = `/dashboard/registrants/${encodeURIComponent(id)}#handover`;
  return render(
    c,
    <Layout
      title={`${packet.person.displayName}：引き継ぎ資料`}
      actor={actor}
      current="registrants"
      script
    >
      <p class="crumbs">
        <a href={back}>← 登録者のページへ</a>
      </p>
      <div class="button-row screen-only">
        <button type="button" class="button button-primary" data-print hidden>
          印刷する
        </button>
      </div>
      <PacketPage packet={packet} />
    </Layout>,
  );
}
