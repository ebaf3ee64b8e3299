// One scheduler tick, the same on Node (an interval) and Workers (a Cron Trigger).
import type { Config } from "../core/config";
import { describeError } from "../core/log";
import { runAlertSweeps } from "./alert-sweeps";
import { runCheckinSchedule } from "../checkins/send";
import { sendPulses } from "./pulse";
import { deliverDue, type DeliveryDeps } from "../outbox/delivery";
import { runRetention } from "./retention";

export interface TickReport {
  delivered: number;
}

export type TickDeps = DeliveryDeps & { config: Config };

/**
 * Weekly check-ins and the escalation sweeps first (they fill the outbox), then delivery, then
 * (once a day) the retention job, last so that it never holds a message back.
 */
export async function runTick(deps: TickDeps): Promise<TickReport> {
  try {
    await runCheckinSchedule({
      ...deps,
      settings: {
        reminderAfterHours: deps.config.checkinReminderHours,
        pushBudgetPerMonth: deps.config.pushBudgetPerMonth,
      },
    });
  } catch (error) {
    deps.log.error("tick.schedule_failed", describeError(error));
  }
  try {
    await sendPulses({ ...deps, pushBudgetPerMonth: deps.config.pushBudgetPerMonth });
  } catch (error) {
    deps.log.error("tick.pulse_failed", describeError(error));
  }
  // the sweeps catch their own errors, one by one
  await runAlertSweeps({ ...deps, baseUrl: deps.config.publicBaseUrl });
  let delivered = 0;
  try {
    // drain what is due, a batch at a time, without letting one tick run forever
    for (let round = 0; round < 10; round++) {
      const handled = await deliverDue(deps, 100);
      delivered += handled;
      if (handled < 100) break;
    }
  } catch (error) {
    deps.log.error("tick.failed", describeError(error));
  }
  try {
    await runRetention(deps);
  } catch (error) {
    deps.log.error("tick.retention_failed", describeError(error));
  }
  return { delivered };
}

/** Runs `tick` every `everyMs` on Node, never two at once. Returns a stopper. */
export function startTicker(tick: () => Promise<unknown>, everyMs: number): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = tick().finally(() => {
      running = null;
    });
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
