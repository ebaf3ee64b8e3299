// @ts-check
// How the emulator chat draws the transcript: messages as bubbles, their buttons, quick replies.
import { state, ui } from "./chat-state.js";

/**
 * @typedef {Record<string, unknown>} Json  a JSON object read from the API, not yet trusted
 * @typedef {{ type: string } & Json} Action  what /emulator/api/send takes besides the userId
 * @typedef {(action: Action) => unknown} Send  sends an action as the chosen persona
 */

const safeSchemes = ["http:", "https:", "tel:", "mailto:"];

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 */
export function el(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * @param {unknown} value
 * @returns {value is Json}
 */
export function isObject(value) {
  return typeof value === "object" && value !== null;
}

/** @param {unknown} value */
function str(value) {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

// ---- buttons ----------------------------------------------------------------------------

/**
 * @param {unknown} action
 * @returns {Action | null}
 */
function actionToSend(action) {
  if (!isObject(action)) return null;
  if (action.type === "message" && str(action.text)) return { type: "text", text: action.text };
  if (action.type === "postback" && str(action.data)) {
    const displayText = str(action.displayText) || str(action.label);
    return displayText
      ? { type: "postback", data: action.data, displayText }
      : { type: "postback", data: action.data };
  }
  return null;
}

/** @param {unknown} uri */
function safeUri(uri) {
  const text = str(uri);
  if (!text) return undefined;
  try {
    const url = new URL(text, location.href);
    return safeSchemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param {unknown} action
 * @param {string} className
 * @param {string} testId
 * @param {Send} send
 */
function actionControl(action, className, testId, send) {
  const label = (isObject(action) && (str(action.label) || str(action.text))) || "（ボタン）";
  const href = isObject(action) && action.type === "uri" ? safeUri(action.uri) : undefined;
  if (href) {
    const link = el("a", className, label);
    link.href = href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.dataset.testid = testId;
    return link;
  }
  const button = el("button", className, label);
  button.type = "button";
  button.dataset.testid = testId;
  const outgoing = actionToSend(action);
  if (outgoing) {
    button.addEventListener("click", () => send(outgoing));
  } else {
    button.disabled = true;
    button.title = "エミュレータでは つかえない ボタンです";
  }
  return button;
}

// ---- the transcript ---------------------------------------------------------------------

/**
 * @param {Json} entry
 * @param {Json} message
 * @param {Send} send
 */
export function renderEntry(entry, message, send) {
  const at = new Date(typeof entry.at === "number" ? entry.at : Date.now());
  const day = at.toLocaleDateString("ja-JP", {
    month: "numeric",
    day: "numeric",
    weekday: "short",
  });
  if (day !== state.lastDay) {
    state.lastDay = day;
    state.lastFrom = "";
    ui.transcript.append(el("li", "day", day));
  }
  const time = at.toLocaleTimeString("ja-JP", { hour: "2-digit", minute: "2-digit" });
  if (entry.from === "bot") {
    appendRow("bot", botBubble(message, send), time);
  } else if (message.type === "follow") {
    appendNote("友だち追加しました");
  } else if (message.type === "unfollow") {
    appendNote("ブロックしました");
  } else {
    appendRow("user", userBubble(message), time);
  }
}

/** @param {string} text */
function appendNote(text) {
  const note = el("li", "system-note", text);
  note.dataset.testid = "system-note";
  ui.transcript.append(note);
  state.lastFrom = "";
}

/**
 * @param {"bot" | "user"} from
 * @param {HTMLElement} bubble
 * @param {string} time
 */
function appendRow(from, bubble, time) {
  const row = el("li", "row row-" + from);
  const body = el("div", "row-body");
  const line = el("div", "row-line");
  bubble.dataset.testid = "bubble-" + from;
  line.append(bubble, el("span", "time", time));
  if (from === "bot") {
    // Like LINE: the icon and name only open a run of bot messages.
    if (state.lastFrom === "bot") row.classList.add("is-continued");
    else body.append(el("span", "row-name", "つなぎ"));
    const avatar = el("div", "avatar", "つ");
    avatar.setAttribute("aria-hidden", "true");
    row.append(avatar);
  }
  body.append(line);
  row.append(body);
  ui.transcript.append(row);
  state.lastFrom = from;
}

/** @param {Json} message */
function userBubble(message) {
  switch (message.type) {
    case "text":
      return el("div", "bubble bubble-user", String(message.text ?? ""));
    case "postback": {
      const displayText = str(message.displayText);
      return displayText
        ? el("div", "bubble bubble-user", displayText)
        : el("div", "bubble bubble-user bubble-muted", "(ボタン)");
    }
    case "sticker":
      return el("div", "bubble bubble-user bubble-placeholder", "（スタンプ）");
    case "image":
      return el("div", "bubble bubble-user bubble-placeholder", "（画像）");
    default:
      return el("div", "bubble bubble-user bubble-muted", "(" + String(message.type) + ")");
  }
}

/**
 * @param {Json} message
 * @param {Send} send
 */
function botBubble(message, send) {
  switch (message.type) {
    case "text":
      return el("div", "bubble bubble-bot", String(message.text ?? ""));
    case "sticker":
      return el("div", "bubble bubble-bot bubble-placeholder", "（スタンプ）");
    case "image":
      return el("div", "bubble bubble-bot bubble-placeholder", "（画像）");
    case "flex":
      return flexBubble(message, send);
    case "template":
      return templateBubble(message, send);
    default:
      return unsupported(String(message.type));
  }
}

/**
 * A Flex card as the bot builds them: boxes of words, separators and buttons (stacked, or side by
 * side in a row). Anything else in a card shows its alt text.
 * @param {Json} message
 * @param {Send} send
 */
function flexBubble(message, send) {
  /** @type {Json} */
  const contents = isObject(message.contents) ? message.contents : {};
  if (contents.type !== "bubble") {
    return el("div", "bubble bubble-bot", String(message.altText ?? ""));
  }
  const bubble = el("div", "bubble bubble-bot bubble-card");
  for (const part of ["header", "body", "footer"]) {
    const node = contents[part];
    if (isObject(node)) bubble.append(flexNode(node, send));
  }
  // a card with nothing this page can draw shows its alt text, as a phone without Flex would
  if (bubble.childElementCount === 0) {
    return el("div", "bubble bubble-bot", String(message.altText ?? ""));
  }
  return bubble;
}

/**
 * @param {Json} node
 * @param {Send} send
 * @returns {HTMLElement}
 */
function flexNode(node, send) {
  switch (node.type) {
    case "box": {
      const box = el("div", node.layout === "horizontal" ? "card-row" : "card-column");
      for (const child of Array.isArray(node.contents) ? node.contents : []) {
        if (isObject(child)) box.append(flexNode(child, send));
      }
      return box;
    }
    case "text":
      return el("p", "card-text", String(node.text ?? ""));
    case "separator":
      return el("hr", "card-separator");
    case "button": {
      const strong = node.style === "primary" ? " is-strong" : "";
      return actionControl(node.action, "card-button" + strong, "card-button", send);
    }
    default:
      return el("span", "card-unsupported", "");
  }
}

/** @param {string} type */
function unsupported(type) {
  return el("div", "bubble bubble-bot bubble-unsupported", "(未対応のメッセージ: " + type + ")");
}

/**
 * @param {Json} message
 * @param {Send} send
 */
function templateBubble(message, send) {
  /** @type {Json} */
  const template = isObject(message.template) ? message.template : {};
  if (template.type !== "buttons" && template.type !== "confirm") {
    return unsupported("template/" + String(template.type));
  }
  const bubble = el("div", "bubble bubble-bot bubble-template");
  const body = el("div", "template-body");
  const title = str(template.title);
  if (title) body.append(el("p", "template-title", title));
  body.append(el("p", "template-text", String(template.text ?? "")));
  const actions = el("div", "template-actions");
  if (template.type === "confirm") actions.classList.add("is-confirm");
  for (const action of Array.isArray(template.actions) ? template.actions : []) {
    actions.append(actionControl(action, "template-action", "template-action", send));
  }
  bubble.append(body, actions);
  return bubble;
}

/**
 * @param {unknown[] | null} items
 * @param {Send} send
 */
export function renderQuickReplies(items, send) {
  ui.quickReplies.replaceChildren();
  for (const item of items || []) {
    if (!isObject(item)) continue;
    ui.quickReplies.append(actionControl(item.action, "quick-reply", "quick-reply", send));
  }
  ui.quickReplies.hidden = ui.quickReplies.childElementCount === 0;
}
