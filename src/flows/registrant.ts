// A linked registrant with no check-in open: the menu, consent, pause and resume, the weekly day.
import { weekKey } from "../time/calendar";
import { startCheckin } from "./checkin";
import { readFreeText } from "./free-text";
import { commandOf } from "../words/keywords";
import { decodePostback } from "../words/postback";
import { consentDecided } from "./consent";
import { consentTextVersion, needsRenewal, registrantWords as say } from "../words/registrant";
import type { FlowContext, Inbound, RegistrantContext, Step } from "./types";

const reply = (replies: Step["replies"], effects: Step["effects"] = []): Step => ({
  state: null,
  replies,
  effects,
});

function beginCheckin(registrant: RegistrantContext, ctx: FlowContext): Step {
  if (registrant.status === "ended") return reply(say.supportEnded(ctx.center));
  if (!registrant.consented) return reply(say.consentAgain());
  if (registrant.status !== "active") return reply(say.alreadyPaused());
  return startCheckin({ checkinId: ctx.newId(), weekKey: weekKey(ctx.now), origin: "self" });
}

function giveConsent(registrant: RegistrantContext): Step {
  if (needsRenewal(registrant)) return reply(say.consentRenewed(), [consentDecided("given")]);
  if (registrant.consented) return reply(say.alreadyConsented());
  return reply(say.consentThanks(registrant.checkinWeekday, registrant.checkinMinute), [
    consentDecided("given"),
  ]);
}

/**
 * 「どういしない」: before any consent, the decision is recorded; someone whose consent is on an
 * older text keeps it (the refusal goes in the history only); someone who agreed to the current
 * text is asked whether they want to stop.
 */
function declineConsent(registrant: RegistrantContext): Step {
  if (needsRenewal(registrant)) return reply(say.consentKept(), [consentDecided("declined", true)]);
  if (registrant.consented) return reply(say.withdrawQuestion());
  return reply(say.consentDeclined(), [consentDecided("declined")]);
}

/** Commands that change the weekly check-ins mean nothing once support has ended. */
const needsSupport = new Set(["checkin", "pause", "resume", "schedule"]);

function onText(text: string, registrant: RegistrantContext, ctx: FlowContext): Step {
  const command = commandOf(text);
  if (registrant.status === "ended" && command !== null && needsSupport.has(command)) {
    return reply(say.supportEnded(ctx.center));
  }
  switch (command) {
    case "checkin":
      return beginCheckin(registrant, ctx);
    case "pause":
      if (registrant.status === "paused") return reply(say.alreadyPaused());
      return reply(say.paused(), [{ type: "setPaused", paused: true }]);
    case "resume":
      if (registrant.status === "active") return reply(say.resumed());
      if (registrant.pausedByStaff) return reply(say.pausedByStaff());
      return reply(say.resumed(), [{ type: "setPaused", paused: false }]);
    case "help":
      return reply(
        say.help(ctx.center, {
          paused: registrant.status === "paused",
          consented: registrant.consented,
        }),
      );
    case "consent":
      return giveConsent(registrant);
    case "decline":
      return declineConsent(registrant);
    case "code":
      // the guests' menu (ばんごうを おくる), tapped from an old menu: this LINE is linked already
      return reply(say.alreadyLinked());
    case "withdraw":
      return registrant.consented ? reply(say.withdrawQuestion()) : reply(say.consentDeclined());
    case "schedule":
      return reply(say.askWeekday());
    case "talk":
      return reply(say.talkRequested(), [
        {
          type: "signal",
          signal: {
            category: "other",
            severity: "high",
            source: "message",
            evidence: { reason: "「そうだんする」を押した" },
          },
        },
      ]);
    case null: {
      // kept as a message for staff; what it signals goes to the queue, a crisis at once. Without
      // consent only a risk to life or body is read, and the person is told the rest is not shared.
      const reading = readFreeText(text, ctx, registrant.consented ? "consented" : "not-consented");
      // words nothing in the queue took up still reach a person: the inbox
      const absorbed = reading.effects.some((effect) => effect.type === "signal");
      // words that raised something get who will see them, when, and the way to a person
      const fallback = !registrant.consented
        ? say.notShared()
        : absorbed
          ? say.messageHeard(ctx.center, ctx.now)
          : say.messageReceived(ctx.center, ctx.now);
      const unread = registrant.consented && !absorbed ? [{ type: "forStaff" } as const] : [];
      return reply(reading.crisisReply ?? fallback, [...reading.effects, ...unread]);
    }
  }
}

function onPostback(data: string, registrant: RegistrantContext, ctx: FlowContext): Step {
  const postback = decodePostback(data);
  if (postback === null) {
    return reply(say.notUnderstood(), [{ type: "rejectPostback", reason: "unreadable" }]);
  }
  switch (postback.a) {
    case "consent":
      if (postback.v !== consentTextVersion) {
        // an old consent message: ask again with the current text
        return reply(say.consentAgain());
      }
      if (postback.c === "yes") return giveConsent(registrant);
      // a tap on 「どういしない」 under the consent text: not a wish to stop
      if (registrant.consented && !needsRenewal(registrant)) return reply(say.alreadyConsented());
      return declineConsent(registrant);
    case "withdraw":
      if (postback.c === "no" || !registrant.consented) return reply(say.notWithdrawn());
      return reply(say.withdrawn(), [consentDecided("withdrawn")]);
    case "handover":
      return answerHandover(postback.r, postback.c, registrant);
    case "day":
      if (registrant.status === "ended") return reply(say.supportEnded(ctx.center));
      return reply(say.askTime(postback.d));
    case "time":
      if (registrant.status === "ended") return reply(say.supportEnded(ctx.center));
      return reply(say.scheduleChanged(postback.d, postback.m), [
        { type: "setSchedule", weekday: postback.d, minute: postback.m },
      ]);
    case "ans":
      return reply(say.checkinOver());
    case "er":
    case "pulse":
      // an employer's button cannot come from a registrant's chat: tampered or misrouted
      return reply(say.notUnderstood(), [
        { type: "rejectPostback", reason: "not-for-registrants" },
      ]);
  }
}

/**
 * An answer to the handover question: taken when it answers the question pending now; a second
 * tap, a decision staff recorded on paper meanwhile, or an older question's buttons change nothing
 * and get a kind word. Support having ended does not matter: the question was asked before.
 */
function answerHandover(requestId: number, answer: "yes" | "no", registrant: RegistrantContext) {
  const handover = registrant.handover;
  if (handover?.requestId !== requestId) return reply(say.handoverQuestionOver());
  if (handover.consent !== "asked") {
    return handover.consent === null
      ? reply(say.handoverQuestionOver())
      : reply(say.handoverAnswered());
  }
  const decision = answer === "yes" ? "given" : "declined";
  return reply(answer === "yes" ? say.handoverAgreed() : say.handoverRefused(), [
    { type: "handoverConsent", requestId, decision },
  ]);
}

/** Everything a registrant can do outside a check-in. */
export function registrantStep(input: Inbound, ctx: FlowContext): Step {
  const registrant = ctx.registrant;
  if (!registrant) return reply(say.notUnderstood());
  switch (input.type) {
    case "text":
      return onText(input.text, registrant, ctx);
    case "postback":
      return onPostback(input.data, registrant, ctx);
    case "sticker":
      return reply(say.thanksForSticker());
    case "media":
      return reply(say.thanksForMedia());
    case "follow":
      return reply(say.welcomeBack(), [{ type: "setFollowing", following: true }]);
    case "unfollow":
      return reply([], [{ type: "setFollowing", following: false }]);
    case "link":
      return reply(say.alreadyLinked());
  }
}
