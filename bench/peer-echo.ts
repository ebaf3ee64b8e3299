// The webhook benchmark's peer: the canonical Express + @line/bot-sdk echo bot, which records nothing.
import { messagingApi, middleware, type webhook } from "@line/bot-sdk";
import express from "express";

// As the SDK's own echo-bot example has it: `middleware` checks the signature and parses the
// body, each text message is echoed through `replyMessage`, and the answer waits for the replies
// (Tsunagi answers after its commit and replies after answering, so this peer's latency includes
// a reply and Tsunagi's does not). The bench starts it with the app's variables and PORT.

function setting(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`${name} is not set`);
  return value;
}

const channelSecret = setting("LINE_CHANNEL_SECRET");
const client = new messagingApi.MessagingApiClient({
  channelAccessToken: setting("LINE_CHANNEL_ACCESS_TOKEN"),
  baseURL: setting("LINE_API_BASE_URL"),
});

function handleEvent(event: webhook.Event) {
  if (event.type !== "message" || event.message.type !== "text" || !event.replyToken) {
    return Promise.resolve(null);
  }
  return client.replyMessage({
    replyToken: event.replyToken,
    messages: [{ type: "text", text: event.message.text }],
  });
}

const app = express();
app.get("/healthz", (_req, res) => {
  res.send("ok");
});
app.post("/webhook", middleware({ channelSecret }), (req, res) => {
  const body = req.body as webhook.CallbackRequest;
  Promise.all(body.events.map(handleEvent))
    .then((result) => res.json(result))
    .catch((error: unknown) => {
      console.error(error);
      res.status(500).end();
    });
});

const server = app.listen(Number(setting("PORT")), "127.0.0.1");
process.once("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
