// Operator CLI: `npm run admin -- <command> [flags]`; one JSON object on stdout, errors on stderr.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { installRichMenus, RichMenuError } from "../line/rich-menu";
import { defaultRichMenuImageDir, readRichMenuImages } from "../line/rich-menu-images";
import { replaceRichMenus } from "../store/rich-menus";
import { bootstrap, bootstrapInputSchema } from "../staff/accounts";
import { EmailTakenError } from "../store/staff";
import { resetPasswordByEmail } from "../staff/accounts";
import { AppError } from "../core/errors";
import { openStore } from "../store/open-node";
import { ConfigError, emulatorTokenFile, loadConfig } from "../core/config";

class UsageError extends Error {}

const usage = `usage: npm run admin -- <command> [flags]
commands:
  bootstrap --center "<name>" --email <email> [--name "<display name>"]
      creates a center and its first supervisor; prints the one-time password
  reset-password --email <email>
      a new one-time password for a staff member (a locked-out last supervisor);
      ends their sessions and reactivates the account
  richmenu [--images <dir>]
      creates one rich menu per role (guest, registrant, employer_contact, staff) with
      its image <dir>/richmenu-<role>.png or .jpg (default assets/), makes the guest
      menu every friend's default, records the ids in the database (the bot links
      each person's menu by role) and deletes the menus an earlier run installed`;

/** The token a running `npm start` in emulator mode left beside its database. */
async function runningEmulatorToken(databaseUrl: string): Promise<string> {
  const file = emulatorTokenFile(databaseUrl);
  const token =
    file === undefined ? undefined : await readFile(file, "utf8").catch(() => undefined);
  if (!token) {
    throw new UsageError(
      "no LINE_CHANNEL_ACCESS_TOKEN, and no running emulator for this DATABASE_URL (start it with npm start)",
    );
  }
  return token.trim();
}

async function main(argv: string[]): Promise<unknown> {
  const [command, ...rest] = argv;
  // asked for: the usage on stdout, and success, before any setting is read
  if (command === "help" || command === "--help" || command === "-h") return { usage };
  const config = loadConfig(process.env);
  switch (command) {
    case "bootstrap": {
      const { values } = parseArgs({
        args: rest,
        options: {
          center: { type: "string" },
          email: { type: "string" },
          name: { type: "string" },
        },
        strict: true,
      });
      const input = bootstrapInputSchema.safeParse({
        center: values.center,
        email: values.email,
        displayName: values.name,
      });
      if (!input.success) {
        const issue = input.error.issues[0];
        throw new UsageError(
          `--${String(issue?.path[0] ?? "?")} ${issue?.message ?? "is invalid"}`,
        );
      }
      const store = await openStore({
        url: config.databaseUrl,
        authToken: config.databaseAuthToken,
      });
      try {
        return await bootstrap(store, input.data, Date.now());
      } finally {
        store.close();
      }
    }
    case "reset-password": {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: "string" } },
        strict: true,
      });
      if (!values.email?.trim()) throw new UsageError("--email is required");
      const store = await openStore({
        url: config.databaseUrl,
        authToken: config.databaseAuthToken,
      });
      try {
        return await resetPasswordByEmail(store, values.email);
      } catch (error) {
        if (error instanceof AppError) throw new UsageError(error.message);
        throw error;
      } finally {
        store.close();
      }
    }
    case "richmenu": {
      const { values } = parseArgs({
        args: rest,
        options: { images: { type: "string", default: defaultRichMenuImageDir } },
        strict: true,
      });
      const images = await readRichMenuImages(values.images);
      const channelAccessToken = config.emulator
        ? await runningEmulatorToken(config.databaseUrl)
        : config.channelAccessToken;
      const store = await openStore({
        url: config.databaseUrl,
        authToken: config.databaseAuthToken,
      });
      try {
        const installed = await installRichMenus({
          channelAccessToken,
          baseUrl: config.lineApiBaseUrl,
          dataBaseUrl: config.lineApiDataBaseUrl,
          publicBaseUrl: config.publicBaseUrl,
          images,
          record: (ids) => store.write((tx) => replaceRichMenus(tx, ids, Date.now())),
        });
        return { richMenuIds: installed.richMenuIds, deleted: installed.deleted };
      } finally {
        store.close();
      }
    }
    case undefined:
      throw new UsageError(usage);
    default:
      throw new UsageError(`unknown command "${command}"\n${usage}`);
  }
}

main(process.argv.slice(2)).then(
  (result) => {
    process.stdout.write(
      typeof result === "object" && result !== null && "usage" in result
        ? `${String(result.usage)}\n`
        : JSON.stringify(result) + "\n",
    );
  },
  (error: unknown) => {
    if (error instanceof EmailTakenError) {
      process.stderr.write("error: that email already has an account\n");
    } else if (
      error instanceof UsageError ||
      error instanceof ConfigError ||
      error instanceof RichMenuError
    ) {
      process.stderr.write(`error: ${error.message}\n`);
    } else if (error instanceof TypeError && "code" in error) {
      // parseArgs reports unknown or malformed flags as a TypeError with a code
      process.stderr.write(`error: ${error.message}\n${usage}\n`);
    } else {
      process.stderr.write(`error: ${error instanceof Error ? error.name : "unknown failure"}\n`);
    }
    process.exitCode = 1;
  },
);
