// Staff API routes for a person's handover (引き継ぎ): its state, the LINE question, a paper
// consent, the packet and the record of giving it.
import { sendFresh } from "../../outbox/delivery";
import {
  getHandover,
  handoverPacket,
  handoverSchema,
  packetGivenSchema,
  paperConsentSchema,
  recordPacketGiven,
  recordPaperConsent,
  requestHandoverConsent,
  saveHandover,
} from "../handover";
import { input, type ApiRoute } from "./input";

export const handoverRoutes: ApiRoute[] = [
  {
    method: "get",
    path: "/api/registrants/:id/handover",
    role: "caseworker",
    handle: async (c) => c.json(await getHandover(c.var.scope, c.req.param("id") ?? "")),
  },
  {
    method: "put",
    path: "/api/registrants/:id/handover",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, handoverSchema);
      return c.json(await saveHandover(c.var.scope, c.req.param("id") ?? "", body));
    },
  },
  {
    method: "post",
    path: "/api/registrants/:id/handover/consent-request",
    role: "caseworker",
    handle: async (c) => {
      const { deps } = c.var;
      const asked = await requestHandoverConsent(
        c.var.scope,
        c.req.param("id") ?? "",
        deps.config.pushBudgetPerMonth,
      );
      if (asked.outbox.length > 0) c.executionCtx.waitUntil(sendFresh(deps, asked.outbox));
      return c.json({ sent: asked.sent, handover: asked.handover }, asked.sent ? 202 : 200);
    },
  },
  {
    method: "post",
    path: "/api/registrants/:id/handover/consent",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, paperConsentSchema);
      return c.json(await recordPaperConsent(c.var.scope, c.req.param("id") ?? "", body));
    },
  },
  {
    method: "get",
    path: "/api/registrants/:id/handover/packet",
    role: "caseworker",
    handle: async (c) => c.json(await handoverPacket(c.var.scope, c.req.param("id") ?? "")),
  },
  {
    method: "post",
    path: "/api/registrants/:id/handover/given",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, packetGivenSchema);
      return c.json(await recordPacketGiven(c.var.scope, c.req.param("id") ?? "", body));
    },
  },
];
