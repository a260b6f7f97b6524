/**
 * The bundle packed into the extension, read back as the server serves it. The build groups
 * the lint patterns by language for the zip's deflate (server/shipguard/commands/packed_bundle.py);
 * here each returns to its rule, so the rest of the extension knows one layout.
 */

/** `bundle` as the server serves it: a packed one's lint patterns back in their rules, a served one as it is. */
export function servedLayout(bundle) {
  const byLanguage = bundle?.lint?.patterns_by_language;
  if (!byLanguage) return bundle;
  const lint = { ...bundle.lint, rules: bundle.lint.rules.map((rule) => ({ ...rule })) };
  delete lint.patterns_by_language;
  const rules = new Map(lint.rules.map((rule) => [rule.id, rule]));
  for (const [code, byRule] of Object.entries(byLanguage)) {
    for (const [id, byKey] of Object.entries(byRule)) {
      const rule = rules.get(id);
      for (const [key, patterns] of Object.entries(byKey)) (rule[key] ??= {})[code] = patterns;
    }
  }
  return { ...bundle, lint };
}
