// What LINE accepts as one message, and how many of them one send may carry.
import type { messagingApi } from "@line/bot-sdk";

export type OutMessage = messagingApi.Message;
