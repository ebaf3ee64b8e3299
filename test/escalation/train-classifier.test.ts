// npm run train:classifier reproduces the committed model from the train split, bit for bit.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultModelPath } from "../../src/escalation/text/model-file";
import { readCorpusDir } from "../../scripts/classifier/corpus";
import { trainDir } from "../../scripts/classifier/split";
import {
  chooseThresholds,
  corpusDigest,
  crossValidate,
  trainModel,
} from "../../scripts/classifier/train";

describe("training", () => {
  it("reproduces the committed weights and thresholds from the train split", () => {
    const committed = JSON.parse(readFileSync(defaultModelPath, "utf8")) as {
      sha256: string;
      trainedOn: { rows: number; corpusSha256: string };
    };
    const rows = readCorpusDir(trainDir);
    expect(committed.trainedOn).toEqual({ rows: rows.length, corpusSha256: corpusDigest(rows) });
    const model = trainModel(rows, chooseThresholds(crossValidate(rows)));
    expect(model.sha256).toBe(committed.sha256);
  }, 300_000);
});
