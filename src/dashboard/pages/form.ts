// Reads a posted HTML form against a zod schema; the first problem becomes a Japanese message.
import type { Context } from "hono";
import * as z from "zod";

/** On failure the fields come back too, so the form can be shown again as it was typed. */
export type FormResult<T> =
  { ok: true; data: T } | { ok: false; message: string; fields: Record<string, string> };

/** The string fields of a urlencoded or multipart body; any other body reads as empty. */
export async function readForm(c: Context): Promise<Record<string, string>> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch {
    return {};
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string") fields[key] = value;
  }
  return fields;
}

export async function parseForm<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<FormResult<z.infer<S>>> {
  const fields = await readForm(c);
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, data: parsed.data };
  const message = parsed.error.issues[0]?.message ?? "入力を確認してください。";
  return { ok: false, message, fields };
}

/** A required text field, trimmed, with the messages people see when it is empty or too long. */
export function text(what: string, max: number) {
  return z
    .string({ error: `${what}を入力してください。` })
    .trim()
    .min(1, { error: `${what}を入力してください。` })
    .max(max, { error: `${what}は${max}文字以内で入力してください。` });
}
