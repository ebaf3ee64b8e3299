// The profile card on a registrant's page: how to reach them (tap to call on a phone), whom to
// call in an emergency, their clinic and notes, the primary case worker; and its edit form.
import type { Context } from "hono";
import { AppError } from "../../core/errors";
import { profileSchema, updateProfile } from "../profile";
import type { RegistrantDetail } from "../registrants";
import type { StaffEnv } from "../staff-env";
import { readForm } from "./form";

type Profile = RegistrantDetail["profile"];

/** A phone number as a link the phone can call. */
function Tel(props: { number: string | null; testId: string }) {
  if (!props.number) return <span class="muted">未登録</span>;
  return (
    <a href={`tel:${props.number.replace(/[^0-9+]/g, "")}`} data-testid={props.testId}>
      {props.number}
    </a>
  );
}

export function ProfileCard(props: {
  registrantId: string;
  profile: Profile;
  unread: number;
  staff: { id: string; displayName: string; active: boolean }[];
}) {
  const { profile } = props;
  const base = `/dashboard/registrants/${encodeURIComponent(props.registrantId)}`;
  const caseworker = props.staff.find((member) => member.id === profile.caseworkerId);
  const emergency = profile.emergencyContact;
  return (
    <section class="card" aria-labelledby="profile-title" data-testid="profile">
      <h2 id="profile-title">連絡先とプロフィール</h2>
      <p>
        <a class="button" href={`${base}/messages`} data-testid="open-conversation">
          やりとりを見る・LINE で返信
          {props.unread > 0 ? <span class="nav-count">{props.unread}</span> : null}
        </a>
      </p>
      <dl class="pairs">
        <div class="pair">
          <dt>担当（主）</dt>
          <dd data-testid="profile-caseworker">
            {caseworker ? caseworker.displayName : <span class="muted">未定</span>}
          </dd>
        </div>
        <div class="pair">
          <dt>電話</dt>
          <dd>
            <Tel number={profile.phone} testId="profile-phone" />
          </dd>
        </div>
        <div class="pair">
          <dt>緊急連絡先</dt>
          <dd data-testid="profile-emergency">
            {emergency ? (
              <>
                {emergency.name}
                {emergency.relation ? `（${emergency.relation}）` : ""}{" "}
                <Tel number={emergency.phone} testId="profile-emergency-phone" />
              </>
            ) : (
              <span class="muted">未登録</span>
            )}
          </dd>
        </div>
        <div class="pair">
          <dt>通院先</dt>
          <dd>{profile.clinic ?? <span class="muted">未登録</span>}</dd>
        </div>
        <div class="pair">
          <dt>メモ</dt>
          <dd class="prewrap" data-testid="profile-notes">
            {profile.notes ?? <span class="muted">なし</span>}
          </dd>
        </div>
      </dl>
      <details>
        <summary data-testid="profile-edit">編集する</summary>
        <form method="post" action={`${base}/profile`} class="stack" data-testid="profile-form">
          <label class="field">
            <span class="field-label">よみがな</span>
            <input type="text" name="kana" value={profile.kana ?? ""} maxlength={60} />
          </label>
          <label class="field">
            <span class="field-label">担当（主）</span>
            <select name="caseworkerId">
              <option value="">未定</option>
              {props.staff
                .filter((member) => member.active)
                .map((member) => (
                  <option value={member.id} selected={member.id === profile.caseworkerId}>
                    {member.displayName}
                  </option>
                ))}
            </select>
          </label>
          <label class="field">
            <span class="field-label">電話</span>
            <input type="tel" name="phone" value={profile.phone ?? ""} maxlength={20} />
          </label>
          <label class="field">
            <span class="field-label">メール</span>
            <input type="email" name="email" value={profile.email ?? ""} maxlength={254} />
          </label>
          <fieldset class="field">
            <legend class="field-label">緊急連絡先</legend>
            <input
              type="text"
              name="emergencyName"
              value={emergency?.name ?? ""}
              maxlength={60}
              placeholder="名前"
              aria-label="緊急連絡先の名前"
            />
            <input
              type="text"
              name="emergencyRelation"
              value={emergency?.relation ?? ""}
              maxlength={30}
              placeholder="続柄（母、グループホームなど）"
              aria-label="続柄"
            />
            <input
              type="tel"
              name="emergencyPhone"
              value={emergency?.phone ?? ""}
              maxlength={20}
              placeholder="電話"
              aria-label="緊急連絡先の電話"
            />
          </fieldset>
          <label class="field">
            <span class="field-label">通院先・主治医</span>
            <input type="text" name="clinic" value={profile.clinic ?? ""} maxlength={200} />
          </label>
          <label class="field">
            <span class="field-label">メモ</span>
            <textarea name="notes" rows={4} maxlength={2000}>
              {profile.notes ?? ""}
            </textarea>
          </label>
          <button type="submit" class="button button-primary" data-testid="profile-save">
            保存する
          </button>
        </form>
      </details>
    </section>
  );
}

const fieldNames: Record<string, string> = {
  phone: "電話番号は数字とハイフンで入力してください。",
  email: "メールアドレスの形が正しくありません。",
  emergencyContact: "緊急連絡先は名前と、数字とハイフンの電話番号で入力してください。",
  caseworkerId: "担当は一覧から選んでください。",
};

/** The form's fields as a profile change; a problem comes back as a sentence for the page. */
export async function readProfileForm(
  c: Context<StaffEnv>,
): Promise<
  { ok: true; change: ReturnType<typeof profileSchema.parse> } | { ok: false; message: string }
> {
  const fields = await readForm(c);
  const emergencyName = (fields.emergencyName ?? "").trim();
  const emergencyPhone = (fields.emergencyPhone ?? "").trim();
  const candidate = {
    kana: fields.kana ?? null,
    phone: fields.phone ?? null,
    email: (fields.email ?? "").trim(),
    emergencyContact:
      emergencyName === "" && emergencyPhone === ""
        ? null
        : { name: emergencyName, relation: fields.emergencyRelation ?? "", phone: emergencyPhone },
    clinic: fields.clinic ?? null,
    notes: fields.notes ?? null,
    caseworkerId: fields.caseworkerId || null,
  };
  const parsed = profileSchema.safeParse(candidate);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    return { ok: false, message: fieldNames[field] ?? "入力を確認してください。" };
  }
  return { ok: true, change: parsed.data };
}

export async function saveProfile(c: Context<StaffEnv>, id: string) {
  const form = await readProfileForm(c);
  if (!form.ok) return { error: form.message };
  try {
    await updateProfile(c.var.scope, id, form.change);
  } catch (error) {
    if (error instanceof AppError && error.code === "bad_request") {
      return { error: fieldNames.caseworkerId };
    }
    throw error;
  }
  return { error: undefined };
}
