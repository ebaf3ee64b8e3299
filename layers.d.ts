// Types for layers.js (plain JavaScript so that eslint.config.js can read it without a loader).
export interface Layer {
  name: string;
  folders: string[];
  mayImport: string[];
  /** Layers this one may import types from, never values. */
  typesFrom?: string[];
  /** For a layer in `typesFrom`: the subfolders whose values may be imported after all. */
  only?: Record<string, string[]>;
  role: string;
}
export const layers: Layer[];
export const folderLayer: Map<string, Layer>;
export function restrictionsFor(
  folder: string,
): { regex: string; message: string; allowTypeImports?: boolean }[];
