// An employer contact on LINE: report a concern in a few taps or in their own words, answer the
// monthly pulse. Every reply comes from words/employer.ts, the allow-list the sender enforces.
import { ackDeadline } from "../time/business-time";
import {
  matchPerson,
  readEmployerText,
  readKind,
  readUrgency,
  reportSeverity,
} from "../escalation/rules/employer-report";
import { employerWords as say, reportKinds, urgencies } from "../words/employer";
import { commandOf } from "../words/keywords";
import { decodePostback, type Postback } from "../words/postback";
import {
  employerFlowName,
  employerReportStateSchema,
  reportWordsLimit,
  type EmployerReportState,
} from "./states";
import type { EmployerContext, Flow, FlowContext, Inbound, Step } from "./types";

const reply = (replies: Step["replies"], effects: Step["effects"] = []): Step => ({
  state: null,
  replies,
  effects,
});

/** 「相談する」 starts a report; 「報告」 too, for employers who think of it that way. */
const startsReport = (text: string) =>
  commandOf(text) === "talk" || ["報告", "報告する", "ほうこく"].includes(text);

const cut = (text: string) =>
  text.length > reportWordsLimit ? `${text.slice(0, reportWordsLimit)}…` : text;

function nameOf(employer: EmployerContext, id: string | null): string {
  return employer.registrants.find((person) => person.id === id)?.displayName ?? "";
}

function covers(employer: EmployerContext, id: string): boolean {
  return employer.registrants.some((person) => person.id === id);
}

function fresh(via: EmployerReportState["via"]): EmployerReportState {
  return {
    flow: employerFlowName,
    version: 1,
    step: "who",
    registrantId: null,
    candidates: null,
    kind: null,
    words: null,
    wordsDone: false,
    urgency: null,
    via,
  };
}

/** Asks for what is still missing, one question at a time, or files the report. */
function advance(state: EmployerReportState, ctx: FlowContext, employer: EmployerContext): Step {
  if (employer.registrants.length === 0) return reply(say.nobodyLinked());
  if (state.registrantId !== null && !covers(employer, state.registrantId)) {
    // staff ended the link, or the person withdrew consent, while the contact was reporting
    return reply(say.notCovered(), [{ type: "rejectPostback", reason: "employer-not-covered" }]);
  }
  let next = state;
  if (next.registrantId === null && employer.registrants.length === 1) {
    next = { ...next, registrantId: employer.registrants[0]?.id ?? null };
  }
  if (next.registrantId === null) {
    const people = next.candidates
      ? employer.registrants.filter((person) => next.candidates?.includes(person.id))
      : employer.registrants;
    const asking = { ...next, step: "who" as const };
    return { state: asking, replies: [say.askWho(people)], effects: [] };
  }
  const name = nameOf(employer, next.registrantId);
  if (next.kind === null) {
    return { state: { ...next, step: "what" }, replies: [say.askWhat(name)], effects: [] };
  }
  if (!next.wordsDone) {
    return { state: { ...next, step: "words" }, replies: [say.askWords()], effects: [] };
  }
  if (next.urgency === null && next.kind !== "no_show") {
    return { state: { ...next, step: "urgency" }, replies: [say.askUrgency()], effects: [] };
  }
  return submit(next, ctx, employer);
}

function submit(state: EmployerReportState, ctx: FlowContext, employer: EmployerContext): Step {
  const registrantId = state.registrantId;
  const kind = state.kind;
  // the person may have left the list while the contact was typing (staff ended the link)
  if (registrantId === null || kind === null || !covers(employer, registrantId)) {
    return reply(say.notCovered(), [{ type: "rejectPostback", reason: "employer-not-covered" }]);
  }
  const urgency = state.urgency ?? "today";
  const severity = reportSeverity(kind, urgency);
  return reply(
    say.received({
      name: nameOf(employer, registrantId),
      urgent: severity === "urgent",
      dueAt: ackDeadline(employer.calendar, severity, ctx.now),
      now: ctx.now,
      calendar: employer.calendar,
    }),
    [
      {
        type: "employerReport",
        report: { registrantId, kind, urgency, words: state.words, via: state.via },
      },
    ],
  );
}

/** A report started from free words: what they say is kept, and only the rest is asked. */
function fromText(text: string, ctx: FlowContext, employer: EmployerContext): Step {
  const reading = readEmployerText(text, employer.registrants);
  const state: EmployerReportState = {
    ...fresh("text"),
    registrantId: reading.person.match === "one" ? reading.person.id : null,
    candidates: reading.person.match === "many" ? reading.person.ids : null,
    kind: reading.kind,
    words: cut(text),
    wordsDone: true,
    urgency: reading.urgency,
  };
  return advance(state, ctx, employer);
}

function onPostbackInFlow(
  state: EmployerReportState,
  postback: Postback,
  ctx: FlowContext,
  employer: EmployerContext,
): Step {
  if (postback.a !== "er") return idle(postback, ctx, employer);
  if (postback.s === "cancel") return reply(say.cancelled());
  if (postback.s !== state.step) {
    // an older button of this conversation: ask the current question again
    return { ...advance(state, ctx, employer), effects: [] };
  }
  switch (postback.s) {
    case "who": {
      if (covers(employer, postback.v)) {
        return advance({ ...state, registrantId: postback.v, candidates: null }, ctx, employer);
      }
      // a tampered button naming someone this contact may not report on: nothing recorded
      const again = rejected(state, ctx, employer, "employer-registrant-not-covered");
      return { ...again, replies: [...say.notCovered(), ...again.replies] };
    }
    case "what": {
      const kind = reportKinds.find((choice) => choice.kind === postback.v)?.kind;
      if (!kind) return rejected(state, ctx, employer, "employer-kind");
      return advance({ ...state, kind }, ctx, employer);
    }
    case "words":
      return advance({ ...state, words: null, wordsDone: true }, ctx, employer);
    case "urgency": {
      const urgency = urgencies.find((choice) => choice.urgency === postback.v)?.urgency;
      if (!urgency) return rejected(state, ctx, employer, "employer-urgency");
      return advance({ ...state, urgency }, ctx, employer);
    }
  }
}

function rejected(
  state: EmployerReportState,
  ctx: FlowContext,
  employer: EmployerContext,
  reason: string,
): Step {
  return { ...advance(state, ctx, employer), effects: [{ type: "rejectPostback", reason }] };
}

function onTextInFlow(
  state: EmployerReportState,
  text: string,
  ctx: FlowContext,
  employer: EmployerContext,
): Step {
  const trimmed = text.trim();
  if (startsReport(trimmed)) return advance(fresh("buttons"), ctx, employer);
  switch (state.step) {
    case "who": {
      const found = matchPerson(trimmed, employer.registrants);
      if (found.match === "one")
        return advance({ ...state, registrantId: found.id }, ctx, employer);
      const again = advance(
        { ...state, candidates: found.match === "many" ? found.ids : state.candidates },
        ctx,
        employer,
      );
      return { ...again, replies: [...say.whoAgain(), ...again.replies] };
    }
    case "what": {
      const kind = readKind(trimmed) ?? reportKinds.find((c) => c.label === trimmed)?.kind ?? null;
      const words = state.words ?? cut(trimmed);
      if (kind) return advance({ ...state, kind, words, wordsDone: true }, ctx, employer);
      // their own words are worth keeping: staff read them; the kind is asked once more
      const again = advance({ ...state, words, wordsDone: true }, ctx, employer);
      return { ...again, replies: [...say.pleaseUseButtons(), ...again.replies] };
    }
    case "words":
      return advance(
        { ...state, words: trimmed === "なし" ? null : cut(trimmed), wordsDone: true },
        ctx,
        employer,
      );
    case "urgency": {
      const urgency =
        urgencies.find((c) => c.label === trimmed)?.urgency ?? readUrgency(trimmed) ?? null;
      if (urgency) return advance({ ...state, urgency }, ctx, employer);
      const again = advance(state, ctx, employer);
      return { ...again, replies: [...say.pleaseUseButtons(), ...again.replies] };
    }
  }
}

function reportStep(state: EmployerReportState, input: Inbound, ctx: FlowContext): Step {
  const employer = ctx.employer;
  // staff unlinked the contact while they were reporting: nothing is recorded
  if (!employer) return reply(say.unlinked());
  switch (input.type) {
    case "text":
      return onTextInFlow(state, input.text, ctx, employer);
    case "postback": {
      const postback = decodePostback(input.data);
      if (postback === null) {
        return rejected(state, ctx, employer, "unreadable");
      }
      return onPostbackInFlow(state, postback, ctx, employer);
    }
    case "unfollow":
      return reply([], [{ type: "setFollowing", following: false }]);
    default:
      return { ...advance(state, ctx, employer), effects: [] };
  }
}

/** A pulse answer or an employer button outside a report. */
function idle(postback: Postback, ctx: FlowContext, employer: EmployerContext): Step {
  if (postback.a === "pulse") {
    if (!covers(employer, postback.r)) {
      return reply(say.notCovered(), [
        { type: "rejectPostback", reason: "pulse-registrant-not-covered" },
      ]);
    }
    const effect = {
      type: "pulseAnswer" as const,
      registrantId: postback.r,
      month: postback.m,
      answer: postback.c,
    };
    if (postback.c === "fine") return reply(say.pulseThanks(), [effect]);
    const started = advance({ ...fresh("pulse"), registrantId: postback.r }, ctx, employer);
    return { ...started, effects: [effect] };
  }
  if (postback.a === "er") {
    // a button of a report that is over
    return reply(say.help());
  }
  return reply(say.help(), [{ type: "rejectPostback", reason: "not-for-employers" }]);
}

/** Everything an employer contact can do outside a report. */
export function employerStep(input: Inbound, ctx: FlowContext): Step {
  const employer = ctx.employer;
  if (!employer) return reply(say.unlinked());
  switch (input.type) {
    case "follow":
      return reply(say.help(), [{ type: "setFollowing", following: true }]);
    case "unfollow":
      return reply([], [{ type: "setFollowing", following: false }]);
    case "link":
      return reply(say.alreadyLinked());
    case "sticker":
    case "media":
      return reply(say.thanksForSticker());
    case "postback": {
      const postback = decodePostback(input.data);
      if (postback === null) {
        return reply(say.help(), [{ type: "rejectPostback", reason: "unreadable" }]);
      }
      return idle(postback, ctx, employer);
    }
    case "text": {
      const text = input.text.trim();
      const command = commandOf(text);
      // the registrants' words (the shared rich menu's チェックイン, 停止…) get the employer's help
      if (command !== null && command !== "talk") return reply(say.help());
      if (employer.registrants.length === 0) return reply(say.nobodyLinked());
      if (startsReport(text)) return advance(fresh("buttons"), ctx, employer);
      return fromText(input.text, ctx, employer);
    }
  }
}

export function createEmployerFlow(): Flow<EmployerReportState> {
  return {
    name: employerFlowName,
    parse: (saved) => {
      const parsed = employerReportStateSchema.safeParse(saved);
      return parsed.success ? parsed.data : null;
    },
    step: reportStep,
  };
}
