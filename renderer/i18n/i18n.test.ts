import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  );
}

function lookup(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

const rendererDir = dirname(dirname(fileURLToPath(import.meta.url)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('i18n resources', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('every string is non-empty and the same placeholders appear in both languages', () => {
    for (const key of keys(zhCN)) {
      const zh = String(lookup(zhCN, key));
      const english = String(lookup(en, key));
      expect(zh.length, key).toBeGreaterThan(0);
      expect(english.length, key).toBeGreaterThan(0);
      const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(placeholders(english), key).toEqual(placeholders(zh));
    }
  });

  it('every literal t("…") key used in the renderer exists', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(rendererDir)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/titleKey: '([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
      expect(relative(rendererDir, file)).not.toMatch(/^\.\./);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => typeof lookup(zhCN, key) !== 'string');
    expect(missing).toEqual([]);
  });
});
