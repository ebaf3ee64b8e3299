// The emulator's chat page: markup here, behaviour in chat.js, looks in chat.css (no inline: CSP).
import { richMenu, richMenuItems, type RichMenuItem } from "../line/rich-menu";

/**
 * The rich menu's pictures as SVG, in `currentColor` on a white glyph: shared by the emulator and
 * assets/make-richmenu.ts, so both look the same and neither needs an emoji font.
 */
export function RichMenuIcon(props: { icon: RichMenuItem["icon"]; class?: string }) {
  return (
    <svg class={props.class} viewBox="0 0 100 100" aria-hidden="true">
      <circle cx={50} cy={50} r={48} fill="currentColor" />
      {props.icon === "check" && (
        <path
          d="M28 52 L44 68 L73 36"
          fill="none"
          stroke="#fff"
          stroke-width={10}
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      )}
      {props.icon === "talk" && (
        <>
          <path
            d="M27 27h46a9 9 0 0 1 9 9v26a9 9 0 0 1-9 9H50l-16 13v-13h-7a9 9 0 0 1-9-9V36a9 9 0 0 1 9-9z"
            fill="#fff"
          />
          <circle cx={37} cy={49} r={5} fill="currentColor" />
          <circle cx={50} cy={49} r={5} fill="currentColor" />
          <circle cx={63} cy={49} r={5} fill="currentColor" />
        </>
      )}
      {props.icon === "help" && (
        <>
          <path
            d="M37 39a13 13 0 1 1 19 11.5c-4 2.2-6 4.5-6 9V62"
            fill="none"
            stroke="#fff"
            stroke-width={10}
            stroke-linecap="round"
            stroke-linejoin="round"
          />
          <circle cx={50} cy={76} r={6} fill="#fff" />
        </>
      )}
    </svg>
  );
}

export function ChatPage() {
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#06c755" />
        <title>つなぎ エミュレータ</title>
        {/* No favicon route exists; an empty data: icon keeps the browser from asking for one. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/emulator/chat.css" />
        <script type="module" src="/emulator/chat.js"></script>
      </head>
      <body>
        <main id="app" class="app">
          <header class="chat-header">
            <span class="chat-header-back" aria-hidden="true">
              ‹
            </span>
            <div class="chat-header-title">
              <h1>つなぎ</h1>
              <p>LINE エミュレータ</p>
            </div>
            <button id="block" class="chat-header-block" type="button" data-testid="block" hidden>
              ブロック
            </button>
          </header>

          <section class="persona-bar" aria-label="あなた（LINE の人）">
            <label class="persona-pick">
              <span>あなた</span>
              <select id="persona-select" data-testid="persona-select">
                <option value="">えらんで ください</option>
              </select>
            </label>
            <form id="persona-form" class="persona-new">
              <input
                id="persona-name"
                type="text"
                maxlength={40}
                placeholder="あたらしい人の なまえ"
                autocomplete="off"
                aria-label="あたらしい人の なまえ"
                data-testid="persona-name"
              />
              <button id="persona-create" type="submit" data-testid="persona-create">
                作成
              </button>
            </form>
          </section>

          <section id="friend-banner" class="friend-banner" hidden>
            <p id="friend-banner-text">つなぎ は まだ 友だちでは ありません。</p>
            <button id="follow" type="button" class="friend-banner-button" data-testid="follow">
              友だち追加
            </button>
          </section>

          <div id="chat" class="chat">
            <p id="empty" class="chat-empty">
              うえで 人を えらぶか、なまえを 入れて 「作成」を おして ください。
              <br />
              登録者・企業担当者・職員の だれでも ためせます。ダッシュボードで 発行した 連携コードを
              送ると、その人として つながります。
            </p>
            <ol id="transcript" class="transcript" data-testid="transcript" aria-live="polite"></ol>
          </div>

          <div id="quick-replies" class="quick-replies" hidden></div>
          <p id="error" class="error" role="alert" data-testid="error" hidden></p>

          <form id="composer" class="composer">
            <button id="sticker" type="button" class="composer-tool" data-testid="sticker" disabled>
              スタンプ
            </button>
            <button id="image" type="button" class="composer-tool" data-testid="image" disabled>
              画像
            </button>
            <input
              id="message-input"
              type="text"
              class="composer-input"
              placeholder="メッセージを入力"
              autocomplete="off"
              enterkeyhint="send"
              aria-label="メッセージ"
              data-testid="message-input"
              disabled
            />
            <button id="send" type="submit" class="composer-send" data-testid="send" disabled>
              送信
            </button>
          </form>

          {/* Drawn from the same definition `npm run admin -- richmenu` installs on LINE. */}
          <nav class="richmenu" aria-label="リッチメニュー">
            <button
              id="richmenu-toggle"
              type="button"
              class="richmenu-toggle"
              aria-expanded="true"
              aria-controls="richmenu-items"
              data-testid="richmenu-toggle"
            >
              {richMenu.chatBarText} <span id="richmenu-arrow">▼</span>
            </button>
            <div id="richmenu-items" class="richmenu-items">
              {richMenuItems.map((item) => (
                <button
                  type="button"
                  class="richmenu-item"
                  data-text={item.text}
                  data-testid="richmenu-item"
                  disabled
                >
                  <RichMenuIcon icon={item.icon} class="richmenu-icon" />
                  <span class="richmenu-label">{item.label}</span>
                </button>
              ))}
            </div>
          </nav>
        </main>
      </body>
    </html>
  );
}

export const chatStyle = `
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { margin: 0; height: 100%; }
body {
  font-family: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Noto Sans CJK JP",
    "IPAPGothic", "IPAGothic", Meiryo, system-ui, sans-serif;
  font-size: 15px;
  line-height: 1.5;
  color: #111;
  background: #c9ced6;
}
button, input, select { font: inherit; color: inherit; }
button { cursor: pointer; }
button:disabled { cursor: default; }

.app {
  display: flex;
  flex-direction: column;
  height: 100vh;
  height: 100dvh;
  max-width: 760px;
  margin: 0 auto;
  background: #d5dae1;
  box-shadow: 0 0 24px rgba(0, 0, 0, 0.12);
}

.chat-header {
  display: flex;
  align-items: center;
  gap: 8px;
  padding: 8px 12px;
  padding-top: max(8px, env(safe-area-inset-top));
  background: #06c755;
  color: #fff;
}
.chat-header-back { font-size: 28px; line-height: 1; width: 20px; opacity: 0.9; }
.chat-header-title { flex: 1; min-width: 0; }
.chat-header-title h1 { margin: 0; font-size: 17px; font-weight: 700; }
.chat-header-title p { margin: 0; font-size: 11px; opacity: 0.85; }
.chat-header-block {
  border: 1px solid rgba(255, 255, 255, 0.8);
  background: transparent;
  color: #fff;
  border-radius: 999px;
  padding: 2px 12px;
  font-size: 12px;
}
.chat-header-block:hover { background: rgba(255, 255, 255, 0.15); }

.persona-bar {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px 12px;
  padding: 6px 12px;
  background: #f4f6f8;
  border-bottom: 1px solid #d0d5db;
  font-size: 13px;
}
.persona-pick { display: flex; align-items: center; gap: 6px; flex: 1 1 180px; min-width: 0; }
.persona-pick span { color: #555; white-space: nowrap; }
.persona-pick select {
  flex: 1;
  min-width: 0;
  padding: 4px 6px;
  border: 1px solid #c4cad1;
  border-radius: 6px;
  background: #fff;
}
.persona-new { display: flex; gap: 6px; flex: 1 1 220px; min-width: 0; margin: 0; }
.persona-new input {
  flex: 1;
  min-width: 0;
  padding: 4px 8px;
  border: 1px solid #c4cad1;
  border-radius: 6px;
  background: #fff;
}
.persona-new button {
  padding: 4px 12px;
  border: 0;
  border-radius: 6px;
  background: #06c755;
  color: #fff;
  font-weight: 700;
  white-space: nowrap;
}

.friend-banner {
  display: flex;
  flex-direction: column;
  align-items: center;
  gap: 8px;
  padding: 14px 16px;
  background: #fff;
  border-bottom: 1px solid #d0d5db;
  text-align: center;
}
.friend-banner p { margin: 0; font-size: 13px; color: #444; }
.friend-banner-button {
  width: 100%;
  max-width: 320px;
  padding: 10px 16px;
  border: 0;
  border-radius: 8px;
  background: #06c755;
  color: #fff;
  font-size: 16px;
  font-weight: 700;
}
.friend-banner-button:hover { background: #05b34c; }

.chat { flex: 1; overflow-y: auto; padding: 12px 10px 16px; overscroll-behavior: contain; }
.chat-empty { margin: 40px 16px; text-align: center; color: #555; font-size: 14px; }
.transcript {
  list-style: none;
  margin: 0;
  padding: 0;
  display: flex;
  flex-direction: column;
  gap: 6px;
}

.day {
  align-self: center;
  margin: 8px 0 4px;
  padding: 1px 10px;
  border-radius: 999px;
  background: rgba(0, 0, 0, 0.18);
  color: #fff;
  font-size: 11px;
}
.system-note {
  align-self: center;
  max-width: 90%;
  padding: 2px 12px;
  border-radius: 999px;
  background: rgba(0, 0, 0, 0.18);
  color: #fff;
  font-size: 12px;
  text-align: center;
}

.row { display: flex; align-items: flex-end; gap: 6px; }
.row-user { justify-content: flex-end; }
.row-bot { align-items: flex-start; }
.row-bot.is-continued { margin-top: -2px; }
.avatar {
  flex: none;
  width: 34px;
  height: 34px;
  border-radius: 50%;
  background: #06c755;
  color: #fff;
  font-weight: 700;
  display: flex;
  align-items: center;
  justify-content: center;
}
.row-bot.is-continued .avatar { visibility: hidden; height: 0; }
.row-body {
  display: flex;
  flex-direction: column;
  align-items: flex-start;
  min-width: 0;
  max-width: min(75%, 460px);
}
.row-user .row-body { align-items: flex-end; }
.row-name { font-size: 11px; color: #444; margin: 0 0 2px 2px; }
.row-line { display: flex; align-items: flex-end; gap: 4px; max-width: 100%; }
.row-user .row-line { flex-direction: row-reverse; }
.time { flex: none; font-size: 10px; color: #555; white-space: nowrap; }

.bubble {
  position: relative;
  min-width: 0;
  padding: 7px 12px;
  border-radius: 18px;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  word-break: auto-phrase;
}
.bubble-bot { background: #fff; border-top-left-radius: 4px; }
.bubble-user { background: #06c755; color: #fff; border-top-right-radius: 4px; }
.row-bot.is-continued .bubble-bot { border-top-left-radius: 18px; }
.bubble-muted { background: #eef0f2; color: #666; font-size: 13px; }
.bubble-placeholder { font-size: 14px; }
.bubble-bot.bubble-placeholder, .bubble-unsupported { color: #666; }
.bubble-unsupported { font-size: 13px; }

.bubble-template { padding: 0; overflow: hidden; min-width: 200px; }
.template-body { padding: 10px 14px; }
.template-title { margin: 0 0 2px; font-weight: 700; }
.template-text { margin: 0; }
.template-actions { display: flex; flex-direction: column; border-top: 1px solid #e6e8eb; }
.template-actions.is-confirm { flex-direction: row; }
.template-action {
  display: block;
  flex: 1;
  padding: 10px 12px;
  border: 0;
  border-top: 1px solid #e6e8eb;
  background: #fff;
  color: #1a73e8;
  text-align: center;
  text-decoration: none;
  white-space: normal;
}
.template-actions > .template-action:first-child { border-top: 0; }
.template-actions.is-confirm > .template-action { border-top: 0; border-left: 1px solid #e6e8eb; }
.template-actions.is-confirm > .template-action:first-child { border-left: 0; }
.template-action:hover:not(:disabled) { background: #f3f6fb; }
.template-action:disabled { color: #aaa; }

.quick-replies {
  display: flex;
  gap: 8px;
  padding: 8px 10px;
  overflow-x: auto;
  background: #d5dae1;
  scrollbar-width: thin;
}
.quick-reply {
  flex: none;
  padding: 6px 14px;
  border: 1px solid #06c755;
  border-radius: 999px;
  background: #fff;
  color: #06a445;
  font-size: 14px;
  font-weight: 700;
  white-space: nowrap;
}
.quick-reply:hover:not(:disabled) { background: #eafaf0; }
.quick-reply:disabled { border-color: #bbb; color: #999; }

.error {
  margin: 0;
  padding: 4px 12px;
  background: #fdecea;
  color: #b3261e;
  font-size: 12px;
  border-top: 1px solid #f5c2bd;
}

.composer {
  display: flex;
  align-items: center;
  gap: 6px;
  margin: 0;
  padding: 8px 10px;
  padding-bottom: max(8px, env(safe-area-inset-bottom));
  background: #fff;
  border-top: 1px solid #d0d5db;
}
.composer-tool {
  flex: none;
  padding: 6px 8px;
  border: 0;
  border-radius: 8px;
  background: #f1f3f5;
  color: #333;
  font-size: 13px;
}
.composer-tool:hover:not(:disabled) { background: #e4e7ea; }
.composer-input {
  flex: 1;
  min-width: 0;
  padding: 7px 14px;
  border: 1px solid #e0e3e7;
  border-radius: 999px;
  background: #f4f5f7;
  font-size: 16px;
}
.composer-input:focus { outline: 2px solid #06c755; outline-offset: -1px; background: #fff; }
.composer-send {
  flex: none;
  padding: 6px 14px;
  border: 0;
  border-radius: 999px;
  background: #06c755;
  color: #fff;
  font-weight: 700;
}
.composer button:disabled, .composer input:disabled { opacity: 0.5; }

.richmenu { background: #fff; border-top: 1px solid #d0d5db; }
.richmenu-toggle {
  display: block;
  width: 100%;
  padding: 6px 12px;
  border: 0;
  background: #fff;
  color: #333;
  font-size: 13px;
  text-align: center;
}
.richmenu-toggle:hover { background: #f4f5f7; }
.richmenu-items {
  display: grid;
  grid-template-columns: repeat(3, 1fr);
  gap: 6px;
  padding: 0 8px 8px;
  padding-bottom: max(8px, env(safe-area-inset-bottom));
}
.richmenu-item {
  display: flex;
  flex-direction: column;
  align-items: center;
  justify-content: center;
  gap: 4px;
  min-height: 76px;
  padding: 8px 4px;
  border: 2px solid transparent;
  border-radius: 12px;
  font-size: 15px;
  font-weight: 700;
}
/* The colours of assets/richmenu.png, so the emulator looks like the menu people see. */
.richmenu-item:nth-child(1) { background: #e3f6e8; color: #0f3d22; border-color: #a7dcb6; }
.richmenu-item:nth-child(2) { background: #e2edfb; color: #142a66; border-color: #a9c4f5; }
.richmenu-item:nth-child(3) { background: #fff0d4; color: #5c2308; border-color: #f0c28f; }
.richmenu-item:nth-child(1) .richmenu-icon { color: #15803d; }
.richmenu-item:nth-child(2) .richmenu-icon { color: #2563eb; }
.richmenu-item:nth-child(3) .richmenu-icon { color: #c2570c; }
.richmenu-item:hover:not(:disabled) { filter: brightness(0.96); }
.richmenu-item:disabled { opacity: 0.5; }
.richmenu-icon { width: 30px; height: 30px; display: block; }

@media (max-width: 420px) {
  body { font-size: 14px; }
  .composer-tool { padding: 6px 6px; font-size: 12px; }
}
`;

// Plain browser JavaScript served as /emulator/chat.js. Written without backticks or
// dollar-brace so that it can live in this template literal verbatim (String.raw keeps "\n").
export const chatScript = String.raw`
const storageKey = "tsunagi.emulator.userId";
const pollEveryMs = 700;
const safeSchemes = ["http:", "https:", "tel:", "mailto:"];

const byId = (id) => {
  const element = document.getElementById(id);
  if (!element) throw new Error("chat.js: missing #" + id);
  return element;
};

const ui = {
  select: byId("persona-select"),
  personaForm: byId("persona-form"),
  personaName: byId("persona-name"),
  block: byId("block"),
  banner: byId("friend-banner"),
  bannerText: byId("friend-banner-text"),
  follow: byId("follow"),
  chat: byId("chat"),
  empty: byId("empty"),
  transcript: byId("transcript"),
  quickReplies: byId("quick-replies"),
  error: byId("error"),
  composer: byId("composer"),
  input: byId("message-input"),
  send: byId("send"),
  sticker: byId("sticker"),
  image: byId("image"),
  richMenuToggle: byId("richmenu-toggle"),
  richMenuArrow: byId("richmenu-arrow"),
  richMenu: byId("richmenu-items"),
};

const richMenuItems = Array.from(ui.richMenu.querySelectorAll("[data-testid=richmenu-item]"));

const state = {
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
  sending: Promise.resolve(),
};

// ---- small helpers ----------------------------------------------------------------------

function el(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function isObject(value) {
  return typeof value === "object" && value !== null;
}

function str(value) {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function readStored() {
  try {
    return localStorage.getItem(storageKey) || "";
  } catch {
    return "";
  }
}

function store(userId) {
  try {
    if (userId) localStorage.setItem(storageKey, userId);
    else localStorage.removeItem(storageKey);
  } catch {
    // Private windows may refuse storage; the page still works, it just forgets.
  }
}

function showError(source, message) {
  state.errorSource = source;
  ui.error.textContent = message;
  ui.error.hidden = false;
}

function clearError(source) {
  if (source && state.errorSource !== source) return;
  state.errorSource = "";
  ui.error.textContent = "";
  ui.error.hidden = true;
}

async function api(method, path, body) {
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
  const body = await api("GET", "/emulator/api/personas");
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

async function createPersona(displayName) {
  try {
    const persona = await api("POST", "/emulator/api/personas", { displayName });
    ui.personaName.value = "";
    await loadPersonas();
    choosePersona(persona.userId);
  } catch (error) {
    showError("persona", "人を 作成できませんでした（" + error.message + "）。");
  }
}

// ---- sending ----------------------------------------------------------------------------

// Sends go one after another so that two quick taps reach the bot in the order they were made.
function send(action) {
  const userId = state.userId;
  if (!userId) return Promise.resolve();
  // As in LINE: the quick replies go away as soon as the user does anything.
  renderQuickReplies(null);
  state.sending = state.sending.then(() => deliver(userId, action));
  return state.sending;
}

async function deliver(userId, action) {
  try {
    const body = await api("POST", "/emulator/api/send", Object.assign({ userId }, action));
    if (body.webhookStatus === 200) clearError();
    else showError("send", "Webhook の こたえが " + body.webhookStatus + " でした。");
  } catch (error) {
    showError("send", "おくれませんでした（" + error.message + "）。");
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

function safeUri(uri) {
  if (!str(uri)) return undefined;
  try {
    const url = new URL(uri, location.href);
    return safeSchemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

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
  clearTimeout(state.timer);
  const userId = state.userId;
  if (!userId) return;
  const generation = state.generation;
  state.polling = true;
  try {
    const body = await api(
      "GET",
      "/emulator/api/transcript?userId=" + encodeURIComponent(userId) + "&after=" + state.lastSeq,
    );
    if (generation === state.generation) {
      clearError("poll");
      if (Array.isArray(body.items)) appendEntries(body.items);
    }
  } catch (error) {
    if (generation === state.generation) {
      showError("poll", "サーバーに つながりません（" + error.message + "）。");
    }
  } finally {
    state.polling = false;
    if (state.pollAgain) {
      state.pollAgain = false;
      poll();
    } else if (state.userId) {
      state.timer = setTimeout(poll, pollEveryMs);
    }
  }
}

function appendEntries(items) {
  const atBottom = ui.chat.scrollHeight - ui.chat.scrollTop - ui.chat.clientHeight < 80;
  let quickReply;
  let added = false;
  for (const entry of items) {
    if (!isObject(entry) || typeof entry.seq !== "number" || entry.seq <= state.lastSeq) continue;
    state.lastSeq = entry.seq;
    added = true;
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

function appendNote(text) {
  const note = el("li", "system-note", text);
  note.dataset.testid = "system-note";
  ui.transcript.append(note);
  state.lastFrom = "";
}

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

function userBubble(message) {
  switch (message.type) {
    case "text":
      return el("div", "bubble bubble-user", String(message.text ?? ""));
    case "postback":
      return str(message.displayText)
        ? el("div", "bubble bubble-user", message.displayText)
        : el("div", "bubble bubble-user bubble-muted", "(ボタン)");
    case "sticker":
      return el("div", "bubble bubble-user bubble-placeholder", "（スタンプ）");
    case "image":
      return el("div", "bubble bubble-user bubble-placeholder", "（画像）");
    default:
      return el("div", "bubble bubble-user bubble-muted", "(" + String(message.type) + ")");
  }
}

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

function unsupported(type) {
  return el("div", "bubble bubble-bot bubble-unsupported", "(未対応のメッセージ: " + type + ")");
}

function templateBubble(message) {
  const template = isObject(message.template) ? message.template : {};
  if (template.type !== "buttons" && template.type !== "confirm") {
    return unsupported("template/" + String(template.type));
  }
  const bubble = el("div", "bubble bubble-bot bubble-template");
  const body = el("div", "template-body");
  if (str(template.title)) body.append(el("p", "template-title", template.title));
  body.append(el("p", "template-text", String(template.text ?? "")));
  const actions = el("div", "template-actions");
  if (template.type === "confirm") actions.classList.add("is-confirm");
  for (const action of Array.isArray(template.actions) ? template.actions : []) {
    actions.append(actionControl(action, "template-action", "template-action"));
  }
  bubble.append(body, actions);
  return bubble;
}

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
  .catch((error) => showError("persona", "人の 一覧を よめませんでした（" + error.message + "）。"));
`;
