// The emulator's chat page: markup here, behaviour in chat.js, looks in chat.css (no inline: CSP).
import { richMenuChatBarText, richMenuIconNames, type RichMenuIconName } from "../line/rich-menu";

/**
 * The rich menu's pictures as SVG, in `currentColor` on a white glyph: shared by the emulator and
 * assets/make-richmenu.ts, so both look the same and neither needs an emoji font.
 */
export function RichMenuIcon(props: { icon: RichMenuIconName; class?: string }) {
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
      {props.icon === "code" && (
        <>
          {/* a key: the number from staff opens the way in */}
          <circle cx={36} cy={50} r={13} fill="none" stroke="#fff" stroke-width={9} />
          <path
            d="M49 50h28M69 50v11M60 50v8"
            fill="none"
            stroke="#fff"
            stroke-width={9}
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </>
      )}
      {props.icon === "dashboard" && (
        <>
          <rect x={22} y={27} width={56} height={40} rx={6} fill="#fff" />
          <path d="M42 76h16M50 67v9" stroke="#fff" stroke-width={7} stroke-linecap="round" />
          <path
            d="M34 58v-8M45 58v-17M56 58v-11M67 58v-20"
            stroke="currentColor"
            stroke-width={6}
            stroke-linecap="round"
          />
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

          {/*
            The menu LINE shows this persona: the one linked to them in the mock, else the default
            (chat.js asks /emulator/api/richmenu). Hidden while the channel has none installed.
          */}
          <nav id="richmenu" class="richmenu" aria-label="リッチメニュー" hidden>
            <button
              id="richmenu-toggle"
              type="button"
              class="richmenu-toggle"
              aria-expanded="true"
              aria-controls="richmenu-items"
              data-testid="richmenu-toggle"
            >
              <span id="richmenu-bar-text">{richMenuChatBarText}</span>{" "}
              <span id="richmenu-arrow">▼</span>
            </button>
            <div id="richmenu-items" class="richmenu-items" data-testid="richmenu-items"></div>
            <template id="richmenu-icons">
              {richMenuIconNames.map((icon) => (
                <span data-icon={icon}>
                  <RichMenuIcon icon={icon} class="richmenu-icon" />
                </span>
              ))}
            </template>
          </nav>
        </main>
      </body>
    </html>
  );
}
