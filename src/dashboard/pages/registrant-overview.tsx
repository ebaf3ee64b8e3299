// The top of a registrant's page: the banner when they blocked the bot, and the overview card.
import type { RegistrantDetail } from "../registrants";
import { YesNo } from "./badges";
import { checkinStatusLabels, label, registrantStatusLabels } from "./labels";
import { formatDateTime } from "../../time/format";

type Detail = RegistrantDetail;

export function BlockedBanner(props: { registrant: Detail }) {
  const since = props.registrant.unfollowedAt;
  return (
    <div class="alert-banner" data-testid="registrant-blocked">
      <p class="alert-banner-title">LINEでブロック中（連絡がとれません）</p>
      <p>
        {since === null ? null : `${formatDateTime(since)} から ブロックされています。`}
        チェックインもお知らせも届きません。電話や面談など、別の方法で様子を確かめてください。
      </p>
    </div>
  );
}

export function Overview(props: { registrant: Detail }) {
  const { registrant } = props;
  const checkin = registrant.latestCheckin;
  return (
    <section class="card">
      <dl class="pairs pairs-grid">
        <div class="pair">
          <dt>状態</dt>
          <dd data-testid="registrant-status">
            {label(registrantStatusLabels, registrant.status)}
          </dd>
        </div>
        <div class="pair">
          <dt>LINE 連携</dt>
          <dd data-testid="registrant-linked">
            <YesNo value={registrant.linked} yes="連携済み" no="未連携" />
            {registrant.linkedAt === null ? null : (
              <span class="muted small"> （{formatDateTime(registrant.linkedAt)}）</span>
            )}
            <form
              method="post"
              action={`/dashboard/registrants/${encodeURIComponent(registrant.id)}/link-code`}
              class="reissue"
            >
              <button
                type="submit"
                class="button button-quiet button-small"
                data-testid="reissue-code"
              >
                {registrant.linked ? "新しい連携コード（機種変更など）" : "連携コードを再発行"}
              </button>
            </form>
          </dd>
        </div>
        <div class="pair">
          <dt>LINE で連絡</dt>
          <dd data-testid="registrant-reachable">
            {!registrant.linked ? (
              <span class="no">—（未連携）</span>
            ) : registrant.reachable ? (
              <span class="yes">とれます</span>
            ) : (
              <strong class="danger-text">ブロック中（連絡がとれません）</strong>
            )}
          </dd>
        </div>
        <div class="pair">
          <dt>同意</dt>
          <dd data-testid="registrant-consented">
            <YesNo value={registrant.consented} yes="同意あり" no="同意なし" />
            {registrant.consentedAt === null ? null : (
              <span class="muted small"> （{formatDateTime(registrant.consentedAt)}）</span>
            )}
          </dd>
        </div>
        <div class="pair">
          <dt>最新のチェックイン</dt>
          <dd data-testid="registrant-checkin">
            {checkin === null
              ? "まだありません"
              : `${label(checkinStatusLabels, checkin.status)}（送信 ${formatDateTime(checkin.sentAt)}${
                  checkin.completedAt === null
                    ? ""
                    : `・回答 ${formatDateTime(checkin.completedAt)}`
                }）`}
          </dd>
        </div>
        <div class="pair">
          <dt>勤務先</dt>
          <dd data-testid="registrant-employers">
            {registrant.employers.length === 0
              ? "未登録"
              : registrant.employers.map((employer) => employer.name).join("、")}
          </dd>
        </div>
        <div class="pair">
          <dt>登録日</dt>
          <dd>{formatDateTime(registrant.createdAt)}</dd>
        </div>
      </dl>
    </section>
  );
}
