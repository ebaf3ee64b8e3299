// The frame every dashboard page shares: head, header with the person's name, nav, and messages.
import { createContext, useContext, type Child, type PropsWithChildren } from "hono/jsx";
import type { Actor } from "../auth";
import { hasRole } from "../session-middleware";
import { roleLabels } from "./labels";

export type NavKey =
  | "queue"
  | "inbox"
  | "duties"
  | "stats"
  | "registrants"
  | "employers"
  | "staff"
  | "center"
  | "undelivered"
  | "audit"
  | "line"
  | "password";

const navItems: { key: NavKey; href: string; text: string; supervisor: boolean }[] = [
  { key: "queue", href: "/dashboard", text: "キュー", supervisor: false },
  { key: "inbox", href: "/dashboard/inbox", text: "受信箱", supervisor: false },
  { key: "duties", href: "/dashboard/duties", text: "今月の実施", supervisor: false },
  { key: "registrants", href: "/dashboard/registrants", text: "登録者", supervisor: false },
  { key: "stats", href: "/dashboard/stats", text: "統計", supervisor: false },
  { key: "employers", href: "/dashboard/employers", text: "企業", supervisor: false },
  { key: "staff", href: "/dashboard/staff", text: "職員", supervisor: true },
  { key: "center", href: "/dashboard/center", text: "センター", supervisor: true },
  { key: "undelivered", href: "/dashboard/undelivered", text: "未送信", supervisor: true },
  { key: "audit", href: "/dashboard/audit", text: "監査ログ", supervisor: true },
  { key: "line", href: "/dashboard/line", text: "LINE通知", supervisor: false },
  { key: "password", href: "/dashboard/password", text: "パスワード", supervisor: false },
];

/** People with unread messages in the staff member's center, for the nav; set per page request. */
export const UnreadContext = createContext<number | null>(null);

export function Document(
  props: PropsWithChildren<{ title: string; bodyClass?: string; script?: boolean }>,
) {
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} | つなぎ`}</title>
        {/* No favicon route exists; an empty data: icon keeps the browser from asking for one. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/dashboard/app.css" />
        {props.script ? <script type="module" src="/dashboard/app.js"></script> : null}
      </head>
      <body class={props.bodyClass}>{props.children}</body>
    </html>
  );
}

export function Layout(
  props: PropsWithChildren<{
    title: string;
    actor: Actor;
    current?: NavKey | undefined;
    script?: boolean;
  }>,
) {
  const { actor } = props;
  const unread = useContext(UnreadContext);
  return (
    <Document title={props.title} script={props.script ?? false}>
      <header class="topbar">
        <div class="topbar-inner">
          <a class="brand" href="/dashboard">
            つなぎ <span class="brand-sub">支援員コンソール</span>
          </a>
          <div class="who">
            <span class="who-name" data-testid="who">
              {actor.displayName}
            </span>
            <span class="who-role">{roleLabels[actor.role] ?? actor.role}</span>
            <form method="post" action="/logout" class="inline">
              <button type="submit" class="button button-quiet button-small" data-testid="logout">
                ログアウト
              </button>
            </form>
          </div>
        </div>
        <nav class="nav" aria-label="メニュー">
          <ul>
            {navItems
              .filter((item) => !item.supervisor || hasRole(actor, "supervisor"))
              .map((item) => (
                <li>
                  <a
                    href={item.href}
                    aria-current={item.key === props.current ? "page" : undefined}
                  >
                    {item.text}
                    {item.key === "inbox" && unread ? (
                      <span class="nav-count" data-testid="nav-unread">
                        {unread}
                      </span>
                    ) : null}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
      </header>
      <main class="main">{props.children}</main>
    </Document>
  );
}

/** A page's title row with optional actions on the right. */
export function PageHead(props: { title: Child; aside?: Child }) {
  return (
    <div class="page-head">
      <h1>{props.title}</h1>
      {props.aside}
    </div>
  );
}

export function Notice(props: { kind: "error" | "success" | "info"; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p
      class={`notice notice-${props.kind}`}
      role={props.kind === "error" ? "alert" : "status"}
      data-testid={`notice-${props.kind}`}
    >
      {props.message}
    </p>
  );
}

/** A whole page for a refusal or a missing thing, with a way back. */
export function MessagePage(props: { title: string; message: string; actor?: Actor | undefined }) {
  const body = (
    <section class="card message-card">
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>
        <a class="button" href="/dashboard">
          キューへ戻る
        </a>
      </p>
    </section>
  );
  return props.actor ? (
    <Layout title={props.title} actor={props.actor}>
      {body}
    </Layout>
  ) : (
    <Document title={props.title} bodyClass="bare">
      <main class="main narrow">{body}</main>
    </Document>
  );
}
