// npm run train:classifier: cross-validates on the train split, sets the thresholds, trains and writes the model file.
import { writeFileSync } from "node:fs";
import { modelFindings } from "../../src/escalation/classifier";
import { categoryKeys } from "../../src/vocabulary/categories";
import { severitySteps, type ModelScores } from "../../src/escalation/text/model";
import { readByRules } from "../../src/escalation/text/rule-reading";
import { combine } from "../../src/escalation/classifier";
import { readCorpusDir } from "./corpus";
import { evaluate, predictionOf, reportTable } from "./evaluate";
import { trainDir } from "./split";
import { chooseThresholds, crossValidate, trainModel } from "./train";

export const modelPath = new URL("../../model/text-classifier.json", import.meta.url).pathname;

function scoresOf(outputs: Float64Array): ModelScores {
  const at = (k: number) => outputs[k] ?? 0;
  return {
    severity: { low: at(0), normal: at(1), high: at(2), urgent: at(3) },
    harmToOthers: at(severitySteps.length),
    categories: Object.fromEntries(
      categoryKeys.map((category, k) => [category, at(severitySteps.length + 1 + k)]),
    ) as ModelScores["categories"],
  };
}

const started = Date.now();
const rows = readCorpusDir(trainDir);
const oof = crossValidate(rows);
const thresholds = chooseThresholds(oof);
const model = trainModel(rows, thresholds);
writeFileSync(modelPath, `${JSON.stringify(model)}\n`);

// out-of-fold figures: on the train split, each row scored by a model that never saw its family
const rules = rows.map((row) => readByRules(row.text));
const modelOnly = oof.scores.map((outputs) => modelFindings(scoresOf(outputs), thresholds));
const combined = rows.map((_, i) =>
  combine(
    rules[i]?.findings ?? [],
    rules[i]?.defused ?? false,
    modelOnly[i] ?? [],
    oof.scores[i]?.[3] ?? 0,
    thresholds.confident,
  ),
);
console.log(
  `trained on ${rows.length} rows in ${((Date.now() - started) / 1000).toFixed(1)} s; ${model.featureCount} features`,
);
console.log(`thresholds ${JSON.stringify(thresholds)}`);
console.log(
  `out-of-fold on the train split (${rows.length} rows; the frozen split is not read here):`,
);
for (const line of reportTable({
  rules: evaluate(
    rows,
    rules.map((r) => predictionOf(r.findings)),
  ),
  model: evaluate(rows, modelOnly.map(predictionOf)),
  combined: evaluate(rows, combined.map(predictionOf)),
})) {
  console.log(line);
}
console.log(`wrote ${modelPath} (sha256 ${model.sha256})`);
