// The committed text model, loaded once for every test that reads words.
import { createClassifier } from "../../src/escalation/classifier";
import { readTextModelFile } from "../../src/escalation/text/model-file";

export const testModel = readTextModelFile();
export const testClassifier = createClassifier(testModel);
