// A clock tests move by hand.
export interface TestClock {
  (): number;
  advance(ms: number): void;
  set(ms: number): void;
}

export function createTestClock(start = Date.UTC(2026, 10, 20, 9, 0, 0)): TestClock {
  let now = start;
  const clock = (() => now) as TestClock;
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (ms) => {
    now = ms;
  };
  return clock;
}
