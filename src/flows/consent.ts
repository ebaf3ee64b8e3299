// The one shape of a consent decision a flow asks to record: always on the current text.
import type { ConsentDecision } from "../vocabulary/kinds";
import { consentTextVersion } from "../words/registrant";
import type { Effect } from "./types";

/**
 * A decision on the current consent text, for the history; with `historyOnly` the consent itself
 * stays as it is (the new text asked of, or declined by, someone whose earlier consent holds).
 */
export function consentDecided(decision: ConsentDecision, historyOnly = false): Effect {
  return {
    type: "recordConsent",
    decision,
    textVersion: consentTextVersion,
    ...(historyOnly ? { historyOnly } : {}),
  };
}
