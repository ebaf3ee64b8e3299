// What every staff API route shares: the route type, the request schemas, the JSON body reader.
import type { Context } from "hono";
import * as z from "zod";
import { AppError } from "../../core/errors";
import { jsonBodyOf } from "../../http/json-body";
import { staffRoles, type StaffRole } from "../../vocabulary/kinds";
import { emailSchema } from "../../staff/accounts";
import { timePattern } from "../../time/calendar";
import type { StaffEnv } from "../staff-env";

const name = (max: number) => z.string().trim().min(1, { message: "is required" }).max(max);
const id = z.string().min(1).max(64);

export const schemas = {
  login: z.object({ email: z.string().max(254), password: z.string().max(1024) }),
  password: z.object({
    currentPassword: z.string().max(1024),
    newPassword: z.string().min(12, { message: "must be at least 12 characters" }).max(1024),
  }),
  registrant: z.object({ displayName: name(60) }),
  employer: z.object({ name: name(100) }),
  contact: z.object({ displayName: name(60) }),
  employment: z.object({ employerId: id }),
  employmentEnd: z.object({
    endedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date as YYYY-MM-DD" })
      .refine(
        (value) => {
          const parsed = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
        },
        { message: "must be a real date" },
      ),
  }),
  pulse: z.object({ enabled: z.boolean(), day: z.number().int().min(1).max(28) }),
  staff: z.object({ email: emailSchema, displayName: name(60), role: z.enum(staffRoles) }),
  assign: z.object({ staffId: id }),
  role: z.object({ role: z.enum(staffRoles) }),
  note: z.object({ text: name(2000) }),
  resolve: z.object({ note: name(2000) }),
  alerts: z.object({ urgent: z.boolean(), high: z.boolean(), digest: z.boolean() }),
  contactReply: z.object({
    text: z.string().max(50_000),
    clientKey: z.string().min(8).max(100).optional(),
    confirmRecipientIsCompany: z.literal(true, { message: "must be true: the company reads it" }),
  }),
  reply: z.object({
    text: z.string().max(50_000),
    clientKey: z.string().min(8).max(100).optional(),
  }),
  schedule: z.object({
    weekday: z.number().int().min(0).max(6),
    time: z.string().regex(timePattern, { message: "must be a time of day as HH:MM" }),
  }),
};

/** Reads a JSON body (and only JSON: a form post cannot pass for one) against a schema. */
export async function input<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  if (!/^application\/json\b/i.test(c.req.header("content-type") ?? "")) {
    throw new AppError("bad_request", "Content-Type must be application/json");
  }
  const body = await jsonBodyOf(c.req.raw);
  if (!body.ok) throw new AppError("bad_request", "Body is not JSON");
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "body";
    throw new AppError("bad_request", `${field} ${issue?.message ?? "is invalid"}`);
  }
  return parsed.data;
}

export type Method = "get" | "post" | "put" | "patch" | "delete";

export interface ApiRoute {
  method: Method;
  path: string;
  /** The least role that may call it. */
  role: StaffRole;
  handle: (c: Context<StaffEnv>) => Promise<Response>;
}
