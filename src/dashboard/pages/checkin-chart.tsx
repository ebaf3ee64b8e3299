// The 12-week trend of condition, sleep and mood as an inline SVG drawn on the server (no script).

export const scaleQuestions = ["condition", "sleep", "mood"] as const;
export type ScaleQuestion = (typeof scaleQuestions)[number];

/** What the chart reads of a check-in (the registrant page's and the report's alike). */
export interface ChartCheckin {
  weekKey: string;
  status: string;
  answers: { question: string; score: number | null }[];
}

/** One Japan week on the chart's x axis. */
export interface ChartWeek {
  key: string;
  /** "11/16": the Monday the week starts on. */
  label: string;
  /** "11/16〜11/22": the whole week, for titles and the table. */
  range: string;
  scores: Record<ScaleQuestion, number | null>;
  /** Sent and never answered: the gap staff most need to notice. */
  missed: boolean;
}

/**
 * Each series differs in colour, dash and marker shape, so it reads without colour too (the
 * colours are from the Okabe–Ito palette, chosen to stay apart for colour-blind readers).
 */
export const series: Record<
  ScaleQuestion,
  {
    name: string;
    colour: string;
    dash: string | undefined;
    marker: "circle" | "square" | "triangle";
  }
> = {
  condition: { name: "体調", colour: "#0072b2", dash: undefined, marker: "circle" },
  sleep: { name: "睡眠", colour: "#d55e00", dash: "9 5", marker: "square" },
  mood: { name: "気分", colour: "#7b3294", dash: "2 4", marker: "triangle" },
};

const scoreWords: Record<number, string> = {
  4: "よい",
  3: "まあまあ",
  2: "すこしわるい",
  1: "わるい",
};

const dayMs = 24 * 60 * 60 * 1000;
const tokyoMonthDay = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  month: "numeric",
  day: "numeric",
});

/**
 * Puts the check-ins into their weeks. A week answered more than once (a check-in sent by staff
 * as well as the weekly one) shows each question's newest answer; a week counts as missed only
 * when something was sent and nothing of it was answered.
 */
export function chartWeeks(
  weeks: { key: string; start: number }[],
  checkins: ChartCheckin[],
): ChartWeek[] {
  return weeks.map((week) => {
    // newest first, as the detail lists them
    const inWeek = checkins.filter((checkin) => checkin.weekKey === week.key);
    const scores = Object.fromEntries(
      scaleQuestions.map((question) => [
        question,
        inWeek
          .flatMap((checkin) => checkin.answers)
          .find((answer) => answer.question === question && answer.score !== null)?.score ?? null,
      ]),
    ) as Record<ScaleQuestion, number | null>;
    const answered = scaleQuestions.some((question) => scores[question] !== null);
    return {
      key: week.key,
      label: tokyoMonthDay.format(week.start),
      range: `${tokyoMonthDay.format(week.start)}〜${tokyoMonthDay.format(week.start + 6 * dayMs)}`,
      scores,
      missed: !answered && inWeek.some((checkin) => checkin.status === "missed"),
    };
  });
}

/**
 * Two drawings of the same data: a wide one for a laptop, and a narrow one whose text stays
 * legible when a phone shows it at about 330 px (the stylesheet shows one of them). Text sizes
 * are in the drawing's units, so each layout is sized for the width it is shown at.
 */
export type ChartLayout = "wide" | "narrow";

interface Geometry {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Every how many weeks the x axis has a date. */
  tickEvery: number;
}

const layouts: Record<ChartLayout, Geometry> = {
  wide: { width: 640, height: 244, left: 34, right: 10, top: 16, bottom: 212, tickEvery: 1 },
  narrow: { width: 360, height: 232, left: 24, right: 6, top: 16, bottom: 198, tickEvery: 2 },
};

function columnWidth(g: Geometry, count: number): number {
  return (g.width - g.left - g.right) / Math.max(count, 1);
}

function xOf(g: Geometry, index: number, count: number): number {
  return g.left + (index + 0.5) * columnWidth(g, count);
}

function yOf(g: Geometry, score: number): number {
  return g.bottom - ((score - 1) * (g.bottom - g.top)) / 3;
}

/** A small sideways and vertical nudge per series, so equal scores do not hide each other. */
const nudge: Record<ScaleQuestion, { dx: number; dy: number }> = {
  condition: { dx: -6, dy: -3 },
  sleep: { dx: 0, dy: 0 },
  mood: { dx: 6, dy: 3 },
};

function Marker(props: { shape: "circle" | "square" | "triangle"; x: number; y: number }) {
  const { x, y } = props;
  if (props.shape === "circle") return <circle class="chart-marker" cx={x} cy={y} r={5.5} />;
  if (props.shape === "square") {
    return <rect class="chart-marker" x={x - 5} y={y - 5} width={10} height={10} />;
  }
  return (
    <path
      class="chart-marker"
      d={`M ${x} ${y - 6.5} L ${x + 6.5} ${y + 5} L ${x - 6.5} ${y + 5} Z`}
    />
  );
}

/** Line pieces between weeks next to each other that both have a score: a gap stays a gap. */
function segments(points: ({ x: number; y: number } | null)[]): string[] {
  const runs: string[] = [];
  let current: { x: number; y: number }[] = [];
  for (const point of [...points, null]) {
    if (point) {
      current.push(point);
      continue;
    }
    if (current.length > 1) {
      runs.push(current.map((p, i) => `${i === 0 ? "M" : "L"} ${p.x} ${p.y}`).join(" "));
    }
    current = [];
  }
  return runs;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function describe(weeks: ChartWeek[]): string {
  const missed = weeks.filter((week) => week.missed).map((week) => week.range);
  const answered = weeks.filter((week) =>
    scaleQuestions.some((question) => week.scores[question] !== null),
  ).length;
  const latest = [...weeks]
    .reverse()
    .find((week) => scaleQuestions.some((question) => week.scores[question] !== null));
  const latestText = latest
    ? `最新の回答（${latest.range}）: ${scaleQuestions
        .map((question) => `${series[question].name} ${latest.scores[question] ?? "—"}`)
        .join("、")}。`
    : "";
  return [
    `点数は 4（よい）から 1（わるい）。回答のあった週: ${answered}週。`,
    latestText,
    missed.length > 0 ? `未回答の週: ${missed.join("、")}。` : "未回答の週はありません。",
  ].join("");
}

export function TrendChart(props: { weeks: ChartWeek[]; layout: ChartLayout }) {
  const { weeks, layout } = props;
  const g = layouts[layout];
  const count = weeks.length;
  const band = columnWidth(g, count);
  const x = (index: number) => round(xOf(g, index, count));
  // ids are per drawing: both are in the page
  const id = (name: string) => `${name}-${layout}`;
  const middle = round((g.top + g.bottom) / 2);
  return (
    <svg
      class={`chart chart-${layout}`}
      viewBox={`0 0 ${g.width} ${g.height}`}
      role="img"
      aria-labelledby={`${id("trend-title")} ${id("trend-desc")}`}
      data-testid={`trend-chart-${layout}`}
    >
      <title id={id("trend-title")}>体調・睡眠・気分の推移（直近{count}週）</title>
      <desc id={id("trend-desc")}>{describe(weeks)}</desc>
      <defs>
        <pattern
          id={id("missed-hatch")}
          patternUnits="userSpaceOnUse"
          width={8}
          height={8}
          patternTransform="rotate(45)"
        >
          <rect width={8} height={8} fill="#f1f3f6" />
          <line x1={0} y1={0} x2={0} y2={8} stroke="#d5dae1" stroke-width={3} />
        </pattern>
      </defs>
      {weeks.map((week, index) =>
        week.missed ? (
          <g class="chart-missed" data-week={week.key}>
            <title>{`${week.range}の週: 未回答`}</title>
            <rect
              x={round(g.left + index * band + 1.5)}
              y={g.top - 10}
              width={round(band - 3)}
              height={g.bottom - g.top + 20}
              rx={4}
              fill={`url(#${id("missed-hatch")})`}
            />
            <text class="chart-missed-mark" x={x(index)} y={middle - 12}>
              ×
            </text>
            <text
              class="chart-missed-label"
              x={x(index)}
              y={layout === "wide" ? middle + 18 : middle + 4}
            >
              未回答
            </text>
          </g>
        ) : null,
      )}
      <g class="chart-grid">
        {[1, 2, 3, 4].map((score) => (
          <>
            <line x1={g.left} x2={g.width - g.right} y1={yOf(g, score)} y2={yOf(g, score)} />
            <text class="chart-y" x={g.left - 8} y={yOf(g, score)}>
              {score}
            </text>
          </>
        ))}
      </g>
      <g class="chart-x">
        {weeks.map((week, index) =>
          // the newest week always has its date; the others as room allows
          (count - 1 - index) % g.tickEvery === 0 ? (
            <text class="chart-tick" x={x(index)} y={g.bottom + 24}>
              {week.label}
            </text>
          ) : null,
        )}
      </g>
      {scaleQuestions.map((question) => {
        const line = series[question];
        const { dx, dy } = nudge[question];
        const points = weeks.map((week, index) => {
          const score = week.scores[question];
          return score === null
            ? null
            : { x: round(xOf(g, index, count) + dx), y: round(yOf(g, score) + dy), week, score };
        });
        return (
          <g class={`chart-series series-${question}`} data-series={question} fill={line.colour}>
            {segments(points).map((d) => (
              <path
                class="chart-line"
                d={d}
                fill="none"
                stroke={line.colour}
                stroke-dasharray={line.dash}
              />
            ))}
            {points.map((point) =>
              point === null ? null : (
                <g class="chart-point">
                  <title>
                    {`${point.week.range}の週 ${line.name}: ${point.score}（${scoreWords[point.score] ?? ""}）`}
                  </title>
                  <Marker shape={line.marker} x={point.x} y={point.y} />
                </g>
              ),
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** The key, outside the drawing so it stays full size on a phone. */
export function ChartLegend() {
  return (
    <ul class="chart-legend" aria-label="凡例">
      {scaleQuestions.map((question) => {
        const line = series[question];
        return (
          <li>
            <svg class="legend-swatch" viewBox="0 0 40 16" aria-hidden="true" fill={line.colour}>
              <path
                d="M 2 8 L 38 8"
                fill="none"
                stroke={line.colour}
                stroke-width={2.5}
                stroke-dasharray={line.dash}
              />
              <Marker shape={line.marker} x={20} y={8} />
            </svg>
            {line.name}
          </li>
        );
      })}
      <li>
        <svg class="legend-swatch legend-missed" viewBox="0 0 40 16" aria-hidden="true">
          <rect x={8} y={0} width={24} height={16} rx={3} fill="#e6e9ee" />
          <text x={20} y={12.5}>
            ×
          </text>
        </svg>
        未回答の週
      </li>
    </ul>
  );
}
