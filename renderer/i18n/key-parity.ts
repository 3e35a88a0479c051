import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

// Test support for the string tables (renderer/i18n and each page's i18n/): zh-CN and en must
// carry the same keys, and every key the code uses must exist. Not imported by the app.

/** Every leaf key of a nested string table, dotted ("a.b.c"). */
export function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  );
}

/** The value at a dotted key, or undefined. */
export function lookup(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

/** Every leaf value of a nested table, as text. */
export function leafValues(tree: unknown): string[] {
  return tree !== null && typeof tree === 'object' ? Object.values(tree).flatMap(leafValues) : [String(tree)];
}

/** The keys among `used` that do not name a string in `tree`. */
export function missingKeys(tree: unknown, used: Iterable<string>): string[] {
  return [...used].filter((key) => typeof lookup(tree, key) !== 'string');
}

/** The first capture of each pattern's matches in the given source files. */
export function literalKeys(files: string[], patterns: RegExp[]): Set<string> {
  const used = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) used.add(m[1]);
  }
  return used;
}

/**
 * The literal tr('…') keys in a page's own source files (renderer/pages/<page>/*.ts(x), tests
 * excluded), given the URL of that page's i18n/ test.
 */
export function pageTrKeys(i18nTestUrl: string): Set<string> {
  const pageDir = dirname(dirname(fileURLToPath(i18nTestUrl)));
  const files = readdirSync(pageDir)
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.test.ts'))
    .map((name) => join(pageDir, name));
  return literalKeys(files, [/\btr\(\s*'([a-zA-Z0-9_.]+)'/g]);
}

export function expectIdenticalKeys(en: unknown, zhCN: unknown): void {
  expect(keys(en).sort()).toEqual(keys(zhCN).sort());
}

/** Every string non-empty in both languages, with the same {{placeholders}}. */
export function expectFilledWithSamePlaceholders(en: unknown, zhCN: unknown): void {
  for (const key of keys(zhCN)) {
    const zh = String(lookup(zhCN, key));
    const english = String(lookup(en, key));
    expect(zh.length, key).toBeGreaterThan(0);
    expect(english.length, key).toBeGreaterThan(0);
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    expect(placeholders(english), key).toEqual(placeholders(zh));
  }
}
