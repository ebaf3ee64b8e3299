// Structured logs, one JSON line each. Only ids, counts and codes: never message text or secrets.
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export function createLogger(write: (line: string) => void = (line) => console.log(line)): Logger {
  const emit = (level: string, event: string, fields: LogFields = {}) => {
    write(JSON.stringify({ level, event, ...fields, time: new Date().toISOString() }));
  };
  return {
    info: (event, fields) => emit("info", event, fields),
    warn: (event, fields) => emit("warn", event, fields),
    error: (event, fields) => emit("error", event, fields),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** What of an unexpected error may be logged: its kind and code, not its payload. */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { errorName: error.name, errorCode: typeof code === "string" ? code : undefined };
  }
  return { errorName: typeof error };
}
