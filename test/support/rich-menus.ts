// The four rich menus installed on a test app's mock LINE, as `npm run admin -- richmenu` would.
import { installRichMenus, type RichMenuIds } from "../../src/line/rich-menu";
import { defaultRichMenuImageDir, readRichMenuImages } from "../../src/line/rich-menu-images";
import { replaceRichMenus } from "../../src/store/rich-menus";
import type { TestApp } from "./app";

export async function installTestRichMenus(t: TestApp): Promise<RichMenuIds> {
  const { richMenuIds } = await installRichMenus({
    channelAccessToken: t.config.channelAccessToken,
    baseUrl: t.lineBaseUrl,
    dataBaseUrl: t.lineBaseUrl,
    publicBaseUrl: t.config.publicBaseUrl,
    images: await readRichMenuImages(defaultRichMenuImageDir),
    record: (ids) => t.db.store.write((tx) => replaceRichMenus(tx, ids, t.deps.clock())),
  });
  return richMenuIds;
}
