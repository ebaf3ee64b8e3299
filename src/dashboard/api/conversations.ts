// Staff API routes for conversations: the inbox, what changed, a person's or a company contact's messages and replies.
import { AppError } from "../../core/errors";
import {
  markConversationRead,
  readConversation,
  readInbox,
  sendStaffReply,
} from "../conversations";
import { sendFresh } from "../../outbox/delivery";
import { countChangedSince } from "../../store/escalations";
import { countUnreadSince } from "../../store/conversation-log";
import { readContactConversation, sendReplyToContact } from "../employer-conversations";
import { input, schemas, type ApiRoute } from "./input";

export const conversationRoutes: ApiRoute[] = [
  {
    method: "get",
    path: "/api/registrants/:id/messages",
    role: "caseworker",
    handle: async (c) => {
      const beforeText = c.req.query("before");
      const before = beforeText === undefined ? undefined : Number(beforeText);
      if (before !== undefined && (!Number.isInteger(before) || before < 1)) {
        throw new AppError("bad_request", "before must be a message id");
      }
      return c.json(await readConversation(c.var.scope, c.req.param("id") ?? "", before));
    },
  },
  {
    method: "post",
    path: "/api/registrants/:id/messages",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.reply);
      const clientKey = body.clientKey ?? c.req.header("idempotency-key") ?? crypto.randomUUID();
      const { deps } = c.var;
      const sent = await sendStaffReply(
        c.var.scope,
        c.req.param("id") ?? "",
        { text: body.text, clientKey },
        deps.config.pushBudgetPerMonth,
      );
      if (sent.outbox.length > 0) c.executionCtx.waitUntil(sendFresh(deps, sent.outbox));
      return c.json({ id: sent.id }, 202);
    },
  },
  {
    method: "post",
    path: "/api/registrants/:id/read",
    role: "caseworker",
    handle: async (c) => c.json(await markConversationRead(c.var.scope, c.req.param("id") ?? "")),
  },
  {
    // counts only (no personal data, so not audited): what the queue and inbox poll
    method: "get",
    path: "/api/changes",
    role: "caseworker",
    handle: async (c) => {
      const sinceText = c.req.query("since") ?? "";
      const since = Number(sinceText);
      if (!/^\d{1,15}$/.test(sinceText)) {
        throw new AppError("bad_request", "since must be a time in ms since the epoch");
      }
      const { deps, actor } = c.var;
      const [newEscalations, newUnread] = await Promise.all([
        countChangedSince(deps.store.db, actor.centerId, since),
        countUnreadSince(deps.store.db, actor.centerId, since),
      ]);
      return c.json({ newEscalations, newUnread, now: deps.clock() });
    },
  },
  {
    method: "get",
    path: "/api/inbox",
    role: "caseworker",
    handle: async (c) => c.json({ items: await readInbox(c.var.scope) }),
  },
  {
    method: "get",
    path: "/api/employers/:id/contacts/:contactId/messages",
    role: "caseworker",
    handle: async (c) => {
      const beforeText = c.req.query("before");
      if (beforeText !== undefined && !/^\d{1,15}$/.test(beforeText)) {
        throw new AppError("bad_request", "before must be a message id");
      }
      const page = await readContactConversation(
        c.var.scope,
        c.req.param("id") ?? "",
        c.req.param("contactId") ?? "",
        beforeText === undefined ? undefined : Number(beforeText),
      );
      return c.json({ items: page.items, nextBefore: page.nextBefore });
    },
  },
  {
    method: "post",
    path: "/api/employers/:id/contacts/:contactId/messages",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.contactReply);
      const { deps } = c.var;
      const sent = await sendReplyToContact(
        c.var.scope,
        c.req.param("id") ?? "",
        c.req.param("contactId") ?? "",
        {
          text: body.text,
          clientKey: body.clientKey ?? c.req.header("idempotency-key") ?? crypto.randomUUID(),
          confirmRecipientIsCompany: body.confirmRecipientIsCompany,
        },
        deps.config.pushBudgetPerMonth,
      );
      if (sent.outbox.length > 0) c.executionCtx.waitUntil(sendFresh(deps, sent.outbox));
      return c.json({ id: sent.id }, 202);
    },
  },
];
