// @ts-check
// The emulator chat page's elements and what it remembers between events, shared by its modules.

/** @typedef {import("./emulator").Persona} Persona */

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

export const ui = {
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
  richMenuNav: byId("richmenu", HTMLElement),
  richMenuToggle: byId("richmenu-toggle", HTMLButtonElement),
  richMenuBarText: byId("richmenu-bar-text", HTMLElement),
  richMenuArrow: byId("richmenu-arrow", HTMLElement),
  richMenu: byId("richmenu-items", HTMLElement),
  richMenuIcons: byId("richmenu-icons", HTMLTemplateElement),
};

export const state = {
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
  /** Which menu is drawn, for whom ("<userId> <richMenuId>"): redrawn only when it changes. */
  richMenuShown: "",
  /** @type {Promise<void>} */
  sending: Promise.resolve(),
};
