// Which runs of weekly answers are worth a human's look, as one table (one answer: rules/checkin.ts).
import { labelOf, questionOf, skipChoice, talkChoice } from "../../words/checkin-questions";
import type { Signal } from "../../vocabulary/categories";
import type { QuestionKey } from "../../vocabulary/kinds";
import type { TrendAnswer, TrendWeek } from "../../store/trends";
import { severities, type Category, type Severity } from "../../vocabulary/categories";

/** A week whose answer to a rule's question says something about it (see `isEvidence`). */
export interface AnsweredWeek extends TrendAnswer {
  weekKey: string;
}

export interface TrendRule {
  id: string;
  question: QuestionKey;
  /** Why, in words staff read in the evidence. */
  reason: string;
  category: Category;
  severity: Severity;
  /** How many of the most recent answered weeks the rule looks at, and quotes when it matches. */
  weeks: number;
  /** Gets those weeks oldest first; fewer than `weeks` when the history is shorter. */
  matches: (weeks: AnsweredWeek[]) => boolean;
}

type Bad = (week: AnsweredWeek) => boolean;

function scoreAtMost(max: number): Bad {
  return (week) => week.score !== null && week.score <= max;
}

function valueIn(...values: string[]): Bad {
  return (week) => values.includes(week.value);
}

/** Attendance values carry the days after a colon ("late:2", "absent:1"). */
const lateOrAbsent: Bad = (week) =>
  week.value.startsWith("late") || week.value.startsWith("absent");

/** Bad in each of the last `n` answered weeks. */
function inARow(n: number, bad: Bad): Pick<TrendRule, "weeks" | "matches"> {
  return { weeks: n, matches: (weeks) => weeks.length === n && weeks.every(bad) };
}

/**
 * Bad in `k` of the last `n` answered weeks. A shorter history is judged on what there is:
 * someone late in each of their first three weeks is worth a look too.
 */
function atLeast(k: number, n: number, bad: Bad): Pick<TrendRule, "weeks" | "matches"> {
  return { weeks: n, matches: (weeks) => weeks.filter(bad).length >= k };
}

/** The newest score is `points` or more below the average of the `previous` weeks before it. */
function fellBelowAverage(points: number, previous: number): Pick<TrendRule, "weeks" | "matches"> {
  return {
    weeks: previous + 1,
    matches: (weeks) => {
      const scores = weeks.flatMap((week) => (week.score === null ? [] : [week.score]));
      const latest = scores.at(-1);
      if (scores.length !== previous + 1 || latest === undefined) return false;
      // in whole numbers: avg - latest >= points  ⇔  sum - previous * latest >= previous * points
      const sum = scores.slice(0, -1).reduce((a, b) => a + b, 0);
      return sum - previous * latest >= previous * points;
    },
  };
}

export const trendRules: TrendRule[] = [
  {
    id: "condition-low-2w",
    question: "condition",
    reason: "体調が2週つづけて「すこしわるい」以下",
    category: "health",
    severity: "normal",
    ...inARow(2, scoreAtMost(2)),
  },
  {
    id: "condition-drop",
    question: "condition",
    reason: "体調が前の3週の平均より2段階以上さがった",
    category: "health",
    severity: "low",
    ...fellBelowAverage(2, 3),
  },
  {
    id: "sleep-low-2w",
    question: "sleep",
    reason: "睡眠が2週つづけて「あまりねむれない」以下",
    category: "health",
    severity: "normal",
    ...inARow(2, scoreAtMost(2)),
  },
  {
    id: "mood-low-2w",
    question: "mood",
    reason: "気分が2週つづけて「すこしつらい」以下",
    category: "mood",
    severity: "normal",
    ...inARow(2, scoreAtMost(2)),
  },
  {
    id: "mood-low-3w",
    question: "mood",
    reason: "気分が3週つづけて「すこしつらい」以下",
    category: "mood",
    severity: "high",
    ...inARow(3, scoreAtMost(2)),
  },
  {
    id: "medication-2w",
    question: "medication",
    reason: "薬を2週つづけて「ときどき忘れた」か「のんでいない」",
    category: "medication",
    severity: "normal",
    ...inARow(2, valueIn("not_taking", "forgot_sometimes")),
  },
  {
    id: "attendance-3of4",
    question: "attendance",
    reason: "最近の4週のうち3週 遅刻か欠勤",
    category: "absence",
    severity: "normal",
    ...atLeast(3, 4, lateOrAbsent),
  },
];

/**
 * Whether an answer tells us anything about its question. A skip, a wish to talk (raised on its
 * own by the check-in) or a week off work is no evidence either way: it neither counts as a bad
 * week nor breaks a run, so the weeks on either side of it are read as adjacent. Missed weeks
 * (no check-in answered; the unreachable rule watches those) are read the same way: silence is
 * not a good week, and two bad answers around it still deserve a look. Only answers count, never
 * the status: what someone answered before a check-in went stale (and was marked missed) stands.
 */
function isEvidence(question: QuestionKey, answer: TrendAnswer): boolean {
  if (answer.value === skipChoice.value || answer.value === talkChoice.value) return false;
  if (question === "attendance" && answer.value === "off") return false;
  if (question === "condition" || question === "sleep" || question === "mood") {
    return answer.score !== null;
  }
  return true;
}

/** The last `count` weeks that answered `question`, oldest first. */
function answeredWeeks(weeks: TrendWeek[], question: QuestionKey, count: number): AnsweredWeek[] {
  const answered: AnsweredWeek[] = [];
  for (const week of weeks) {
    const answer = week.answers[question];
    if (answer && isEvidence(question, answer)) answered.push({ weekKey: week.weekKey, ...answer });
  }
  return answered.slice(-count);
}

/**
 * The trend signals of a registrant's recent weeks (oldest first), for the rules whose question the
 * newest week answered. Per question and category
 * only the most severe matching rule speaks: three weeks of low mood is one high signal, not a
 * high and a normal one, and a two-week run of poor condition already covers the drop it ends
 * with. Rules on different questions all speak (poor sleep and poor condition are both evidence,
 * and the engine files them under one health escalation).
 */
export function trendSignals(weeks: TrendWeek[]): Signal[] {
  const newest = weeks.at(-1)?.weekKey;
  const matched = trendRules.flatMap((rule) => {
    const window = answeredWeeks(weeks, rule.question, rule.weeks);
    // a trend speaks when the newest week carries it on: a skipped answer this week must not
    // raise last week's run again (staff may have resolved it since)
    if (window.at(-1)?.weekKey !== newest) return [];
    return rule.matches(window) ? [{ rule, window }] : [];
  });
  const rank = (severity: Severity) => severities.indexOf(severity);
  return matched
    .filter(
      ({ rule }) =>
        !matched.some(
          (other) =>
            other.rule.question === rule.question &&
            other.rule.category === rule.category &&
            rank(other.rule.severity) < rank(rule.severity),
        ),
    )
    .map(({ rule, window }) => ({
      category: rule.category,
      severity: rule.severity,
      source: "trend",
      evidence: {
        reason: rule.reason,
        rule: rule.id,
        question: questionOf(rule.question).staffLabel,
        weeks: window.map((week) => ({
          week: week.weekKey,
          answer: labelOf(rule.question, week.value),
        })),
      },
    }));
}
