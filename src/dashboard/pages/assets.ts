// The dashboard's stylesheet and its one small script, served as files (the CSP allows no inline).
export const dashboardStyle = `
:root {
  --bg: #f3f5f7;
  --surface: #ffffff;
  --text: #1d2939;
  --muted: #5d6b7e;
  --border: #dfe3e8;
  --border-strong: #c5ccd5;
  --brand: #0d7a63;
  --brand-dark: #09604e;
  --brand-soft: #e7f4f0;
  --danger: #b42318;
  --danger-soft: #fef3f2;
  --warn: #b54708;
  --warn-soft: #fff6e5;
  --info: #1a5fb4;
  --info-soft: #eef5fe;
  --ok: #067647;
  --ok-soft: #ebf8f1;
  --radius: 10px;
  --shadow: 0 1px 2px rgba(16, 24, 40, 0.06), 0 1px 3px rgba(16, 24, 40, 0.08);
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--text);
  font-family: system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP",
    "Yu Gothic UI", Meiryo, "IPAGothic", sans-serif;
  font-size: 15px;
  line-height: 1.6;
}
a { color: var(--info); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid #7cb7ff; outline-offset: 2px; }
h1, h2, h3 { line-height: 1.35; margin: 0 0 12px; }
h1 { font-size: 22px; }
h2 { font-size: 17px; }
p { margin: 0 0 10px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.muted { color: var(--muted); }
.small { font-size: 13px; }
.prewrap { white-space: pre-wrap; overflow-wrap: anywhere; }
.inline { display: inline; margin: 0; }

/* Header and navigation */
.topbar { background: var(--surface); border-bottom: 1px solid var(--border); }
.topbar-inner {
  max-width: 1200px;
  margin: 0 auto;
  padding: 10px 20px;
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 12px;
}
.brand {
  color: var(--brand);
  font-weight: 700;
  font-size: 20px;
  text-decoration: none;
  letter-spacing: 0.04em;
  white-space: nowrap;
}
.brand-sub { color: var(--muted); font-size: 13px; font-weight: 500; margin-left: 6px; letter-spacing: 0; }
.who { display: flex; align-items: center; gap: 10px; min-width: 0; }
.who-name { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.who-role {
  font-size: 12px;
  color: var(--muted);
  border: 1px solid var(--border);
  border-radius: 999px;
  padding: 0 8px;
  white-space: nowrap;
}
.nav { max-width: 1200px; margin: 0 auto; padding: 0 8px; overflow-x: auto; }
.nav ul { list-style: none; margin: 0; padding: 0; display: flex; gap: 2px; }
.nav a {
  display: block;
  padding: 10px 12px;
  color: var(--muted);
  text-decoration: none;
  font-weight: 600;
  white-space: nowrap;
  border-bottom: 3px solid transparent;
}
.nav a:hover { color: var(--text); }
.nav a[aria-current="page"] { color: var(--brand); border-bottom-color: var(--brand); }
.nav-count {
  display: inline-block; min-width: 1.5em; margin-left: 4px; padding: 0 6px;
  border-radius: 999px; background: #b42318; color: #fff; font-size: 12px; text-align: center;
}
.conversation { list-style: none; margin: 0 0 16px; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.bubble { max-width: min(80%, 640px); padding: 8px 12px; border-radius: 12px; background: #fff; border: 1px solid #d0d5dd; }
.bubble-in { align-self: flex-start; }
.bubble-out { align-self: flex-end; background: #eef6ee; }
.bubble-staff { background: #e8f0fe; }
.bubble-meta { margin: 0 0 4px; font-size: 12px; color: #555; }
.bubble-text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.checkin-card-title { margin: 0 0 4px; font-weight: 600; }
.person-items { margin: 6px 0 0; padding-left: 1.2em; }
.person-summary { cursor: pointer; }

.main { max-width: 1200px; margin: 0 auto; padding: 24px 20px 48px; }
.main.narrow { max-width: 560px; padding-top: 10vh; }
.page-head {
  display: flex;
  align-items: baseline;
  justify-content: space-between;
  flex-wrap: wrap;
  gap: 4px 16px;
  margin-bottom: 16px;
}
.page-head h1 { margin: 0; }
.page-head p { margin: 0; }
.crumbs { margin-bottom: 12px; font-size: 14px; }

/* Surfaces */
.card {
  background: var(--surface);
  border: 1px solid var(--border);
  border-radius: var(--radius);
  box-shadow: var(--shadow);
  padding: 20px;
  margin-bottom: 16px;
}
.narrow-card { max-width: 520px; }
.empty { text-align: center; padding: 40px 20px; }
.empty-title { font-size: 17px; font-weight: 600; }
.message-card { text-align: center; padding: 40px 24px; }

.notice { border-radius: 8px; padding: 10px 14px; margin: 0 0 14px; font-weight: 500; border: 1px solid; }
.notice-error { background: var(--danger-soft); color: var(--danger); border-color: #f5c2bd; }
.notice-success { background: var(--ok-soft); color: var(--ok); border-color: #b7e4cb; }
.notice-info { background: var(--info-soft); color: var(--info); border-color: #c3dafa; }

/* Forms and buttons */
.field { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.field-label { font-weight: 600; font-size: 14px; }
.field-help { color: var(--muted); font-size: 13px; }
.field-row { display: flex; gap: 8px; }
.field-row select { flex: 1; min-width: 0; }
input[type="text"], input[type="email"], input[type="password"], select, textarea {
  font: inherit;
  font-size: 16px;
  color: inherit;
  background: var(--surface);
  border: 1px solid var(--border-strong);
  border-radius: 8px;
  padding: 8px 10px;
  min-height: 40px;
  width: 100%;
}
input[type="text"], input[type="email"], input[type="password"], select { height: 44px; }
textarea { resize: vertical; min-height: 80px; }
input:focus, select:focus, textarea:focus { border-color: var(--brand); outline: 3px solid var(--brand-soft); outline-offset: 0; }
.stack { display: flex; flex-direction: column; gap: 14px; }
.inline-form { display: flex; align-items: flex-end; gap: 12px; flex-wrap: wrap; margin-bottom: 8px; }
.inline-form .field { flex: 1 1 260px; }
.grid-form { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; align-items: end; margin-bottom: 8px; }
.button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  gap: 6px;
  min-height: 40px;
  padding: 8px 16px;
  border-radius: 8px;
  border: 1px solid var(--border-strong);
  background: var(--surface);
  color: var(--text);
  font: inherit;
  font-weight: 600;
  text-decoration: none;
  cursor: pointer;
  white-space: nowrap;
}
.button:hover { background: #f6f7f9; }
.button-primary { background: var(--brand); border-color: var(--brand); color: #fff; }
.button-primary:hover { background: var(--brand-dark); }
.button-danger { background: var(--surface); border-color: #e8a39c; color: var(--danger); }
.button-danger:hover { background: var(--danger-soft); }
.button-quiet { border-color: var(--border); }
.button-small { min-height: 32px; padding: 4px 12px; font-size: 13px; }
.reissue { margin-top: 8px; }
.button-block { width: 100%; }
.button-row { display: flex; gap: 10px; flex-wrap: wrap; margin-top: 8px; }

/* Filters */
.filters {
  display: flex;
  flex-wrap: wrap;
  align-items: flex-end;
  gap: 12px;
  background: var(--surface);
  border: 1px solid var(--border);
  border-radius: var(--radius);
  padding: 12px 16px;
  margin-bottom: 16px;
}
.field-inline { flex: 1 1 180px; }

/* Badges */
.badge {
  display: inline-block;
  border-radius: 6px;
  padding: 1px 10px;
  font-size: 13px;
  font-weight: 700;
  line-height: 1.7;
  white-space: nowrap;
}
.sev-urgent { background: var(--danger); color: #fff; }
.sev-high { background: #fdebd3; color: #9a3a07; }
.sev-normal { background: var(--info-soft); color: var(--info); }
.sev-low { background: #eef0f3; color: #475467; }
.status { background: transparent; border: 1px solid currentColor; font-weight: 600; border-radius: 999px; }
.status-open { color: var(--warn); }
.status-acknowledged { color: var(--info); }
.status-resolved { color: var(--ok); }
.chip { display: inline-block; background: #eef0f3; border-radius: 999px; padding: 1px 10px; font-size: 13px; }
.deadline { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; }
.overdue { color: var(--danger); font-weight: 600; }
.overdue-tag {
  background: var(--danger-soft);
  color: var(--danger);
  border: 1px solid #f5c2bd;
  border-radius: 6px;
  padding: 0 6px;
  font-size: 12px;
  white-space: nowrap;
}
.yes { color: var(--ok); font-weight: 600; }
.no { color: var(--muted); }

/* Tables (cards on a phone) */
.table {
  width: 100%;
  border-collapse: separate;
  border-spacing: 0;
  background: var(--surface);
  border: 1px solid var(--border);
  border-radius: var(--radius);
  box-shadow: var(--shadow);
  overflow: hidden;
  margin-bottom: 16px;
}
.table th {
  text-align: left;
  font-size: 13px;
  color: var(--muted);
  font-weight: 600;
  background: #f8f9fb;
  padding: 10px 14px;
  border-bottom: 1px solid var(--border);
  white-space: nowrap;
}
.table td { padding: 12px 14px; border-bottom: 1px solid var(--border); vertical-align: top; }
.table tbody tr:last-child td { border-bottom: 0; }
.table tbody tr { position: relative; }
.table tbody tr:hover { background: #f8fafc; }
/* the row's main link covers the whole row: one big target, no script */
.row-link::after { content: ""; position: absolute; inset: 0; }
/* what sits on a stretched row link stays reachable: the other items and the conversation link */
.person-more, .q-who a, .person-items .row-link { position: relative; z-index: 1; }
.person-items .row-link::after { content: none; }
.queue-row.row-urgent td:first-child { box-shadow: inset 4px 0 0 var(--danger); }
.queue-row.row-high td:first-child { box-shadow: inset 4px 0 0 #e8843c; }
.queue td.q-sev, .queue td.q-age, .queue td.q-due, .queue td.q-assignee, .queue td.q-status { white-space: nowrap; }
.queue td.q-what { width: 42%; }
.queue td.q-who { overflow-wrap: anywhere; min-width: 8em; }
.q-what a { text-decoration: none; color: inherit; display: block; }
.queue-category { display: block; font-weight: 700; color: var(--text); }
.queue-summary { display: block; color: var(--muted); font-size: 14px; overflow-wrap: anywhere; }
.q-what a:hover .queue-category { color: var(--info); text-decoration: underline; }
.id { color: var(--muted); }

/* Detail */
/* cards keep their own bottom margin, so the grid adds only the column gap */
.detail { display: grid; grid-template-columns: minmax(0, 2fr) minmax(280px, 1fr); gap: 0 16px; align-items: start; }
.detail-side { position: sticky; top: 16px; }
.detail-badges { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 10px; }
.detail-summary { font-size: 20px; overflow-wrap: anywhere; }
.pairs { margin: 0; }
.pair { display: grid; grid-template-columns: 8em minmax(0, 1fr); gap: 8px; padding: 6px 0; border-top: 1px solid var(--border); }
.pair:first-child { border-top: 0; }
.pair dt { color: var(--muted); font-size: 14px; }
.pair dd { margin: 0; overflow-wrap: anywhere; }
.pairs-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); column-gap: 24px; }
.pairs-grid .pair:first-child { border-top: 1px solid var(--border); }
.evidence, .timeline { list-style: none; margin: 0; padding: 0; }
.evidence-item + .evidence-item { margin-top: 14px; padding-top: 14px; border-top: 1px dashed var(--border); }
.evidence-at { margin-bottom: 4px; }
.quote {
  margin: 0 0 8px;
  padding: 10px 14px;
  background: #f8f9fb;
  border-left: 4px solid var(--border-strong);
  border-radius: 0 8px 8px 0;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}
.timeline-item { position: relative; padding: 0 0 14px 20px; border-left: 2px solid var(--border); margin-left: 6px; }
.timeline-item:last-child { padding-bottom: 0; }
.timeline-item::before {
  content: "";
  position: absolute;
  left: -7px;
  top: 6px;
  width: 12px;
  height: 12px;
  border-radius: 50%;
  background: var(--surface);
  border: 2px solid var(--border-strong);
}
.timeline-item.kind-resolved::before { border-color: var(--ok); background: var(--ok); }
.timeline-item.kind-acknowledged::before { border-color: var(--info); }
.timeline-item.kind-reescalated::before { border-color: var(--danger); }
.timeline-head { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
.timeline-detail { margin: 4px 0 0; background: #f8f9fb; border-radius: 8px; padding: 8px 12px; }
.actions .action { padding: 14px 0; border-top: 1px solid var(--border); display: flex; flex-direction: column; gap: 8px; }
.actions .action:first-of-type { border-top: 0; padding-top: 0; }
.actions .action .button { align-self: flex-start; }

/* Link code and sheet */
.code-card { max-width: 720px; }
.code-label { margin: 8px 0 0; color: var(--muted); font-weight: 600; }
.code-big {
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 44px;
  font-weight: 700;
  letter-spacing: 0.12em;
  margin: 0 0 8px;
  color: var(--text);
}
.secret { font-size: 18px; background: #f3f4f6; padding: 4px 10px; border-radius: 6px; user-select: all; }
.sheet-heading { font-size: 15px; color: var(--muted); margin-top: 28px; }
.sheet {
  background: #fff;
  max-width: 720px;
  padding: 40px 44px;
  border: 1px solid var(--border);
  box-shadow: 0 4px 16px rgba(16, 24, 40, 0.08);
  font-size: 17px;
  line-height: 1.8;
  /* やさしい日本語 is written with spaces between words: break lines there, not inside words */
  word-break: keep-all;
  overflow-wrap: anywhere;
}
.sheet-to { font-size: 20px; font-weight: 700; border-bottom: 2px solid var(--text); display: inline-block; padding-right: 24px; }
.sheet-title { font-size: 24px; margin: 18px 0 8px; }
.sheet-steps { padding-left: 1.4em; margin: 20px 0; }
.sheet-steps > li { margin-bottom: 18px; padding-left: 4px; }
.sheet-steps > li::marker { font-weight: 700; font-size: 20px; }
.sheet-step-title { font-weight: 700; margin-bottom: 8px; }
.sheet-qr { display: flex; align-items: center; gap: 18px; flex-wrap: wrap; }
.sheet-qr img { border: 1px solid var(--border); width: 160px; height: 160px; }
.sheet-qr-text { margin: 0; }
.sheet-url { word-break: break-all; color: var(--muted); font-size: 14px; }
.sheet-code {
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 40px;
  font-weight: 700;
  letter-spacing: 0.14em;
  border: 3px solid var(--text);
  border-radius: 12px;
  display: inline-block;
  padding: 6px 24px;
  margin: 0;
}
.sheet-notes { background: #f6f7f9; border-radius: 10px; padding: 14px 14px 14px 2em; margin: 0; }

/* Registrant: reachability, schedule, consent, the 12-week chart and the history table */
.alert-banner {
  background: var(--danger-soft);
  border: 2px solid var(--danger);
  border-left-width: 8px;
  border-radius: var(--radius);
  padding: 12px 16px;
  margin-bottom: 16px;
  color: var(--text);
}
.alert-banner p:last-child { margin-bottom: 0; }
.alert-banner-title { color: var(--danger); font-weight: 700; font-size: 18px; margin-bottom: 4px; }
.danger-text { color: var(--danger); }
.status-chip { font-weight: 600; }
.status-chip.status-paused { background: var(--warn-soft); color: var(--warn); }
.status-chip.status-ended { background: #eef0f3; color: var(--muted); }
.status-chip.status-active { background: var(--ok-soft); color: var(--ok); }
.button:disabled, .button:disabled:hover {
  background: #eef0f3;
  border-color: var(--border);
  color: #8a94a3;
  cursor: not-allowed;
}
input[type="time"] {
  font: inherit;
  font-size: 16px;
  color: inherit;
  background: var(--surface);
  border: 1px solid var(--border-strong);
  border-radius: 8px;
  padding: 8px 10px;
  height: 44px;
  width: 100%;
}
.schedule-fields { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 8px; align-items: end; }
.schedule-fields .button { justify-self: start; }
.consent-history { list-style: none; margin: 0; padding: 0; }
.consent-history li { display: flex; flex-wrap: wrap; gap: 2px 10px; align-items: baseline; padding: 6px 0; border-top: 1px solid var(--border); }
.consent-history li:first-child { border-top: 0; }
.consent-withdrawn strong, .consent-declined strong { color: var(--warn); }
.chart-figure { margin: 0; }
.chart-figure figcaption { margin-top: 6px; }
.chart { display: block; width: 100%; height: auto; overflow: visible; }
.chart-narrow { display: none; }
.chart text { font-size: 13px; fill: var(--muted); }
.chart .chart-y { text-anchor: end; dominant-baseline: central; }
.chart .chart-tick { text-anchor: middle; }
.chart-grid line { stroke: #e3e7ec; stroke-width: 1; }
.chart-line { stroke-width: 2.5; stroke-linejoin: round; stroke-linecap: round; }
.chart-marker { stroke: #fff; stroke-width: 1.5; }
.chart .chart-missed-mark { font-size: 22px; font-weight: 700; fill: #6b7685; text-anchor: middle; dominant-baseline: central; }
.chart .chart-missed-label { font-size: 12px; fill: var(--text); text-anchor: middle; }
/* a narrow week's band has no room for the word across: it runs down the band */
.chart-narrow .chart-missed-label { writing-mode: vertical-rl; text-anchor: start; }
.chart-legend { list-style: none; margin: 0 0 6px; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 14px; }
.chart-legend li { display: inline-flex; align-items: center; gap: 6px; }
.legend-swatch { width: 40px; height: 16px; overflow: visible; }
.legend-missed text { font-size: 14px; font-weight: 700; fill: #7c8694; text-anchor: middle; }
.table-scroll { overflow-x: auto; }
.table-scroll .table { margin-bottom: 0; }
.history th[scope="row"] { text-align: left; font-weight: 600; white-space: nowrap; }
.history th, .history td { padding-left: 10px; padding-right: 10px; }
.history td { min-width: 5.5em; }
/* やさしい日本語 answers are spaced words: break lines between them, not inside */
.history td.answer { word-break: keep-all; overflow-wrap: anywhere; }
.history-sent, .history-origin { display: block; font-weight: 400; }
.history .row-missed { background: #f6f7f9; }
.missed-tag { display: inline-block; background: #e6e9ee; color: var(--text); border-radius: 6px; padding: 0 8px; font-weight: 700; font-size: 13px; }
.score {
  display: inline-block;
  min-width: 1.6em;
  margin-right: 6px;
  border-radius: 6px;
  text-align: center;
  font-weight: 700;
  font-size: 13px;
  line-height: 1.6;
}
.score-4 { background: var(--ok-soft); color: var(--ok); }
.score-3 { background: #eef5fe; color: var(--info); }
.score-2 { background: var(--warn-soft); color: var(--warn); }
.score-1 { background: var(--danger-soft); color: var(--danger); }
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}

/* Pager */
.pager { display: flex; justify-content: space-between; gap: 12px; }

/* Login */
body.bare { min-height: 100vh; }
.login { min-height: 100vh; display: flex; align-items: center; justify-content: center; padding: 24px 16px; }
.login-card { width: 100%; max-width: 400px; padding: 32px 28px; }
.login-brand { color: var(--brand); font-weight: 700; font-size: 28px; letter-spacing: 0.06em; margin: 0; }
.login-title { font-size: 17px; color: var(--muted); font-weight: 600; margin-bottom: 20px; }
.login-card form { margin-bottom: 16px; }

@media (max-width: 960px) {
  .detail { grid-template-columns: minmax(0, 1fr); }
  .detail-side { position: static; }
}

@media (max-width: 760px) {
  body { font-size: 15px; }
  .topbar-inner { padding: 10px 14px; }
  .brand-sub { display: none; }
  .who-role { display: none; }
  .nav { padding: 0 6px; }
  .main { padding: 16px 12px 40px; }
  .card { padding: 16px; }
  h1 { font-size: 20px; }
  .filters { padding: 12px; gap: 10px; }
  .field-inline { flex: 1 1 140px; }
  .filters .button { flex: 1 1 100%; }
  .table, .table tbody, .table tr, .table td { display: block; width: 100%; }
  .table { background: transparent; border: 0; box-shadow: none; overflow: visible; }
  .table thead { display: none; }
  .table tbody tr {
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    box-shadow: var(--shadow);
    margin-bottom: 10px;
    padding: 8px 14px;
  }
  .table td {
    display: grid;
    grid-template-columns: 5.5em minmax(0, 1fr);
    justify-items: start;
    gap: 8px;
    padding: 3px 0;
    border-bottom: 0;
  }
  .table td::before { content: attr(data-label); color: var(--muted); font-size: 13px; padding-top: 2px; }
  /* a queue card: badge, age and status on top, then what happened, then who and when */
  .queue tbody tr.queue-row {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    grid-template-areas:
      "sev age status"
      "what what what"
      "who who who"
      "due due assignee";
    align-items: center;
    column-gap: 10px;
    padding: 12px 14px;
  }
  .queue td { display: block; padding: 2px 0; }
  .queue td::before { content: none; }
  .queue td.q-sev { grid-area: sev; }
  .queue td.q-age { grid-area: age; color: var(--muted); font-size: 13px; }
  .queue td.q-status { grid-area: status; }
  .queue td.q-what { grid-area: what; width: auto; padding: 6px 0 4px; }
  .queue td.q-who { grid-area: who; min-width: 0; }
  .queue td.q-due { grid-area: due; white-space: normal; }
  .queue td.q-due .deadline { display: inline; }
  .queue td.q-due .overdue-tag { margin-left: 6px; }
  .queue td.q-assignee { grid-area: assignee; text-align: right; }
  .queue td.q-who::before, .queue td.q-due::before, .queue td.q-assignee::before {
    content: attr(data-label) " ";
    color: var(--muted);
    font-size: 13px;
  }
  .queue-row.row-urgent td:first-child, .queue-row.row-high td:first-child { box-shadow: none; }
  .queue-row.row-urgent { border-left: 5px solid var(--danger); }
  .queue-row.row-high { border-left: 5px solid #e8843c; }
  .nav a { padding: 10px 9px; }
  .pair { grid-template-columns: 7em minmax(0, 1fr); }
  .code-big { font-size: 34px; }
  .sheet { padding: 24px 18px; font-size: 16px; }
  .sheet-code { font-size: 30px; padding: 4px 14px; }
  .chart-wide { display: none; }
  .chart-narrow { display: block; }
  .table-scroll { overflow-x: visible; }
  .history th[scope="row"] {
    display: block;
    background: transparent;
    border: 0;
    padding: 2px 0 6px;
    font-size: 15px;
    color: var(--text);
  }
}

@media print {
  @page { size: A4; margin: 14mm; }
  body { background: #fff; font-size: 12pt; }
  .topbar, .screen-only, .crumbs { display: none !important; }
  .main { max-width: none; padding: 0; }
  .sheet { border: 0; box-shadow: none; padding: 0; max-width: none; font-size: 14pt; }
  .sheet-code { font-size: 32pt; }
  .sheet-qr img { width: 45mm; height: 45mm; }
  .sheet-notes { background: none; border: 1px solid #999; }
}
`;

/** Only the print button needs a script; every form works without one. */
export const dashboardScript = `
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// The queue and the inbox keep themselves fresh: every 20 seconds they ask how many items came in
// since the page was drawn (counts only) and say so; when nothing is being typed, they redraw.
const watch = document.querySelector("[data-watch-since]");
if (watch) {
  const since = watch.getAttribute("data-watch-since");
  const banner = document.querySelector("[data-fresh]");
  const count = banner ? banner.querySelector("[data-fresh-count]") : null;
  let fresh = 0;
  const check = async () => {
    const response = await fetch("/api/changes?since=" + encodeURIComponent(since), {
      credentials: "same-origin",
      headers: { accept: "application/json" },
    });
    // a session that ended (logged out elsewhere, deactivated): to the login, and back here after
    if (response.status === 401) {
      window.location.assign("/login?next=" + encodeURIComponent(window.location.pathname));
      return fresh;
    }
    if (!response.ok) return fresh;
    const body = await response.json();
    fresh = body.newEscalations + body.newUnread;
    if (banner && count && fresh > 0) {
      count.textContent = String(fresh);
      banner.hidden = false;
    }
    return fresh;
  };
  window.tsunagiCheck = check;
  setInterval(() => void check().catch(() => undefined), 20000);
  setInterval(() => {
    const typing = document.activeElement && /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (fresh > 0 && !typing) window.location.reload();
  }, 120000);
}
`;
