// ESLint flat config: typescript-eslint with the project's habits (STYLE.md).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { folderLayer, restrictionsFor } from "./layers.js";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "drizzle/", ".wrangler/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports (STYLE.md)." },
      ],
    },
  },
  {
    files: ["*.config.ts", "*.config.js", "src/worker.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
  // The browser scripts are // @ts-check'd against the DOM lib: tsc, not no-undef, knows their names.
  { files: ["src/**/*.js"], rules: { "no-undef": "off" } },
  // The layer table (layers.js): an import against it fails the lint, and so the build.
  ...[...folderLayer.keys()].map((folder) => ({
    files: [`src/${folder}/**/*.{ts,tsx}`],
    rules: { "no-restricted-imports": ["error", { patterns: restrictionsFor(folder) }] },
  })),
);
