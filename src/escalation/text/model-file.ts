// Reads the model file from disk on Node: a missing or broken file stops start-up with one clear line.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadTextModel, ModelError, type TextModel } from "./model";

/** The committed model, beside the sources: `npm run train:classifier` writes it. */
export const defaultModelPath = fileURLToPath(
  new URL("../../../model/text-classifier.json", import.meta.url),
);

export function readTextModelFile(path: string = defaultModelPath): TextModel {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new ModelError(`text model ${path} cannot be read (${code})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ModelError(`text model ${path} is not JSON (corrupt or cut short)`);
  }
  try {
    return loadTextModel(parsed);
  } catch (error) {
    if (error instanceof ModelError) throw new ModelError(`text model ${path}: ${error.message}`);
    throw error;
  }
}
