// The page after creating a registrant: the one-time link code, and a printable sheet to hand over.
import { renderSVG } from "uqr";
import type { Actor } from "../auth";
import { formatLinkCode } from "../../link/codes";
import { Layout } from "./layout";
import { formatDate, formatDateTime } from "../../time/format";

/** The QR code as a data: URL: an <img> needs no markup of ours spliced into the page. */
export function qrDataUrl(url: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(url, { border: 2 }))}`;
}

export interface NewLink {
  id: string;
  displayName: string;
  linkCode: string;
  linkCodeExpiresAt: string;
}

/** The sheet itself, in やさしい日本語: short sentences, one step at a time. */
function Sheet(props: {
  link: NewLink;
  friendUrl: string | undefined;
  center: { name: string; phone: string | null } | undefined;
  reissued: boolean;
}) {
  const { link, friendUrl, center } = props;
  return (
    <article class="sheet" data-testid="link-sheet" aria-label="本人に渡す用紙">
      <p class="sheet-to">{link.displayName} さんへ</p>
      {props.reissued ? (
        <p class="sheet-lead" data-testid="sheet-reissued">
          あたらしい ばんごうを つくりました。まえの ばんごうは もう つかえません。
        </p>
      ) : null}
      <h2 class="sheet-title">「つなぎ」を はじめる ための かみ</h2>
      <p class="sheet-lead">つなぎ は、LINE で しえんの 人と つながる ための しくみ です。</p>
      <ol class="sheet-steps">
        <li>
          <p class="sheet-step-title">LINE で、つなぎ を ともだちに ついか します。</p>
          {friendUrl === undefined ? (
            <p data-testid="sheet-no-qr">QR コードは、しえんの 人に もらって ください。</p>
          ) : (
            <div class="sheet-qr">
              <img
                src={qrDataUrl(friendUrl)}
                alt="つなぎ を ともだちに ついか する QR コード"
                width={160}
                height={160}
                data-testid="sheet-qr"
              />
              <p class="sheet-qr-text">
                QR コードを LINE で よみとって ください。
                <br />
                <span class="sheet-url">{friendUrl}</span>
              </p>
            </div>
          )}
        </li>
        <li>
          <p class="sheet-step-title">つなぎ に、この ばんごうを おくります。</p>
          <p class="sheet-code" data-testid="sheet-code">
            {formatLinkCode(link.linkCode)}
          </p>
        </li>
        <li>
          <p class="sheet-step-title">
            つなぎ の せつめいを よんで、「どういする」か「どういしない」を えらびます。
          </p>
        </li>
      </ol>
      <ul class="sheet-notes">
        <li>
          この ばんごうは <strong>{formatDate(link.linkCodeExpiresAt)}</strong> まで つかえます。
        </li>
        <li>ばんごうは ほかの 人に みせないで ください。</li>
        <li>わからない ときは、しえんの 人に きいて ください。</li>
        {center?.phone ? (
          <li data-testid="sheet-center">
            {center.name}：<strong>{center.phone}</strong>
          </li>
        ) : null}
      </ul>
    </article>
  );
}

export function LinkCodePage(props: {
  actor: Actor;
  link: NewLink;
  friendUrl: string | undefined;
  /** The center's name and phone, printed for when the person is stuck. */
  center?: { name: string; phone: string | null } | undefined;
  /** A new code for someone already registered (the old one no longer works). */
  reissued?: boolean;
}) {
  const { link } = props;
  return (
    <Layout title="連携コード" actor={props.actor} current="registrants" script>
      <section class="card code-card screen-only">
        <p class="notice notice-success" role="status" data-testid="link-code-notice">
          {props.reissued
            ? `${link.displayName} さんの新しいコードを発行しました（前のコードは使えません）。`
            : `${link.displayName} さんを登録しました。`}
        </p>
        <p class="code-label">連携コード</p>
        <p class="code-big" data-testid="link-code">
          {formatLinkCode(link.linkCode)}
        </p>
        <p>
          有効期限:{" "}
          <strong data-testid="link-code-expiry">{formatDateTime(link.linkCodeExpiresAt)}</strong>{" "}
          まで（1回だけ使えます）
        </p>
        <p class="muted small">
          このコードはこの画面でしか表示されません。下の用紙を印刷して本人に渡すか、書き写してください。
        </p>
        <div class="button-row">
          <button type="button" class="button button-primary" data-print hidden>
            用紙を印刷する
          </button>
          <a class="button" href={`/dashboard/registrants/${encodeURIComponent(link.id)}`}>
            登録者のページへ
          </a>
        </div>
      </section>
      <h2 class="screen-only sheet-heading">本人に渡す用紙（印刷用）</h2>
      <Sheet
        link={link}
        friendUrl={props.friendUrl}
        center={props.center}
        reissued={props.reissued === true}
      />
    </Layout>
  );
}
