// Time as a dependency: logic asks the clock it was given, so tests can set it to the minute.
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
