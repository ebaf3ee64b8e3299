// Worker entry of mock-line-thread.ts: serves a MockLine on loopback and reports what it took.
import { parentPort, workerData } from "node:worker_threads";
import { MockLine, type Endpoint } from "../src/emulator/mock-line";
import { serveMockLine } from "./mock-line-server";
import { commandSchema, workerDataSchema, type MockLineTally } from "./mock-line-thread";

const port = parentPort;
if (port === null) throw new Error("mock-line-worker.ts runs as a worker thread only");
const { accessToken, options } = workerDataSchema.parse(workerData);
const mock = new MockLine(accessToken);
const server = await serveMockLine(mock, options);
port.postMessage({ type: "ready", url: server.url });

port.on("message", (raw: unknown) => {
  const command = commandSchema.parse(raw);
  if (command === "tally") {
    port.postMessage({ type: "tally", tally: tally() });
    return;
  }
  void server.close().then(() => {
    port.postMessage({ type: "closed" });
  });
});

function tally(): MockLineTally {
  const accepted = (endpoint: Endpoint) => {
    const requests = mock.requests.filter((request) => request.endpoint === endpoint);
    const recipients = requests.flatMap((request) => request.recipients);
    return {
      calls: requests.length,
      recipients: recipients.length,
      distinctRecipients: new Set(recipients).size,
    };
  };
  const statuses: Record<string, number> = {};
  for (const call of mock.calls) statuses[call.status] = (statuses[call.status] ?? 0) + 1;
  return {
    accepted: {
      reply: accepted("reply"),
      push: accepted("push"),
      multicast: accepted("multicast"),
    },
    throttled: { ...server.throttled },
    statuses,
  };
}
