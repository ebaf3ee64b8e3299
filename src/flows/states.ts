// What each conversation keeps between messages: one zod schema per flow, and their union.
import * as z from "zod";
import { employerReportKinds, employerReportUrgencies, questionKeys } from "../vocabulary/kinds";

/** The check-in's steps: each question, then how many days when late or absent. */
const checkinSteps = [...questionKeys, "attendance_days"] as const;

export const checkinStateSchema = z.object({
  flow: z.literal("checkin"),
  version: z.literal(1),
  checkinId: z.string().min(1),
  weekKey: z.string().regex(/^\d{4}-W\d{2}$/),
  step: z.enum(checkinSteps),
  /** Set while asking how many days: late or absent. */
  attendance: z.enum(["late", "absent"]).optional(),
  worries: z.array(z.string()),
  /** An answer or the words so far raised something for staff: the close says who will see it. */
  flagged: z.boolean().optional(),
});
export type CheckinState = z.infer<typeof checkinStateSchema>;

export const employerFlowName = "employer_report";

/** An employer's words longer than this are cut for staff (LINE allows 5,000 characters). */
export const reportWordsLimit = 1_000;

export const employerReportStateSchema = z.object({
  flow: z.literal(employerFlowName),
  version: z.literal(1),
  step: z.enum(["who", "what", "words", "urgency"]),
  registrantId: z.string().nullable(),
  /** When a name matched several people: the buttons offer only them. */
  candidates: z.array(z.string()).nullable(),
  kind: z.enum(employerReportKinds).nullable(),
  words: z
    .string()
    .max(reportWordsLimit + 1)
    .nullable(),
  wordsDone: z.boolean(),
  urgency: z.enum(employerReportUrgencies).nullable(),
  via: z.enum(["buttons", "text", "pulse"]),
});
export type EmployerReportState = z.infer<typeof employerReportStateSchema>;

/** Every state a conversation of the bot's own flows can be saved in, told apart by `flow`. */
export type FlowState = CheckinState | EmployerReportState;
