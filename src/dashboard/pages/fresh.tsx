// The note that new items came in since the page was drawn (filled in by /dashboard/app.js).
export function FreshBanner(props: { since: number }) {
  return (
    <p class="notice notice-info" data-watch-since={String(props.since)} data-fresh hidden>
      新しい案件・未読が <strong data-fresh-count>0</strong> 件あります。{" "}
      <a href="" data-testid="fresh-reload">
        更新する
      </a>
    </p>
  );
}
