// Environment parsed once with zod, for Node and Workers alike; a bad value stops start-up.
import * as z from "zod";
import {
  crisisContactsSchema,
  defaultCrisisContacts,
  type CrisisContact,
} from "../vocabulary/crisis-contacts";

const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUnset, z.string().min(1).optional());

const envSchema = z
  .object({
    PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(65535).default(8787)),
    DATABASE_URL: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .regex(/^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/, {
          message: "must start with file:, libsql://, http(s):// or ws(s)://",
        })
        .default("file:data/tsunagi.db"),
    ),
    DATABASE_AUTH_TOKEN: optionalString,
    LINE_CHANNEL_SECRET: optionalString,
    LINE_CHANNEL_ACCESS_TOKEN: optionalString,
    LINE_API_BASE_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^https?$/ }).optional()),
    LINE_API_DATA_BASE_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^https?$/ }).optional()),
    PUBLIC_BASE_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^https?$/ }).optional()),
    LINE_FRIEND_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^https$/ }).optional()),
    CHECKIN_REMINDER_HOURS: z.preprocess(
      emptyAsUnset,
      z.coerce.number().int().min(0).max(71).default(24),
    ),
    PUSH_BUDGET_PER_MONTH: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).optional()),
    TEXT_MODEL_PATH: optionalString,
    NODE_ENV: optionalString,
    /** The address `npm start` listens on; loopback unless a proxy in front needs otherwise. */
    HOST: z.preprocess(emptyAsUnset, z.string().trim().min(1).max(255).default("127.0.0.1")),
    CRISIS_CONTACTS: z.preprocess((value) => {
      if (value === "" || value === undefined) return undefined;
      try {
        return typeof value === "string" ? (JSON.parse(value) as unknown) : value;
      } catch {
        return "not JSON";
      }
    }, crisisContactsSchema.optional()),
  })
  .superRefine((env, ctx) => {
    // emulator mode (no channel) serves a mock LINE and a chat anyone can drive: never in
    // production, never on an address other machines can reach
    if (!env.LINE_CHANNEL_SECRET && env.NODE_ENV === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["LINE_CHANNEL_SECRET"],
        message:
          "is required when NODE_ENV=production (emulator mode is only for a developer's machine)",
      });
    }
    if (!env.LINE_CHANNEL_SECRET && !isLoopback(env.HOST)) {
      ctx.addIssue({
        code: "custom",
        path: ["HOST"],
        message: `${env.HOST} is not a loopback address; emulator mode (no LINE_CHANNEL_SECRET) listens on 127.0.0.1, ::1 or localhost only`,
      });
    }
    if (env.LINE_CHANNEL_SECRET && !env.LINE_CHANNEL_ACCESS_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["LINE_CHANNEL_ACCESS_TOKEN"],
        message: "is required when LINE_CHANNEL_SECRET is set",
      });
    }
  });

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}

export interface Config {
  port: number;
  /** The listening address on Node. */
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** True when no LINE channel is configured: the built-in mock API stands in for LINE. */
  emulator: boolean;
  channelSecret: string;
  channelAccessToken: string;
  lineApiBaseUrl: string;
  /** Where uploads (rich menu images) go: api-data.line.me for LINE, the mock's base otherwise. */
  lineApiDataBaseUrl: string;
  publicBaseUrl: string;
  /** The official account's add-friend link (printed as a QR code on link sheets), if known. */
  lineFriendUrl: string | undefined;
  /** Hours before the one reminder of an unanswered check-in; 0: no reminders. */
  checkinReminderHours: number;
  /** Paid messages (push and multicast recipients) a month; undefined: no limit. */
  pushBudgetPerMonth: number | undefined;
  /** Offered in every crisis reply (at least a phone line and a chat). */
  crisisContacts: CrisisContact[];
  /** Node: the text model file; unset, the committed one. (Workers bundle it.) */
  textModelPath: string | undefined;
}

/**
 * Where a running emulator leaves its access token for `npm run admin` (beside a file
 * database, readable by its owner only); none for a remote database.
 */
export function emulatorTokenFile(databaseUrl: string): string | undefined {
  if (!databaseUrl.startsWith("file:")) return undefined;
  return `${databaseUrl.slice("file:".length)}.emulator-token`;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Raw variables as both runtimes hand them over (process.env or the Workers env object). */
export type RawEnv = Record<string, unknown>;

/**
 * Parses the environment. In emulator mode the channel secret is generated per start
 * (never a fixed default) and the LINE API base URL points at the app's own mock.
 */
export function loadConfig(raw: RawEnv, randomSecret: () => string = generateSecret): Config {
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join(".") || "environment";
    throw new ConfigError(`${name} ${issue?.message ?? "is invalid"}`);
  }
  const env = parsed.data;
  const publicBaseUrl = stripSlash(env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`);
  const emulator = env.LINE_CHANNEL_SECRET === undefined;
  const lineApiBaseUrl = stripSlash(
    env.LINE_API_BASE_URL ?? (emulator ? `http://127.0.0.1:${env.PORT}` : "https://api.line.me"),
  );
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN,
    emulator,
    channelSecret: env.LINE_CHANNEL_SECRET ?? randomSecret(),
    // In emulator mode a new token each start: the mock API answers only whoever holds it (the
    // app, and `npm run admin` through emulatorTokenFile)
    channelAccessToken: env.LINE_CHANNEL_ACCESS_TOKEN ?? randomSecret(),
    lineApiBaseUrl,
    lineApiDataBaseUrl: stripSlash(
      env.LINE_API_DATA_BASE_URL ??
        // never send the token to real LINE from a command aimed at a mock
        (lineApiBaseUrl === "https://api.line.me" ? "https://api-data.line.me" : lineApiBaseUrl),
    ),
    publicBaseUrl,
    lineFriendUrl: env.LINE_FRIEND_URL ?? (emulator ? `${publicBaseUrl}/emulator` : undefined),
    checkinReminderHours: env.CHECKIN_REMINDER_HOURS,
    pushBudgetPerMonth: env.PUSH_BUDGET_PER_MONTH,
    crisisContacts: env.CRISIS_CONTACTS ?? defaultCrisisContacts,
    textModelPath: env.TEXT_MODEL_PATH,
  };
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

function generateSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
