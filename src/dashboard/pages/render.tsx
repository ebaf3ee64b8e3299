// Turns pages into responses, and refusals and errors into pages instead of JSON.
import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError } from "../../core/errors";
import { describeError } from "../../core/log";
import type { Denial } from "../session-middleware";
import type { StaffEnv } from "../staff-env";
import { MessagePage, UnreadContext } from "./layout";
import { countUnreadPeople } from "../../store/conversation-log";

export async function render(
  c: Context,
  page: JSX.Element,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const unread = await unreadForNav(c);
  const wrapped: JSX.Element = (
    <UnreadContext.Provider value={unread}>{page}</UnreadContext.Provider>
  );
  return c.html("<!DOCTYPE html>" + (await wrapped).toString(), status);
}

/** The inbox count in the nav: one indexed count, only for a logged-in staff member's page. */
async function unreadForNav(c: Context): Promise<number | null> {
  // login and error pages have no staff member
  const { actor, deps } = c.var as Partial<StaffEnv["Variables"]>;
  if (!actor || !deps) return null;
  try {
    return await countUnreadPeople(deps.store.db, actor.centerId);
  } catch {
    // the page itself matters more than its nav count
    return null;
  }
}

/** Where a form post's page lives: after logging in again, staff land there, not on the action. */
function pageOf(c: Context): string {
  const url = new URL(c.req.url);
  const path =
    c.req.method === "GET"
      ? url.pathname
      : url.pathname
          .replace(/\/contacts\/[^/]+\/(link-code|unlink)$/, "")
          .replace(/\/staff\/[^/]+\/(deactivate|reactivate|reset-password|role)$/, "/staff")
          .replace(/\/undelivered\/[^/]+\/(retry|handled)$/, "/undelivered")
          .replace(/\/employment\/end$/, "")
          .replace(/\/handover(\/(consent-request|consent|given))?$/, "")
          .replace(
            /\/(acknowledge|assign|notes|resolve|checkin|schedule|pause|resume|link-code|employment|contacts|pulse|profile)$/,
            "",
          );
  return c.req.method === "GET" ? path + url.search : path;
}

/** No session: to the login form, coming back here after. Wrong role: a 403 page. */
export function pageDenied(c: Context<StaffEnv>, why: Denial): Response | Promise<Response> {
  if (why === "no-session") {
    return c.redirect(`/login?next=${encodeURIComponent(pageOf(c))}`, 303);
  }
  return render(
    c,
    <MessagePage title="権限がありません" message="このページは管理者だけが使えます。" />,
    403,
  );
}

const messages: Partial<Record<AppError["code"], { title: string; message: string }>> = {
  not_found: {
    title: "見つかりません",
    message: "お探しのページは見つかりませんでした。URL を確認してください。",
  },
  forbidden: { title: "権限がありません", message: "この操作をする権限がありません。" },
  bad_request: { title: "入力を確認してください", message: "送られた内容を読み取れませんでした。" },
  conflict: {
    title: "操作できません",
    message: "ほかの操作と重なったため、実行できませんでした。",
  },
  payload_too_large: { title: "入力が長すぎます", message: "送られた内容が大きすぎます。" },
};

/**
 * The pages' error handler: a domain error becomes a page with its status (another center's id
 * is simply "not found"); anything else is logged with the request id and shown opaquely.
 */
export function pageError(error: Error, c: Context<StaffEnv>): Promise<Response> {
  const actor = c.get("actor") as StaffEnv["Variables"]["actor"] | undefined;
  if (error instanceof AppError) {
    const known = messages[error.code] ?? {
      title: "エラー",
      message: "処理できませんでした。",
    };
    return render(c, <MessagePage {...known} actor={actor} />, error.status);
  }
  c.var.deps.log.error("request.failed", {
    requestId: c.var.requestId,
    path: c.req.path,
    ...describeError(error),
  });
  return render(
    c,
    <MessagePage
      title="エラーが発生しました"
      message={`しばらくしてから もう一度 お試しください。（受付番号 ${c.var.requestId}）`}
      actor={actor}
    />,
    500,
  );
}
