// The emulator's memory: personas (LINE users you can act as) and the chat each one sees.
import { newLineUserId } from "../line/user-id";
import { richMenuDefinitions, richMenuRoleNamed, type RichMenuIconName } from "../line/rich-menu";
import type { AccountRole } from "../vocabulary/kinds";
import type { MockLine, MockRichMenu } from "./mock-line";

export interface Persona {
  userId: string;
  displayName: string;
  following: boolean;
  /** True once the persona has unfollowed; the next follow is then an unblock. */
  blockedBefore: boolean;
}

export interface TranscriptEntry {
  seq: number;
  at: number;
  userId: string;
  from: "user" | "bot";
  message: unknown;
}

/** A rich menu as the chat page draws it: the tiles of the menu installed on the mock. */
export interface RichMenuView {
  richMenuId: string | null;
  chatBarText: string | null;
  /** Which of our menus it is (by its name), when it is one of ours. */
  role: AccountRole | null;
  items: {
    label: string;
    /** A message tile's text, sent as the persona's own. */
    text?: string;
    /** A link tile's address, opened in a new tab. */
    uri?: string;
    icon?: RichMenuIconName;
  }[];
}

export class Emulator {
  readonly personas = new Map<string, Persona>();
  private readonly transcript: TranscriptEntry[] = [];
  private seq = 0;

  constructor(
    readonly line: MockLine,
    private readonly clock: () => number = Date.now,
  ) {
    line.onAccepted = (request) => {
      for (const userId of request.recipients) {
        for (const message of request.messages) this.append(userId, "bot", message);
      }
    };
  }

  createPersona(displayName: string): Persona {
    const persona = {
      userId: newLineUserId(),
      displayName,
      following: false,
      blockedBefore: false,
    };
    this.personas.set(persona.userId, persona);
    return persona;
  }

  /** The menu LINE shows this user (their own, else the default); the default for nobody. */
  richMenuFor(userId: string | undefined): RichMenuView {
    const menu =
      userId === undefined
        ? this.line.richMenus.get(this.line.defaultRichMenuId ?? "")
        : this.line.richMenuOf(userId);
    return menu ? viewOf(menu) : { richMenuId: null, chatBarText: null, role: null, items: [] };
  }

  recordUser(userId: string, message: unknown): void {
    this.append(userId, "user", message);
  }

  entriesFor(userId: string, afterSeq: number): TranscriptEntry[] {
    return this.transcript.filter((entry) => entry.userId === userId && entry.seq > afterSeq);
  }

  private append(userId: string, from: "user" | "bot", message: unknown): void {
    this.transcript.push({ seq: ++this.seq, at: this.clock(), userId, from, message });
  }
}

function viewOf(menu: MockRichMenu): RichMenuView {
  const role = richMenuRoleNamed(menu.menu.name) ?? null;
  const tiles = role === null ? [] : richMenuDefinitions[role].items;
  return {
    richMenuId: menu.richMenuId,
    chatBarText: menu.menu.chatBarText,
    role,
    // left to right, as the areas lie on the image
    items: [...menu.menu.areas]
      .sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x)
      .map((area, index) => {
        const action = area.action;
        const label = typeof action.label === "string" ? action.label : "";
        const icon = tiles[index]?.icon;
        const item: RichMenuView["items"][number] = { label, ...(icon ? { icon } : {}) };
        if (action.type === "message" && typeof action.text === "string") item.text = action.text;
        if (action.type === "uri" && typeof action.uri === "string") item.uri = action.uri;
        return item;
      }),
  };
}
