// Postback data: short query strings the bot puts on its buttons, parsed strictly when they return.
import * as z from "zod";
import { pulseAnswers, questionKeys } from "../vocabulary/kinds";

const weekKeyPattern = /^\d{4}-W\d{2}$/;
const monthPattern = /^\d{4}-\d{2}$/;

export const postbackSchema = z.discriminatedUnion("a", [
  z.object({
    a: z.literal("consent"),
    v: z.coerce.number().int().min(1),
    c: z.enum(["yes", "no"]),
  }),
  z.object({
    a: z.literal("ans"),
    w: z.string().regex(weekKeyPattern),
    q: z.enum(questionKeys),
    v: z.string().min(1).max(40),
  }),
  z.object({ a: z.literal("withdraw"), c: z.enum(["yes", "no"]) }),
  // the handover question: which question it was (the id staff asking recorded), and the answer
  z.object({
    a: z.literal("handover"),
    r: z.coerce.number().int().min(1),
    c: z.enum(["yes", "no"]),
  }),
  // an employer's report: the step answered and the choice (a registrant id, a kind, an urgency)
  z.object({
    a: z.literal("er"),
    s: z.enum(["who", "what", "words", "urgency", "cancel"]),
    v: z.string().min(1).max(64),
  }),
  // the monthly pulse: month asked, registrant, answer
  z.object({
    a: z.literal("pulse"),
    m: z.string().regex(monthPattern),
    r: z.string().min(1).max(64),
    c: z.enum(pulseAnswers),
  }),
  z.object({ a: z.literal("day"), d: z.coerce.number().int().min(0).max(6) }),
  z.object({
    a: z.literal("time"),
    d: z.coerce.number().int().min(0).max(6),
    m: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 60 - 1),
  }),
]);
export type Postback = z.infer<typeof postbackSchema>;

export function encodePostback(postback: Postback): string {
  return new URLSearchParams(
    Object.entries(postback).map(([key, value]) => [key, String(value)]),
  ).toString();
}

/** The postback, or null when the data was not written by this bot (or was tampered with). */
export function decodePostback(data: string): Postback | null {
  if (data.length > 300) return null;
  const fields = Object.fromEntries(new URLSearchParams(data));
  const parsed = postbackSchema.safeParse(fields);
  return parsed.success ? parsed.data : null;
}
