// @ts-check
// The emulator chat page's behaviour (markup in page.tsx): choosing personas, sending, polling.
import { el, isObject, renderEntry, renderQuickReplies } from "./chat-render.js";
import { state, ui } from "./chat-state.js";

/**
 * @typedef {import("./emulator").Persona} Persona
 * @typedef {import("./chat-render.js").Json} Json
 * @typedef {import("./chat-render.js").Action} Action
 */

const storageKey = "tsunagi.emulator.userId";
const pollEveryMs = 700;

// ---- small helpers ----------------------------------------------------------------------

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
  renderQuickReplies(null, send);
  clearError();
  store(userId);
  renderPersonaState();
  refreshRichMenu();
  if (userId) poll();
}

function refreshRichMenu() {
  loadRichMenu().catch((error) =>
    showError("richmenu", "メニューを よめませんでした（" + reason(error) + "）。"),
  );
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
  for (const control of [ui.input, ui.send, ui.sticker, ui.image, ...richMenuButtons()]) {
    control.disabled = !chosen;
  }
}

// ---- the rich menu ----------------------------------------------------------------------

function richMenuButtons() {
  return Array.from(ui.richMenu.querySelectorAll("button"));
}

/**
 * Asks which menu LINE shows the chosen persona (their own, else the channel's default; for
 * nobody, the default) and draws it when it changed: linking a person changes it.
 */
async function loadRichMenu() {
  const userId = state.userId;
  const body = /** @type {Json} */ (
    await api(
      "GET",
      "/emulator/api/richmenu" + (userId ? "?userId=" + encodeURIComponent(userId) : ""),
    )
  );
  if (userId !== state.userId) return;
  const shown = userId + " " + String(body.richMenuId);
  if (shown === state.richMenuShown) return;
  state.richMenuShown = shown;
  const items = Array.isArray(body.items) ? body.items.filter(isObject) : [];
  ui.richMenuNav.hidden = items.length === 0;
  ui.richMenuBarText.textContent =
    typeof body.chatBarText === "string" ? body.chatBarText : "メニュー";
  ui.richMenu.dataset.count = String(items.length);
  ui.richMenu.dataset.role = typeof body.role === "string" ? body.role : "";
  ui.richMenu.replaceChildren(...items.map(richMenuButton));
  renderPersonaState();
}

/** @param {Json} item */
function richMenuButton(item) {
  const button = el("button", "richmenu-item");
  button.type = "button";
  button.dataset.testid = "richmenu-item";
  const icon = typeof item.icon === "string" ? item.icon : "";
  button.dataset.icon = icon;
  const picture = ui.richMenuIcons.content.querySelector('[data-icon="' + icon + '"] svg');
  if (picture) button.append(picture.cloneNode(true));
  button.append(el("span", "richmenu-label", typeof item.label === "string" ? item.label : ""));
  if (typeof item.text === "string") {
    const text = item.text;
    button.dataset.text = text;
    // As on LINE, a rich-menu tap is the person's own text message, not a postback.
    button.addEventListener("click", () => send({ type: "text", text }));
  } else if (typeof item.uri === "string" && /^https?:/.test(item.uri)) {
    const uri = item.uri;
    button.dataset.uri = uri;
    button.addEventListener("click", () => window.open(uri, "_blank", "noopener"));
  }
  return button;
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
  renderQuickReplies(null, send);
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
      // a link code may just have changed the persona's menu (the outbox links it)
      await loadRichMenu();
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
    renderEntry(entry, message, send);
  }
  if (!added) return;
  if (quickReply !== undefined) renderQuickReplies(quickReply, send);
  const last = items[items.length - 1];
  if (atBottom || (isObject(last) && last.from === "user")) {
    ui.chat.scrollTop = ui.chat.scrollHeight;
  }
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
    else refreshRichMenu();
  })
  .catch((error) =>
    showError("persona", "人の 一覧を よめませんでした（" + reason(error) + "）。"),
  );
