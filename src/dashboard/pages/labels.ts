// The Japanese words the dashboard shows for the stored vocabulary (severities, statuses, events).
import { categories, severityNames } from "../../vocabulary/categories";
import {
  contactKindNames,
  contactPartyNames,
  employerReportKindNames,
} from "../../vocabulary/kinds";

export const severityLabels: Record<string, string> = severityNames;

export const statusLabels: Record<string, string> = {
  open: "未対応",
  acknowledged: "確認済み",
  resolved: "解決済み",
};

export const sourceLabels: Record<string, string> = {
  checkin: "チェックイン",
  message: "本人のメッセージ",
  employer: "企業からの報告",
  missed: "チェックイン未回答",
  trend: "数週間の傾向",
  unfollow: "ブロック（連絡不可）",
  staff: "職員",
};

export const eventLabels: Record<string, string> = {
  opened: "発生",
  signal: "サインを記録",
  acknowledged: "確認",
  assigned: "担当を決定",
  note: "メモ",
  resolved: "解決",
  reescalated: "期限切れ：管理者へ再通知",
  alerted: "職員の LINE に通知",
  contact: "支援記録",
};

/** 支援記録: how staff were in touch, and with whom. */
export const contactKindLabels: Record<string, string> = contactKindNames;

export const contactPartyLabels: Record<string, string> = contactPartyNames;

export const registrantStatusLabels: Record<string, string> = {
  active: "利用中",
  paused: "一時停止中",
  ended: "終了",
};

export const checkinStatusLabels: Record<string, string> = {
  sent: "送信済み（未回答）",
  in_progress: "回答中",
  completed: "回答済み",
  missed: "未回答（期限切れ）",
};

export const roleLabels: Record<string, string> = {
  caseworker: "支援員",
  supervisor: "管理者",
};

export const auditActionLabels: Record<string, string> = {
  "registrant.list": "登録者一覧を表示",
  "registrant.read": "登録者を表示",
  "registrant.create": "登録者を作成",
  "contact.create": "支援記録を作成",
  "contact.update": "支援記録を変更",
  "contact.list": "支援記録を表示",
  "report.read": "支援レポートを表示",
  "report.edit": "支援レポートを編集",
  "report.finalize": "支援レポートを確定",
  "report.revise": "支援レポートの新しい版を作成",
  "report.share": "支援レポートを共有",
  "duties.read": "月の実施状況を表示",
  "handover.read": "引き継ぎを表示",
  "handover.update": "引き継ぎ（必要か・引き継ぎ先）を変更",
  "handover.consent_request": "引き継ぎの同意を LINE でたずねた",
  "handover.consent": "引き継ぎの紙の同意を記録",
  "handover.packet": "引き継ぎ資料を表示",
  "handover.given": "引き継ぎ資料を渡した記録",
  "handover.due": "引き継ぎが必要な人の一覧を表示",
  "retention.read": "就労定着率を表示",
  "employer.create": "企業を作成",
  "employer_contact.create": "企業担当者を作成",
  "employment.create": "勤務先を登録",
  "employment.end": "勤務の終了を登録",
  "staff.create": "職員を作成",
  "escalation.list": "キューを表示",
  "escalation.read": "案件を表示",
  "escalation.acknowledge": "案件を確認",
  "escalation.assign": "担当を決定",
  "escalation.note": "メモを追加",
  "escalation.resolve": "案件を解決",
  "registrant.checkin": "チェックインを送信",
  "registrant.schedule": "チェックインの曜日・時刻を変更",
  "registrant.pause": "チェックインを停止",
  "registrant.resume": "チェックインを再開",
  "registrant.link_code": "連携コードを再発行",
  "staff.line_code": "LINE通知の連携コードを発行",
  "staff.line_unlink": "LINE通知の連携を解除",
  "staff.alerts": "LINE通知の設定を変更",
  "employer.read": "企業を表示",
  "employer.pulse": "月1回の確認の設定を変更",
  "employer_contact.link_code": "企業担当者の連携コードを発行",
  "employer_contact.unlink": "企業担当者の LINE 連携を解除",
  "conversation.read": "やりとりを表示",
  "conversation.mark_read": "やりとりを既読にする",
  "conversation.reply": "LINE で返信",
  "inbox.read": "受信箱を表示",
  "center.settings": "センターの設定を変更",
  "auth.login": "ログイン",
  "auth.login_failed": "ログインに失敗（パスワード違い）",
  "auth.logout": "ログアウト",
  "auth.password_change": "パスワードを変更",
  "auth.password_failed": "パスワード変更に失敗（今のパスワード違い）",
  "staff.deactivate": "職員を無効化",
  "registrant.profile": "登録者のプロフィールを変更",
  "registrant.period": "登録者の支援期間を変更",
  "employer_contact.conversation": "企業担当者とのやりとりを表示",
  "outbox.failed.list": "届かなかったメッセージを表示",
  "outbox.retry": "届かなかったメッセージを再送",
  "outbox.handled": "届かなかったメッセージを対応済みに",
  "employer_contact.reply": "企業担当者に LINE で返信",
  "staff.reactivate": "職員を再有効化",
  "staff.reset_password": "職員のパスワードを再発行",
  "staff.role": "職員の役割を変更",
  "registrant.end_support": "支援を終了",
  "registrant.reopen_support": "支援の終了を取り消し",
  "registrant.export_json": "個人データを開示（JSON）",
  "registrant.export_page": "個人データを開示（印刷用ページ）",
  "registrant.erase": "個人データを消去",
  "registrant.erase_retention": "保存期間が過ぎた人のデータを消去",
  "access.refused": "ほかのセンターのデータを開こうとした（拒否）",
  "access.forbidden": "権限のない操作をしようとした（拒否）",
  "audit.read": "監査ログを表示",
  "audit.export": "監査ログを CSV で出力",
};

/** What an employer contact reported, in the words of the buttons they tapped. */
export const reportKindLabels: Record<string, string> = employerReportKindNames;

export const reportUrgencyLabels: Record<string, string> = {
  today: "今日中に",
  week: "今週中に",
  whenever: "急ぎではない",
};

export const reportViaLabels: Record<string, string> = {
  buttons: "ボタン",
  text: "文章",
  pulse: "月1回の確認",
};

export const subjectLabels: Record<string, string> = {
  registrant: "登録者",
  employer: "企業",
  employer_contact: "企業担当者",
  staff: "職員",
  escalation: "案件",
  outbox: "送信待ちのメッセージ",
  center: "センター",
  route: "画面・API",
  audit: "監査ログ",
};

/** A stored key in Japanese; a key this build does not know is shown as stored, never hidden. */
export function label(labels: Record<string, string>, key: string): string {
  return labels[key] ?? key;
}

export function categoryLabel(key: string): string {
  return label(categories, key);
}

export const endReasonLabels: Record<string, string> = {
  period_end: "支援期間の満了",
  person_request: "本人の希望",
  left_job: "離職",
  handover: "他の機関へ引き継ぎ",
  moved: "転居",
  other: "その他",
};
