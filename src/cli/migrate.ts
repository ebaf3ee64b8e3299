// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (Turso, sqld or a file).
import { ConfigError, loadConfig } from "../core/config";
import { openStore } from "../store/open-node";

try {
  const config = loadConfig(process.env);
  const store = await openStore({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  store.close();
  process.stdout.write(JSON.stringify({ migrated: true }) + "\n");
} catch (error) {
  const message = error instanceof ConfigError ? error.message : "migration failed";
  process.stderr.write(`error: ${message}\n`);
  if (!(error instanceof ConfigError)) console.error(error);
  process.exitCode = 1;
}
