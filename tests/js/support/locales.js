/** The extension's _locales read under node, with chrome.i18n's substitution rules, for tests. */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { translator } from "../../../extension/core/translator.js";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const LOCALES_DIR = join(ROOT, "extension", "_locales");

/** Locale folder names: "en", "de", "zh_CN"… */
export const localeFolders = readdirSync(LOCALES_DIR).filter((name) => statSync(join(LOCALES_DIR, name)).isDirectory());

/** "zh_CN" → "zh-CN": the BCP 47 tag Intl and the bundle's texts use. */
export const bcp47 = (folder) => folder.replace("_", "-");

export const readMessages = (folder) => JSON.parse(readFileSync(join(LOCALES_DIR, folder, "messages.json"), "utf8"));

/** chrome.i18n.getMessage over one locale's messages: "" when missing, $1…$9 substituted, $$ is $. */
export function getMessageFrom(messages) {
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) return "";
    return entry.message.replace(/\$(\$|[1-9])/g, (_, what) => (what === "$" ? "$" : substitutions[Number(what) - 1] ?? ""));
  };
}

/** The translator the extension builds, for a locale folder. */
export const wordsIn = (folder) => translator(getMessageFrom(readMessages(folder)), bcp47(folder));

/** Keys of a plural family: "popupClaimRisk_one" → "popupClaimRisk", else null. */
export const pluralBase = (key) => key.match(/^(.+)_(zero|one|two|few|many|other)$/)?.[1] ?? null;
