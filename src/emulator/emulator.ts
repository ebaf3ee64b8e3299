// The emulator's memory: personas (LINE users you can act as) and the chat each one sees.
import { newLineUserId } from "../line/user-id";
import type { MockLine } from "./mock-line";

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
