// @ts-check
// The emulator chat page's behaviour (markup in page.tsx), served as /emulator/chat.js.

/**
 * @typedef {import("./emulator").Persona} Persona
 * @typedef {Record<string, unknown>} Json  a JSON object read from the API, not yet trusted
 * @typedef {{ type: string } & Json} Action  what /emulator/api/send takes besides the userId
 */

const storageKey = "tsunagi.emulator.userId";
const pollEveryMs = 700;
const safeSchemes = ["http:", "https:", "tel:", "mailto:"];

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
const byId = (id, type) => {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error("chat.js: missing #" + id);
  return element;
};

const ui = {
  select: byId("persona-select", HTMLSelectElement),
  personaForm: byId("persona-form", HTMLFormElement),
  personaName: byId("persona-name", HTMLInputElement),
  block: byId("block", HTMLButtonElement),
  banner: byId("friend-banner", HTMLElement),
  bannerText: byId("friend-banner-text", HTMLElement),
  follow: byId("follow", HTMLButtonElement),
  chat: byId("chat", HTMLElement),
  empty: byId("empty", HTMLElement),
  transcript: byId("transcript", HTMLElement),
  quickReplies: byId("quick-replies", HTMLElement),
  error: byId("error", HTMLElement),
  composer: byId("composer", HTMLFormElement),
  input: byId("message-input", HTMLInputElement),
  send: byId("send", HTMLButtonElement),
  sticker: byId("sticker", HTMLButtonElement),
  image: byId("image", HTMLButtonElement),
  richMenuToggle: byId("richmenu-toggle", HTMLButtonElement),
  richMenuArrow: byId("richmenu-arrow", HTMLElement),
  richMenu: byId("richmenu-items", HTMLElement),
};

const richMenuItems = Array.from(
  ui.richMenu.querySelectorAll("[data-testid=richmenu-item]"),
).filter((item) => item instanceof HTMLButtonElement);

const state = {
  /** @type {Persona[]} */
  personas: [],
  userId: "",
  // Bumped on every persona switch so that answers for the previous persona are dropped.
  generation: 0,
  lastSeq: 0,
  lastFrom: "",
  lastDay: "",
  polling: false,
  pollAgain: false,
  timer: 0,
  errorSource: "",
  /** @type {Promise<void>} */
  sending: Promise.resolve(),
};

// ---- small helpers ----------------------------------------------------------------------

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 */
function el(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * @param {unknown} value
 * @returns {value is Json}
 */
function isObject(value) {
  return typeof value === "object" && value !== null;
}

/** @param {unknown} value */
function str(value) {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** @param {unknown} error */
function reason(error) {
  return error instanceof Error ? error.message : String(error);
}

function readStored() {
  try {
    return localStorage.getItem(storageKey) || "";
  } catch {
    return "";
  }
}

/** @param {string} userId */
function store(userId) {
  try {
    if (userId) localStorage.setItem(storageKey, userId);
    else localStorage.removeItem(storageKey);
  } catch {
    // Private windows may refuse storage; the page still works, it just forgets.
  }
}

/**
 * @param {string} source
 * @param {string} message
 */
function showError(source, message) {
  state.errorSource = source;
  ui.error.textContent = message;
  ui.error.hidden = false;
}

/** @param {string} [source] */
function clearError(source) {
  if (source && state.errorSource !== source) return;
  state.errorSource = "";
  ui.error.textContent = "";
  ui.error.hidden = true;
}

/**
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<unknown>}
 */
async function api(method, path, body) {
  /** @type {RequestInit & { headers: Record<string, string> }} */
  const init = { method, headers: { accept: "application/json" } };
  if (body !== undefined) {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) throw new Error("HTTP " + response.status);
  return response.json();
}

function currentPersona() {
  return state.personas.find((persona) => persona.userId === state.userId);
}

// ---- personas ---------------------------------------------------------------------------

async function loadPersonas() {
  const body = /** @type {{ items: Persona[] }} */ (await api("GET", "/emulator/api/personas"));
  state.personas = Array.isArray(body.items) ? body.items.filter(isObject) : [];
  const keep = ui.select.value || state.userId;
  const placeholder = el("option", "", "えらんで ください");
  placeholder.value = "";
  ui.select.replaceChildren(placeholder);
  for (const persona of state.personas) {
    const option = el("option", "", persona.displayName);
    option.value = persona.userId;
    ui.select.append(option);
  }
  ui.select.value = state.personas.some((p) => p.userId === keep) ? keep : "";
  renderPersonaState();
}

/** @param {string} userId */
function choosePersona(userId) {
  state.userId = userId;
  state.generation += 1;
  state.lastSeq = 0;
  state.lastFrom = "";
  state.lastDay = "";
  ui.select.value = userId;
  ui.transcript.replaceChildren();
  renderQuickReplies(null);
  clearError();
  store(userId);
  renderPersonaState();
  if (userId) poll();
}

function renderPersonaState() {
  const persona = currentPersona();
  const chosen = persona !== undefined;
  ui.empty.hidden = chosen;
  ui.block.hidden = !(chosen && persona.following);
  ui.banner.hidden = !chosen || persona.following;
  if (chosen && !persona.following) {
    ui.follow.textContent = persona.blockedBefore ? "ブロック解除" : "友だち追加";
    ui.bannerText.textContent = persona.blockedBefore
      ? "つなぎ を ブロック しています。"
      : "つなぎ は まだ 友だちでは ありません。";
  }
  for (const control of [ui.input, ui.send, ui.sticker, ui.image, ...richMenuItems]) {
    control.disabled = !chosen;
  }
}

/** @param {string} displayName */
async function createPersona(displayName) {
  try {
    const persona = /** @type {Persona} */ (
      await api("POST", "/emulator/api/personas", { displayName })
    );
    ui.personaName.value = "";
    await loadPersonas();
    choosePersona(persona.userId);
  } catch (error) {
    showError("persona", "人を 作成できませんでした（" + reason(error) + "）。");
  }
}

// ---- sending ----------------------------------------------------------------------------

// Sends go one after another so that two quick taps reach the bot in the order they were made.
/** @param {Action} action */
function send(action) {
  const userId = state.userId;
  if (!userId) return Promise.resolve();
  // As in LINE: the quick replies go away as soon as the user does anything.
  renderQuickReplies(null);
  state.sending = state.sending.then(() => deliver(userId, action));
  return state.sending;
}

/**
 * @param {string} userId
 * @param {Action} action
 */
async function deliver(userId, action) {
  try {
    const body = /** @type {{ webhookStatus: number }} */ (
      await api("POST", "/emulator/api/send", Object.assign({ userId }, action))
    );
    if (body.webhookStatus === 200) clearError();
    else showError("send", "Webhook の こたえが " + body.webhookStatus + " でした。");
  } catch (error) {
    showError("send", "おくれませんでした（" + reason(error) + "）。");
  }
  if (action.type === "follow" || action.type === "unfollow") {
    const persona = state.personas.find((p) => p.userId === userId);
    if (persona) {
      persona.following = action.type === "follow";
      if (action.type === "unfollow") persona.blockedBefore = true;
    }
    renderPersonaState();
    loadPersonas().catch(() => {});
  }
  if (userId === state.userId) poll();
}

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
 */
function actionControl(action, className, testId) {
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

async function poll() {
  if (state.polling) {
    state.pollAgain = true;
    return;
  }
  window.clearTimeout(state.timer);
  const userId = state.userId;
  if (!userId) return;
  const generation = state.generation;
  state.polling = true;
  try {
    const body = /** @type {{ items: unknown }} */ (
      await api(
        "GET",
        "/emulator/api/transcript?userId=" + encodeURIComponent(userId) + "&after=" + state.lastSeq,
      )
    );
    if (generation === state.generation) {
      clearError("poll");
      if (Array.isArray(body.items)) appendEntries(body.items);
    }
  } catch (error) {
    if (generation === state.generation) {
      showError("poll", "サーバーに つながりません（" + reason(error) + "）。");
    }
  } finally {
    state.polling = false;
    if (state.pollAgain) {
      state.pollAgain = false;
      poll();
    } else if (state.userId) {
      state.timer = window.setTimeout(poll, pollEveryMs);
    }
  }
}

/** @param {unknown[]} items */
function appendEntries(items) {
  const atBottom = ui.chat.scrollHeight - ui.chat.scrollTop - ui.chat.clientHeight < 80;
  /** @type {unknown[] | null | undefined} */
  let quickReply;
  let added = false;
  for (const entry of items) {
    if (!isObject(entry) || typeof entry.seq !== "number" || entry.seq <= state.lastSeq) continue;
    state.lastSeq = entry.seq;
    added = true;
    /** @type {Json} */
    const message = isObject(entry.message) ? entry.message : {};
    if (entry.from === "bot") {
      const replies = isObject(message.quickReply) ? message.quickReply.items : undefined;
      quickReply = Array.isArray(replies) && replies.length > 0 ? replies : null;
    } else {
      quickReply = null;
    }
    renderEntry(entry, message);
  }
  if (!added) return;
  if (quickReply !== undefined) renderQuickReplies(quickReply);
  const last = items[items.length - 1];
  if (atBottom || (isObject(last) && last.from === "user")) {
    ui.chat.scrollTop = ui.chat.scrollHeight;
  }
}

/**
 * @param {Json} entry
 * @param {Json} message
 */
function renderEntry(entry, message) {
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
    appendRow("bot", botBubble(message), time);
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

/** @param {Json} message */
function botBubble(message) {
  switch (message.type) {
    case "text":
      return el("div", "bubble bubble-bot", String(message.text ?? ""));
    case "sticker":
      return el("div", "bubble bubble-bot bubble-placeholder", "（スタンプ）");
    case "image":
      return el("div", "bubble bubble-bot bubble-placeholder", "（画像）");
    case "flex":
      return el("div", "bubble bubble-bot", String(message.altText ?? ""));
    case "template":
      return templateBubble(message);
    default:
      return unsupported(String(message.type));
  }
}

/** @param {string} type */
function unsupported(type) {
  return el("div", "bubble bubble-bot bubble-unsupported", "(未対応のメッセージ: " + type + ")");
}

/** @param {Json} message */
function templateBubble(message) {
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
    actions.append(actionControl(action, "template-action", "template-action"));
  }
  bubble.append(body, actions);
  return bubble;
}

/** @param {unknown[] | null} items */
function renderQuickReplies(items) {
  ui.quickReplies.replaceChildren();
  for (const item of items || []) {
    if (!isObject(item)) continue;
    ui.quickReplies.append(actionControl(item.action, "quick-reply", "quick-reply"));
  }
  ui.quickReplies.hidden = ui.quickReplies.childElementCount === 0;
}

// ---- wiring -----------------------------------------------------------------------------

ui.select.addEventListener("change", () => choosePersona(ui.select.value));

ui.personaForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const displayName = ui.personaName.value.trim();
  if (displayName) createPersona(displayName);
  else ui.personaName.focus();
});

ui.follow.addEventListener("click", () => send({ type: "follow" }));
ui.block.addEventListener("click", () => send({ type: "unfollow" }));
ui.sticker.addEventListener("click", () => send({ type: "sticker" }));
ui.image.addEventListener("click", () => send({ type: "image" }));

// As on LINE, a rich-menu tap is the person's own text message, not a postback.
for (const item of richMenuItems) {
  item.addEventListener("click", () => send({ type: "text", text: item.dataset.text }));
}

ui.richMenuToggle.addEventListener("click", () => {
  const open = ui.richMenu.hidden;
  ui.richMenu.hidden = !open;
  ui.richMenuToggle.setAttribute("aria-expanded", String(open));
  ui.richMenuArrow.textContent = open ? "▼" : "▲";
});

ui.composer.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = ui.input.value;
  if (text.trim() === "") return;
  ui.input.value = "";
  send({ type: "text", text });
  ui.input.focus();
});

document.addEventListener("visibilitychange", () => {
  if (!document.hidden) poll();
});

loadPersonas()
  .then(() => {
    const stored = readStored();
    if (state.personas.some((persona) => persona.userId === stored)) choosePersona(stored);
  })
  .catch((error) =>
    showError("persona", "人の 一覧を よめませんでした（" + reason(error) + "）。"),
  );
