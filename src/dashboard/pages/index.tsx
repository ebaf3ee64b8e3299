// The server-rendered dashboard: one table of pages, each with the least role it needs, plus login.
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { limitBody } from "../../http/body-limit";
import { AppError } from "../../core/errors";
import type { StaffRole } from "../../vocabulary/kinds";
import { sameOriginOnly } from "../../http/same-origin";
import { requireStaff } from "../session-middleware";
import type { StaffEnv } from "../staff-env";
import { dashboardScript, dashboardStyle } from "./app-assets.generated";
import { downloadAudit, showAudit } from "./audit";
import {
  acknowledgeEscalation,
  addEscalationNote,
  assignEscalation,
  resolveEscalation,
  showEscalation,
} from "./escalation";
import { createEmployer, showEmployers } from "./employers";
import {
  createEmployerContact,
  reissueContactCode,
  saveEmployerPulse,
  showEmployer,
  unlinkContact,
} from "./employer-detail";
import { showDuties } from "./duties";
import { showHandoverPacket } from "./handover-packet";
import { showStats } from "./stats";
import { reviseReportPage, saveReport, shareReportPage, showReport } from "./report";
import { showRetentionRate } from "./retention";
import { MessagePage } from "./layout";
import { logoutWithoutSession, showLogin, skipLogin, submitLogin, submitLogout } from "./login";
import { issueLineCode, saveAlertSettings, showLineAlerts, unlinkLine } from "./line-alerts";
import { submitPassword, showPassword } from "./password";
import {
  changeRegistrantSchedule,
  createRegistrant,
  linkRegistrantEmployment,
  pauseRegistrant,
  recordRegistrantContact,
  reissueRegistrantCode,
  resumeRegistrant,
  endRegistrantEmployment,
  endRegistrantSupport,
  reopenRegistrantSupport,
  saveRegistrantProfile,
  saveRegistrantPeriod,
  sendRegistrantCheckin,
  submitRegistrantHandover,
  showRegistrant,
  showRegistrants,
} from "./registrants";
import { pageDenied, pageError, render } from "./render";
import { showExport, showPersonData, submitErasure } from "./person-data";
import { showQueue } from "./queue";
import { showConversationPage, showInbox, submitReply } from "./conversation";
import { showCenterSettings, submitCenterSettings } from "./center";
import { handleUndelivered, retryUndelivered, showUndelivered } from "./undelivered";
import { showContactConversation, submitContactReply } from "./contact-conversation";
import {
  changeStaffMemberRole,
  createStaffMember,
  deactivateStaffMember,
  reactivateStaffMember,
  resetStaffMemberPassword,
  showStaffPage,
} from "./staff";

export interface PageRoute {
  method: "get" | "post";
  path: string;
  /** The least role that may open it. */
  role: StaffRole;
  handle: (c: Context<StaffEnv>) => Response | Promise<Response>;
}

/** Every page behind a login; tests walk this table for the boundary checks. */
export const pageRoutes: PageRoute[] = [
  { method: "get", path: "/dashboard", role: "caseworker", handle: showQueue },
  { method: "get", path: "/dashboard/escalations/:id", role: "caseworker", handle: showEscalation },
  {
    method: "post",
    path: "/dashboard/escalations/:id/acknowledge",
    role: "caseworker",
    handle: acknowledgeEscalation,
  },
  {
    method: "post",
    path: "/dashboard/escalations/:id/assign",
    role: "caseworker",
    handle: assignEscalation,
  },
  {
    method: "post",
    path: "/dashboard/escalations/:id/notes",
    role: "caseworker",
    handle: addEscalationNote,
  },
  {
    method: "post",
    path: "/dashboard/escalations/:id/resolve",
    role: "caseworker",
    handle: resolveEscalation,
  },
  { method: "get", path: "/dashboard/inbox", role: "caseworker", handle: showInbox },
  {
    method: "get",
    path: "/dashboard/registrants/:id/messages",
    role: "caseworker",
    handle: showConversationPage,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/messages",
    role: "caseworker",
    handle: submitReply,
  },
  { method: "get", path: "/dashboard/registrants", role: "caseworker", handle: showRegistrants },
  { method: "post", path: "/dashboard/registrants", role: "caseworker", handle: createRegistrant },
  { method: "get", path: "/dashboard/duties", role: "caseworker", handle: showDuties },
  { method: "get", path: "/dashboard/stats", role: "caseworker", handle: showStats },
  { method: "get", path: "/dashboard/retention", role: "caseworker", handle: showRetentionRate },
  { method: "get", path: "/dashboard/registrants/:id", role: "caseworker", handle: showRegistrant },
  {
    method: "get",
    path: "/dashboard/registrants/:id/reports/:month",
    role: "caseworker",
    handle: (c) => showReport(c),
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/reports/:month",
    role: "caseworker",
    handle: saveReport,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/reports/:month/versions",
    role: "caseworker",
    handle: reviseReportPage,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/reports/:month/share",
    role: "caseworker",
    handle: shareReportPage,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/end",
    role: "caseworker",
    handle: endRegistrantSupport,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/reopen",
    role: "supervisor",
    handle: reopenRegistrantSupport,
  },
  {
    method: "get",
    path: "/dashboard/registrants/:id/data",
    role: "supervisor",
    handle: showPersonData,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/erase",
    role: "supervisor",
    handle: submitErasure,
  },
  {
    method: "get",
    path: "/dashboard/registrants/:id/export",
    role: "supervisor",
    handle: showExport,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/checkin",
    role: "caseworker",
    handle: sendRegistrantCheckin,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/schedule",
    role: "caseworker",
    handle: changeRegistrantSchedule,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/profile",
    role: "caseworker",
    handle: saveRegistrantProfile,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/period",
    role: "caseworker",
    handle: saveRegistrantPeriod,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/handover",
    role: "caseworker",
    handle: submitRegistrantHandover("save"),
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/handover/consent-request",
    role: "caseworker",
    handle: submitRegistrantHandover("ask"),
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/handover/consent",
    role: "caseworker",
    handle: submitRegistrantHandover("paper"),
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/handover/given",
    role: "caseworker",
    handle: submitRegistrantHandover("given"),
  },
  {
    method: "get",
    path: "/dashboard/registrants/:id/handover/packet",
    role: "caseworker",
    handle: showHandoverPacket,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/contacts",
    role: "caseworker",
    handle: recordRegistrantContact,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/pause",
    role: "caseworker",
    handle: pauseRegistrant,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/resume",
    role: "caseworker",
    handle: resumeRegistrant,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/link-code",
    role: "caseworker",
    handle: reissueRegistrantCode,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/employment/end",
    role: "caseworker",
    handle: endRegistrantEmployment,
  },
  {
    method: "post",
    path: "/dashboard/registrants/:id/employment",
    role: "caseworker",
    handle: linkRegistrantEmployment,
  },
  { method: "get", path: "/dashboard/employers", role: "caseworker", handle: showEmployers },
  { method: "post", path: "/dashboard/employers", role: "caseworker", handle: createEmployer },
  { method: "get", path: "/dashboard/employers/:id", role: "caseworker", handle: showEmployer },
  {
    method: "post",
    path: "/dashboard/employers/:id/contacts",
    role: "caseworker",
    handle: createEmployerContact,
  },
  {
    method: "post",
    path: "/dashboard/employers/:id/contacts/:contactId/link-code",
    role: "caseworker",
    handle: reissueContactCode,
  },
  {
    method: "post",
    path: "/dashboard/employers/:id/contacts/:contactId/unlink",
    role: "caseworker",
    handle: unlinkContact,
  },
  {
    method: "get",
    path: "/dashboard/employers/:id/contacts/:contactId/messages",
    role: "caseworker",
    handle: showContactConversation,
  },
  {
    method: "post",
    path: "/dashboard/employers/:id/contacts/:contactId/messages",
    role: "caseworker",
    handle: submitContactReply,
  },
  {
    method: "post",
    path: "/dashboard/employers/:id/pulse",
    role: "caseworker",
    handle: saveEmployerPulse,
  },
  { method: "get", path: "/dashboard/staff", role: "supervisor", handle: showStaffPage },
  { method: "post", path: "/dashboard/staff", role: "supervisor", handle: createStaffMember },
  {
    method: "post",
    path: "/dashboard/staff/:id/deactivate",
    role: "supervisor",
    handle: deactivateStaffMember,
  },
  {
    method: "post",
    path: "/dashboard/staff/:id/reactivate",
    role: "supervisor",
    handle: reactivateStaffMember,
  },
  {
    method: "post",
    path: "/dashboard/staff/:id/reset-password",
    role: "supervisor",
    handle: resetStaffMemberPassword,
  },
  {
    method: "post",
    path: "/dashboard/staff/:id/role",
    role: "supervisor",
    handle: changeStaffMemberRole,
  },
  { method: "get", path: "/dashboard/audit", role: "supervisor", handle: showAudit },
  { method: "get", path: "/dashboard/audit.csv", role: "supervisor", handle: downloadAudit },
  { method: "get", path: "/dashboard/center", role: "supervisor", handle: showCenterSettings },
  { method: "get", path: "/dashboard/undelivered", role: "supervisor", handle: showUndelivered },
  {
    method: "post",
    path: "/dashboard/undelivered/:id/retry",
    role: "supervisor",
    handle: retryUndelivered,
  },
  {
    method: "post",
    path: "/dashboard/undelivered/:id/handled",
    role: "supervisor",
    handle: handleUndelivered,
  },
  { method: "post", path: "/dashboard/center", role: "supervisor", handle: submitCenterSettings },
  { method: "get", path: "/dashboard/line", role: "caseworker", handle: showLineAlerts },
  { method: "post", path: "/dashboard/line/code", role: "caseworker", handle: issueLineCode },
  { method: "post", path: "/dashboard/line/unlink", role: "caseworker", handle: unlinkLine },
  {
    method: "post",
    path: "/dashboard/line/settings",
    role: "caseworker",
    handle: saveAlertSettings,
  },
  { method: "get", path: "/dashboard/password", role: "caseworker", handle: showPassword },
  { method: "post", path: "/dashboard/password", role: "caseworker", handle: submitPassword },
];

/** Pages carry personal data: no browser or proxy may keep a copy. */
const noStore: MiddlewareHandler<StaffEnv> = async (c, next) => {
  await next();
  if (c.res.headers.get("content-type")?.startsWith("text/html")) {
    c.res.headers.set("cache-control", "no-store");
  }
};

const formLimit = limitBody({
  maxSize: 64 * 1024,
  onError: (c) =>
    render(
      c,
      <MessagePage
        title="入力が長すぎます"
        message="送られた内容が大きすぎます（64 KiB まで）。"
      />,
      413,
    ),
});

export function dashboardPages() {
  const app = new Hono<StaffEnv>();
  app.onError(pageError);

  // "/dashboard/*" matches "/dashboard" itself too
  for (const path of ["/login", "/logout", "/dashboard/*"]) {
    // Every page form posts here; a cross-site post is refused before anything is read.
    app.use(path, sameOriginOnly(), noStore);
    app.post(path, formLimit);
  }

  // app.css and app.js are real files, embedded by scripts/embed-assets.mjs in a generated module:
  // one plain import for Node (tsx), app.fetch in tests and the Workers bundle, no file system at
  // run time. (Workers static assets would answer before the app: not in app.fetch, no CSP.)
  app.get("/dashboard/app.css", (c) =>
    c.body(dashboardStyle, 200, {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "no-cache",
    }),
  );
  app.get("/dashboard/app.js", (c) =>
    c.body(dashboardScript, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "no-cache",
    }),
  );

  app.get("/login", requireStaff("caseworker", showLogin), skipLogin);
  app.post("/login", submitLogin);
  app.post("/logout", requireStaff("caseworker", logoutWithoutSession), submitLogout);

  for (const route of pageRoutes) {
    app.on(
      route.method.toUpperCase(),
      route.path,
      requireStaff(route.role, pageDenied),
      route.handle,
    );
  }
  // Last: any other dashboard address is a page that does not exist (for a logged-in person).
  app.get("/dashboard/*", requireStaff("caseworker", pageDenied), () => {
    throw new AppError("not_found", "No such page");
  });
  return app;
}
