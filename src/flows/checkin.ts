// The weekly check-in as a pure flow: one question per message, buttons on every step, resumable.
import { answerRules, worryCategories } from "../escalation/rules/checkin";
import type { CheckinOrigin, QuestionKey } from "../vocabulary/kinds";
import { buttonCard, plain, withButtons, type Button } from "../words/buttons";
import {
  dayChoices,
  keepWorry,
  labelOf,
  questionOf,
  questions,
  skipChoice,
  talkChoice,
  unsetWorryPrefix,
  worriesDone,
  type Choice,
} from "../words/checkin-questions";
import { readFreeText } from "./free-text";
import { commandOf } from "../words/keywords";
import { foldWords } from "../core/fold";
import { decodePostback, encodePostback } from "../words/postback";
import { needsRenewal, registrantWords } from "../words/registrant";
import { consentDecided } from "./consent";
import { checkinStateSchema, type CheckinState } from "./states";
import type { Effect, Flow, FlowContext, Inbound, Step } from "./types";
import type { Signal } from "../vocabulary/categories";
import type { OutMessage } from "../line/message";

const order: QuestionKey[] = questions.map((question) => question.key);

/** The first question, the same for everyone that week: the scheduler multicasts it. */
export function openingMessages(weekKey: string): OutMessage[] {
  return [
    plain("こんにちは。こんしゅうの チェックイン です。\nボタンを おすだけ。2ふん くらい です。"),
    questionMessage({ step: "condition", weekKey, worries: [] }),
  ];
}

/** The state of a check-in that has just been sent: waiting for the first answer. */
export function freshCheckinState(args: { checkinId: string; weekKey: string }): CheckinState {
  return {
    flow: "checkin",
    version: 1,
    checkinId: args.checkinId,
    weekKey: args.weekKey,
    step: "condition",
    worries: [],
  };
}

/** A new check-in: the state to save, the opening messages and the effect that creates it. */
export function startCheckin(args: {
  checkinId: string;
  weekKey: string;
  origin: CheckinOrigin;
}): Step {
  return {
    state: freshCheckinState(args),
    replies: openingMessages(args.weekKey),
    effects: [
      {
        type: "startCheckin",
        checkinId: args.checkinId,
        weekKey: args.weekKey,
        origin: args.origin,
      },
    ],
  };
}

function remainingHint(step: CheckinState["step"]): string {
  const index = order.indexOf(step === "attendance_days" ? "attendance" : step);
  const left = order.length - index;
  return left === 1 ? "（さいご）" : `（あと ${left}つ）`;
}

function answerButton(
  weekKey: string,
  question: QuestionKey,
  choice: Choice,
  label = choice.label,
  strong = false,
): Button {
  return {
    label,
    data: encodePostback({ a: "ans", w: weekKey, q: question, v: choice.value }),
    strong,
  };
}

/**
 * One question as a card: its choices stacked under the words, then 「スキップ」 and
 * 「人と はなしたい」, so the worst answer and the way to a person are never off-screen. Chosen
 * worries are marked; 「これで おわり」 comes first under them once something is chosen.
 */
function questionMessage(state: Pick<CheckinState, "step" | "weekKey" | "worries" | "attendance">) {
  const { weekKey } = state;
  const talk = (question: QuestionKey) =>
    answerButton(weekKey, question, talkChoice, undefined, true);
  if (state.step === "attendance_days") {
    const verb = state.attendance === "late" ? "ちこく" : "やすみ";
    return buttonCard(`${remainingHint("attendance")}\nなんにち ${verb} しましたか？`, [], {
      rows: [dayChoices.slice(0, 2), dayChoices.slice(2)].map((row) =>
        row.map((choice) =>
          answerButton(weekKey, "attendance", {
            value: `${state.attendance ?? "absent"}:${choice.value}`,
            label: choice.label,
          }),
        ),
      ),
      after: [answerButton(weekKey, "attendance", skipChoice), talk("attendance")],
    });
  }
  const question = questionOf(state.step);
  if (question.key === "worries") {
    const chosen = state.worries.length
      ? `\nえらんだ もの：${labelOf("worries", JSON.stringify(state.worries))}`
      : "";
    const worryButton = (choice: Choice) =>
      state.worries.includes(choice.value)
        ? answerButton(weekKey, "worries", choice, `✓ ${choice.label}`, true)
        : answerButton(weekKey, "worries", choice);
    const pairs: Button[][] = [];
    for (let i = 0; i < question.choices.length; i += 2) {
      pairs.push(question.choices.slice(i, i + 2).map(worryButton));
    }
    const done = state.worries.length
      ? [answerButton(weekKey, "worries", worriesDone, undefined, true)]
      : [];
    return buttonCard(`${remainingHint("worries")}\n${question.text}${chosen}`, done, {
      rows: pairs,
      after: [talk("worries")],
    });
  }
  const skip = question.key === "message" ? [] : [answerButton(weekKey, question.key, skipChoice)];
  const ask = `${remainingHint(question.key)}\n${question.text}`;
  if (question.key === "message") {
    // typing is the answer here: a short question with its two buttons under the box
    return withButtons(ask, [
      ...question.choices.map((choice) => answerButton(weekKey, question.key, choice)),
      talk(question.key),
    ]);
  }
  return buttonCard(ask, [
    ...question.choices.map((choice) => answerButton(weekKey, question.key, choice)),
    ...skip,
    talk(question.key),
  ]);
}

/** Asked when a chosen worry is tapped again: nothing is taken off without asking. */
function unsetQuestion(state: CheckinState, value: string): OutMessage {
  const choice = questionOf("worries").choices.find((c) => c.value === value);
  return withButtons(`「${choice?.label ?? value}」は もう えらんで います。\nはずしますか？`, [
    answerButton(state.weekKey, "worries", {
      value: `${unsetWorryPrefix}${value}`,
      label: "はずす",
    }),
    answerButton(state.weekKey, "worries", keepWorry),
  ]);
}

function signalsFor(
  state: CheckinState,
  question: QuestionKey,
  value: string,
  score: number | null,
) {
  const evidence = (reason: string) => ({
    checkinId: state.checkinId,
    question: questionOf(question).staffLabel,
    answer: labelOf(question, value),
    reason,
  });
  const signals: Signal[] = answerRules
    .filter((rule) => rule.question === question && rule.matches(value, score))
    .map((rule) => ({
      category: rule.category,
      severity: rule.severity,
      source: "checkin",
      evidence: evidence(rule.reason),
    }));
  if (value === talkChoice.value) {
    signals.push({
      category: "other",
      severity: "high",
      source: "checkin",
      evidence: evidence("人と話したい"),
    });
  }
  if (question === "worries" && value.startsWith("[")) {
    for (const worry of JSON.parse(value) as string[]) {
      const category = worryCategories[worry];
      if (category) {
        signals.push({
          category,
          severity: "normal",
          source: "checkin",
          evidence: {
            ...evidence("困りごと"),
            answer: labelOf("worries", JSON.stringify([worry])),
          },
        });
      }
    }
  }
  return signals.map((signal): Effect => ({ type: "signal", signal }));
}

/**
 * Records an answer and moves to the next question, or ends the check-in after the last: with who
 * will see it and when if anything in it raised something for staff (the cheerful goodbye only
 * when nothing did), and, once, the current consent text for someone who agreed to an older one.
 */
function answer(
  state: CheckinState,
  question: QuestionKey,
  value: string,
  ctx: FlowContext,
  extra: { replies?: OutMessage[]; effects?: Effect[] } = {},
): Step {
  const score =
    questionOf(question).choices.find((choice) => choice.value === value)?.score ?? null;
  const effects: Effect[] = [
    { type: "recordAnswer", checkinId: state.checkinId, question, value, score },
    ...signalsFor(state, question, value, score),
    ...(extra.effects ?? []),
  ];
  const flagged = state.flagged === true || raisesSomething(effects);
  const before = extra.replies ?? [];
  const next = order[order.indexOf(question) + 1];
  if (next === undefined) {
    effects.push({ type: "completeCheckin", checkinId: state.checkinId });
    const close = flagged
      ? registrantWords.checkinHeard(ctx.center, ctx.now)
      : registrantWords.checkinDone();
    const crisis = effects.some((effect) => effect.type === "crisisReplied");
    const renew = !crisis && needsRenewal(ctx.registrant) && ctx.registrant?.renewalAsked !== true;
    if (renew) {
      effects.push(consentDecided("asked", true));
    }
    return {
      state: null,
      replies: [...before, ...close, ...(renew ? registrantWords.consentRenewal() : [])],
      effects,
    };
  }
  const nextState: CheckinState = {
    ...state,
    step: next,
    attendance: undefined,
    worries: [],
    ...(flagged ? { flagged } : {}),
  };
  return { state: nextState, replies: [...before, questionMessage(nextState)], effects };
}

/** Whether effects raise anything for staff (a signal, the crisis reply). */
function raisesSomething(effects: Effect[]): boolean {
  return effects.some((effect) => effect.type === "signal" || effect.type === "crisisReplied");
}

function again(state: CheckinState, before: OutMessage[], effects: Effect[] = []): Step {
  const kept = raisesSomething(effects) ? { ...state, flagged: true } : state;
  return { state: kept, replies: [...before, questionMessage(kept)], effects };
}

function handleChoice(
  state: CheckinState,
  question: QuestionKey,
  value: string,
  ctx: FlowContext,
): Step {
  if (value === talkChoice.value) {
    return answer(state, question, value, ctx, { replies: registrantWords.talkRequested() });
  }
  if (state.step === "attendance_days") {
    if (!/^(late|absent):[1-4]$/.test(value) && value !== skipChoice.value) {
      return again(state, [], [{ type: "rejectPostback", reason: "attendance-days" }]);
    }
    return answer(state, "attendance", value, ctx);
  }
  if (question === "attendance" && (value === "late" || value === "absent")) {
    const asking: CheckinState = { ...state, step: "attendance_days", attendance: value };
    return { state: asking, replies: [questionMessage(asking)], effects: [] };
  }
  if (question === "worries" && value !== skipChoice.value) return chooseWorry(state, value, ctx);
  const known =
    value === skipChoice.value ||
    questionOf(question).choices.some((choice) => choice.value === value);
  if (!known) return again(state, [], [{ type: "rejectPostback", reason: "unknown-answer" }]);
  return answer(state, question, value, ctx);
}

/**
 * The worry question takes several taps: a worry is added, 「これで おわり」 answers with those
 * chosen, 「ない」 answers with none. A chosen worry tapped again is not dropped silently: the
 * person is asked, and only 「はずす」 takes it off.
 */
function chooseWorry(state: CheckinState, value: string, ctx: FlowContext): Step {
  const worries = questionOf("worries").choices.map((choice) => choice.value);
  if (value === "none") return answer(state, "worries", "[]", ctx);
  if (value === worriesDone.value) {
    return answer(state, "worries", JSON.stringify(state.worries), ctx);
  }
  if (value === keepWorry.value) return again(state, []);
  if (value.startsWith(unsetWorryPrefix)) {
    const worry = value.slice(unsetWorryPrefix.length);
    return again({ ...state, worries: state.worries.filter((chosen) => chosen !== worry) }, []);
  }
  if (!worries.includes(value)) {
    return again(state, [], [{ type: "rejectPostback", reason: "unknown-answer" }]);
  }
  if (state.worries.includes(value)) {
    return { state, replies: [unsetQuestion(state, value)], effects: [] };
  }
  return again({ ...state, worries: [...state.worries, value] }, []);
}

/** A typed word that matches a button of the current question counts as tapping it. */
function typedChoice(state: CheckinState, text: string): string | null {
  const typed = foldWords(text);
  if (typed === "") return null;
  const choices =
    state.step === "attendance_days"
      ? dayChoices.map((c) => ({ ...c, value: `${state.attendance ?? "absent"}:${c.value}` }))
      : [...questionOf(state.step).choices, ...(state.step === "worries" ? [worriesDone] : [])];
  const found = [...choices, skipChoice].find((choice) =>
    [choice.label, ...(choice.typed ?? [])].some((word) => foldWords(word) === typed),
  );
  return found ? found.value : null;
}

function currentQuestion(state: CheckinState): QuestionKey {
  return state.step === "attendance_days" ? "attendance" : state.step;
}

/**
 * One input during a check-in. Words that are not an answer are kept as a message to staff and
 * the question is asked again; keywords (停止, ヘルプ…) are handled by the registrant's menu.
 */
export function checkinStep(
  state: CheckinState,
  input: Inbound,
  ctx: FlowContext,
  menu: (input: Inbound, ctx: FlowContext) => Step,
): Step {
  switch (input.type) {
    case "postback": {
      const postback = decodePostback(input.data);
      if (postback?.a !== "ans") {
        const handled = menu(input, ctx);
        return { ...handled, state: handled.state ?? state };
      }
      if (postback.w !== state.weekKey) return again(state, registrantWords.checkinOver());
      // a button of an earlier question, tapped again: keep the first answer, ask the current one
      if (postback.q !== currentQuestion(state)) return again(state, []);
      return handleChoice(state, postback.q, postback.v, ctx);
    }
    case "text": {
      if (state.step === "message") {
        const typed = typedChoice(state, input.text);
        if (typed !== null) return answer(state, "message", typed, ctx);
        // a check-in runs only with consent
        const reading = readFreeText(input.text, ctx, "consented");
        const signals = reading.effects.map((effect) =>
          effect.type === "signal"
            ? { ...effect, signal: { ...effect.signal, source: "checkin" as const } }
            : effect,
        );
        return answer(state, "message", input.text.slice(0, 2000), ctx, {
          replies: reading.crisisReply ?? [],
          effects: signals,
        });
      }
      const typed = typedChoice(state, input.text);
      if (typed !== null) return handleChoice(state, currentQuestion(state), typed, ctx);
      // asking for a check-in during one: this one goes on
      if (commandOf(input.text) === "checkin") return again(state, []);
      const handled = menu(input, ctx);
      // words that signal a risk to life or body get the whole crisis reply; the check-in waits
      if (handled.effects.some((e) => e.type === "crisisReplied")) {
        return { state, replies: handled.replies, effects: handled.effects };
      }
      // the menu answered a keyword, or acknowledged the words; then the question again
      return again(state, handled.replies, handled.effects);
    }
    case "sticker":
    case "media":
      return again(state, [plain("ありがとうございます。")]);
    case "follow":
    case "unfollow":
    case "link": {
      const handled = menu(input, ctx);
      return { ...handled, state };
    }
  }
}

export function createCheckinFlow(
  menu: (input: Inbound, ctx: FlowContext) => Step,
): Flow<CheckinState> {
  return {
    name: "checkin",
    parse: (saved) => {
      const parsed = checkinStateSchema.safeParse(saved);
      return parsed.success ? parsed.data : null;
    },
    step: (state, input, ctx) => checkinStep(state, input, ctx, menu),
  };
}
