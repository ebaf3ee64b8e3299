// Crisis contacts offered in the crisis reply: configuration (CRISIS_CONTACTS), with DOMAIN.md's
// public services as the default. Re-check numbers and hours before each release.
import * as z from "zod";

export const crisisContactSchema = z.object({
  name: z.string().min(1).max(40),
  kind: z.enum(["phone", "chat"]),
  /** A phone number or an https URL. */
  contact: z.string().min(1).max(200),
  hours: z.string().max(40).optional(),
});
export type CrisisContact = z.infer<typeof crisisContactSchema>;

/** At least one phone line and one chat, as the safety net requires. */
export const crisisContactsSchema = z
  .array(crisisContactSchema)
  .min(2)
  .refine((list) => list.some((c) => c.kind === "phone") && list.some((c) => c.kind === "chat"), {
    message: "needs at least one phone line and one chat",
  });

export const defaultCrisisContacts: CrisisContact[] = [
  { name: "よりそいホットライン", kind: "phone", contact: "0120-279-338", hours: "24時間" },
  { name: "いのちの電話", kind: "phone", contact: "0570-783-556", hours: "10時〜22時" },
  {
    name: "あなたのいばしょ（チャット）",
    kind: "chat",
    contact: "https://talkme.jp/",
    hours: "24時間",
  },
];
