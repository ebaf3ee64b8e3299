// The closed sets of values the records use (roles, statuses, kinds): the database columns, the
// flows and the pages all take them from here.
export const staffRoles = ["caseworker", "supervisor"] as const;
export type StaffRole = (typeof staffRoles)[number];

export const accountRoles = ["guest", "registrant", "employer_contact", "staff"] as const;
export type AccountRole = (typeof accountRoles)[number];

export const eventOutcomes = ["handled", "ignored"] as const;
export type EventOutcome = (typeof eventOutcomes)[number];

export const messageDirections = ["in", "out"] as const;
export type MessageDirection = (typeof messageDirections)[number];

/** `richmenu` carries no words: it changes which rich menu the recipient sees (outbox.menu_role). */
export const outboxKinds = ["reply", "push", "multicast", "richmenu"] as const;
export type OutboxKind = (typeof outboxKinds)[number];

export const outboxStatuses = ["pending", "sent", "failed"] as const;

export const outboxPurposes = [
  "message",
  "reply",
  "crisis",
  "alert",
  "checkin",
  "reminder",
  "pulse",
  "staff_reply",
  "notice",
  /** A monthly support report shared with the person or the employer. */
  "report",
] as const;
export type OutboxPurpose = (typeof outboxPurposes)[number];
export type OutboxStatus = (typeof outboxStatuses)[number];

export const registrantStatuses = ["active", "paused", "ended"] as const;
export type RegistrantStatus = (typeof registrantStatuses)[number];

/** Why support ended. */
export const endReasons = [
  "period_end",
  "person_request",
  "left_job",
  "handover",
  "moved",
  "other",
] as const;
export type EndReason = (typeof endReasons)[number];

export const linkSubjects = ["registrant", "employer_contact", "staff"] as const;
export type LinkSubject = (typeof linkSubjects)[number];

export const checkinStatuses = ["sent", "in_progress", "completed", "missed"] as const;
export type CheckinStatus = (typeof checkinStatuses)[number];

export const checkinOrigins = ["scheduled", "self", "staff"] as const;
export type CheckinOrigin = (typeof checkinOrigins)[number];

export const escalationStatuses = ["open", "acknowledged", "resolved"] as const;
export type EscalationStatus = (typeof escalationStatuses)[number];

export const escalationEventKinds = [
  "opened",
  "signal",
  "acknowledged",
  "assigned",
  "note",
  "resolved",
  "reescalated",
  "alerted",
  /** A contact or visit staff recorded as answering it (support_contacts.escalation_id). */
  "contact",
] as const;
export type EscalationEventKind = (typeof escalationEventKinds)[number];

export const questionKeys = [
  "condition",
  "sleep",
  "mood",
  "medication",
  "attendance",
  "worries",
  "message",
] as const;
export type QuestionKey = (typeof questionKeys)[number];

/** `asked`: the current text was put to someone who agreed to an older one (history only). */
export const consentDecisions = ["given", "declined", "withdrawn", "asked"] as const;
export type ConsentDecision = (typeof consentDecisions)[number];

export const staffAlertKinds = ["urgent", "high", "overdue", "digest", "period"] as const;
export type StaffAlertKind = (typeof staffAlertKinds)[number];

export const employerReportKinds = [
  "absence",
  "no_show",
  "appearance",
  "medication",
  "mistakes",
  "communication",
  "sns",
  "other",
] as const;
export type EmployerReportKind = (typeof employerReportKinds)[number];

/** What an employer's report was about, as the employer's buttons and staff say it. */
export const employerReportKindNames: Record<EmployerReportKind, string> = {
  absence: "遅刻・欠勤が増えた",
  no_show: "無断欠勤・連絡がつかない",
  appearance: "身だしなみ",
  medication: "服薬・体調",
  mistakes: "作業のミス",
  communication: "コミュニケーション",
  sns: "SNS・ネット",
  other: "その他",
};

export const employerReportUrgencies = ["today", "week", "whenever"] as const;
export type EmployerReportUrgency = (typeof employerReportUrgencies)[number];

export const pulseAnswers = ["fine", "concerned", "consult"] as const;
export type PulseAnswer = (typeof pulseAnswers)[number];

/** Which support a registrant receives: 就労定着支援 (at most 3 years) or a center's (no limit). */
export const supportPrograms = ["retention", "center"] as const;
export type SupportProgram = (typeof supportPrograms)[number];

/**
 * How staff were in touch (支援記録): face to face, online, by phone, a visit to the company, a
 * contact with the company, with another agency, going along with the person. A bot chat is none.
 */
export const contactKinds = [
  "face_to_face",
  "online",
  "phone",
  "company_visit",
  "company_contact",
  "agency_contact",
  "accompany",
] as const;
export type ContactKind = (typeof contactKinds)[number];

/** 支援記録: what staff read for each kind of contact. */
export const contactKindNames: Record<ContactKind, string> = {
  face_to_face: "面談・対面",
  online: "オンライン面談",
  phone: "電話",
  company_visit: "企業訪問",
  company_contact: "企業との連絡",
  agency_contact: "関係機関との連絡",
  accompany: "同行",
};

/** With whom: the person, their employer, family, a clinic, another agency. */
export const contactParties = ["person", "employer", "family", "clinic", "agency"] as const;
export type ContactParty = (typeof contactParties)[number];

export const contactPartyNames: Record<ContactParty, string> = {
  person: "本人",
  employer: "企業",
  family: "家族",
  clinic: "医療機関",
  agency: "関係機関",
};

/** A monthly support report (支援レポート) version: a draft staff edit, or final (locked). */
export const reportStatuses = ["draft", "final"] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** The report's sections, in the order of the common layout (CASE-RULES.md). */
export const reportSectionKeys = [
  "goal",
  "situation",
  "support",
  "next",
  "others",
  "share",
] as const;
export type ReportSectionKey = (typeof reportSectionKeys)[number];

/** Whom a report was shared with, and how (on LINE through the outbox, or handed on paper). */
export const reportAudiences = ["person", "employer"] as const;
export type ReportAudience = (typeof reportAudiences)[number];
export const shareChannels = ["line", "paper"] as const;
export type ShareChannel = (typeof shareChannels)[number];

/** What happened in a handover (引き継ぎ) to the next agency, each kept as a record. */
export const handoverEventKinds = [
  "marked",
  "unmarked",
  "agency",
  "consent_asked",
  "consent_given",
  "consent_declined",
  "packet_given",
] as const;
export type HandoverEventKind = (typeof handoverEventKinds)[number];
export const handoverConsents = ["asked", "given", "declined"] as const;
export type HandoverConsent = (typeof handoverConsents)[number];
