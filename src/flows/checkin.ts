// The weekly check-in as a pure flow: one question per message, buttons on every step, resumable.
import { answerRules, worryCategories } from "../escalation/rules/checkin";
import type { CheckinOrigin, QuestionKey } from "../vocabulary/kinds";
import { plain, withButtons, helpButton, type Button } from "../words/buttons";
import {
  dayChoices,
  labelOf,
  questionOf,
  questions,
  skipChoice,
  talkChoice,
  worriesDone,
  type Choice,
} from "../words/checkin-questions";
import { readFreeText } from "./free-text";
import { commandOf } from "../words/keywords";
import { foldWords } from "../core/fold";
import { decodePostback, encodePostback } from "../words/postback";
import { registrantWords } from "../words/registrant";
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
) {
  return { label, data: encodePostback({ a: "ans", w: weekKey, q: question, v: choice.value }) };
}

function questionMessage(state: Pick<CheckinState, "step" | "weekKey" | "worries" | "attendance">) {
  const { weekKey } = state;
  const always = (question: QuestionKey): Button[] => [
    answerButton(weekKey, question, skipChoice),
    answerButton(weekKey, question, talkChoice),
  ];
  if (state.step === "attendance_days") {
    const verb = state.attendance === "late" ? "ちこく" : "やすみ";
    return withButtons(`${remainingHint("attendance")}\nなんにち ${verb} しましたか？`, [
      ...dayChoices.map((choice) =>
        answerButton(weekKey, "attendance", {
          value: `${state.attendance ?? "absent"}:${choice.value}`,
          label: choice.label,
        }),
      ),
      ...always("attendance"),
    ]);
  }
  const question = questionOf(state.step);
  if (question.key === "worries") {
    const chosen = state.worries.length
      ? `\nえらんだ もの：${labelOf("worries", JSON.stringify(state.worries))}`
      : "";
    return withButtons(`${remainingHint("worries")}\n${question.text}${chosen}`, [
      ...question.choices.map((choice) =>
        answerButton(
          weekKey,
          "worries",
          choice,
          state.worries.includes(choice.value) ? `✓ ${choice.label}` : choice.label,
        ),
      ),
      ...(state.worries.length ? [answerButton(weekKey, "worries", worriesDone)] : []),
      answerButton(weekKey, "worries", talkChoice),
    ]);
  }
  const skip = question.key === "message" ? [] : [answerButton(weekKey, question.key, skipChoice)];
  return withButtons(`${remainingHint(question.key)}\n${question.text}`, [
    ...question.choices.map((choice) => answerButton(weekKey, question.key, choice)),
    ...skip,
    answerButton(weekKey, question.key, talkChoice),
  ]);
}

const finished: OutMessage[] = [
  withButtons(
    "ありがとうございました！\nこんしゅうの チェックインは おわりです。\nまた らいしゅう。",
    [{ label: "相談する", text: "相談する" }, helpButton],
  ),
];

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

/** Records an answer and moves to the next question, or ends the check-in after the last. */
function answer(
  state: CheckinState,
  question: QuestionKey,
  value: string,
  extra: OutMessage[] = [],
): Step {
  const score =
    questionOf(question).choices.find((choice) => choice.value === value)?.score ?? null;
  const effects: Effect[] = [
    { type: "recordAnswer", checkinId: state.checkinId, question, value, score },
    ...signalsFor(state, question, value, score),
  ];
  const next = order[order.indexOf(question) + 1];
  if (next === undefined) {
    effects.push({ type: "completeCheckin", checkinId: state.checkinId });
    return { state: null, replies: [...extra, ...finished], effects };
  }
  const nextState: CheckinState = { ...state, step: next, attendance: undefined, worries: [] };
  return { state: nextState, replies: [...extra, questionMessage(nextState)], effects };
}

function again(state: CheckinState, before: OutMessage[], effects: Effect[] = []): Step {
  return { state, replies: [...before, questionMessage(state)], effects };
}

function handleChoice(state: CheckinState, question: QuestionKey, value: string): Step {
  if (value === talkChoice.value) {
    return answer(state, question, value, registrantWords.talkRequested());
  }
  if (state.step === "attendance_days") {
    if (!/^(late|absent):[1-4]$/.test(value) && value !== skipChoice.value) {
      return again(state, [], [{ type: "rejectPostback", reason: "attendance-days" }]);
    }
    return answer(state, "attendance", value);
  }
  if (question === "attendance" && (value === "late" || value === "absent")) {
    const asking: CheckinState = { ...state, step: "attendance_days", attendance: value };
    return { state: asking, replies: [questionMessage(asking)], effects: [] };
  }
  if (question === "worries" && value !== skipChoice.value) {
    if (value === "none") return answer(state, "worries", "[]");
    if (value === worriesDone.value) return answer(state, "worries", JSON.stringify(state.worries));
    const worries = state.worries.includes(value)
      ? state.worries.filter((worry) => worry !== value)
      : [...state.worries, value];
    const toggled = { ...state, worries };
    return { state: toggled, replies: [questionMessage(toggled)], effects: [] };
  }
  const known =
    value === skipChoice.value ||
    questionOf(question).choices.some((choice) => choice.value === value);
  if (!known) return again(state, [], [{ type: "rejectPostback", reason: "unknown-answer" }]);
  return answer(state, question, value);
}

/** A typed word that matches a button of the current question counts as tapping it. */
function typedChoice(state: CheckinState, text: string): string | null {
  const typed = foldWords(text);
  if (typed === "") return null;
  const choices =
    state.step === "attendance_days"
      ? dayChoices.map((c) => ({ ...c, value: `${state.attendance ?? "absent"}:${c.value}` }))
      : [...questionOf(state.step).choices, ...(state.step === "worries" ? [worriesDone] : [])];
  const found = [...choices, skipChoice].find((choice) => foldWords(choice.label) === typed);
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
      return handleChoice(state, postback.q, postback.v);
    }
    case "text": {
      if (state.step === "message") {
        const typed = typedChoice(state, input.text);
        if (typed !== null) return answer(state, "message", typed);
        // a check-in runs only with consent
        const reading = readFreeText(input.text, ctx, "consented");
        const done = answer(state, "message", input.text.slice(0, 2000), reading.crisisReply ?? []);
        const signals = reading.effects.map((effect) =>
          effect.type === "signal"
            ? { ...effect, signal: { ...effect.signal, source: "checkin" as const } }
            : effect,
        );
        return { ...done, effects: [...done.effects, ...signals] };
      }
      const typed = typedChoice(state, input.text);
      if (typed !== null) return handleChoice(state, currentQuestion(state), typed);
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
