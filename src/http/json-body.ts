// Reading a request body as JSON, the one way: each caller answers a body that is not JSON in its
// own words (the staff API and the emulator with their error body, the mock LINE API as LINE does).
export type JsonBody = { ok: true; value: unknown } | { ok: false };

export async function jsonBodyOf(request: Request): Promise<JsonBody> {
  try {
    return { ok: true, value: (await request.json()) as unknown };
  } catch {
    return { ok: false };
  }
}
