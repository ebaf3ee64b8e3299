// The thread of node-multicast.ts: multicasts through the SDK, paced here at LINE's limit.
import { parentPort, workerData } from "node:worker_threads";
import * as z from "zod";
import { createLineApi, type SendResult } from "./api";
import { multicastThreadSettingsSchema, type MulticastRequest } from "./node-multicast";

const port = parentPort;
if (port === null) throw new Error("multicast-thread.ts runs as a worker thread only");
const settings = multicastThreadSettingsSchema.parse(workerData);
const line = createLineApi({
  channelAccessToken: settings.channelAccessToken,
  baseUrl: settings.baseUrl,
  multicastPerSecond: settings.perSecond,
});
const network: SendResult = { ok: false, retryable: true, error: "network" };

const recipientsSchema = z.array(z.string());

port.on("message", (request: MulticastRequest) => {
  void Promise.resolve()
    .then(() =>
      line.multicast(
        recipientsSchema.parse(JSON.parse(request.to)),
        request.messages,
        request.retryKey,
      ),
    )
    .catch(() => network)
    .then((result) => {
      port.postMessage({ id: request.id, result });
    });
});
port.postMessage({ ready: true });
