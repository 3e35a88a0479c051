import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INDUSTRIES, INPUT_PATHWAYS } from '../../../../analysis/domain/industries.ts';
import { LAND_USES } from '../../../../analysis/domain/land-use.ts';
import { INTERACTION_KINDS } from '../../../../analysis/methods/geodetector/index.ts';
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

const pageDir = dirname(dirname(fileURLToPath(import.meta.url)));

describe('attribution page strings', () => {
  it('zh-CN and en have the same keys, all non-empty, with the same placeholders', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    for (const key of keys(zhCN)) {
      const zh = String(lookup(zhCN, key));
      const english = String(lookup(en, key));
      expect(zh.length, key).toBeGreaterThan(0);
      expect(english.length, key).toBeGreaterThan(0);
      const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(placeholders(english), key).toEqual(placeholders(zh));
    }
  });

  it('every literal tr("…") key of the page exists', () => {
    const used = new Set<string>();
    for (const name of readdirSync(pageDir)) {
      if (!/\.tsx?$/.test(name) || name.endsWith('.test.ts')) continue;
      const text = readFileSync(join(pageDir, name), 'utf8');
      for (const m of text.matchAll(/\btr\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => typeof lookup(zhCN, k) !== 'string')).toEqual([]);
  });

  it('names every interaction kind, industry, pathway, land use and APCS warning the core returns', () => {
    const codes = [
      ...INTERACTION_KINDS.map((k) => `kind.${k}`),
      ...INDUSTRIES.map((k) => `industry.${k}`),
      ...INPUT_PATHWAYS.map((k) => `pathway.${k}`),
      ...LAND_USES.map((k) => `landUse.${k}`),
      ...['negative_mean_contribution', 'negative_intercept', 'negative_sample_contributions'].map(
        (k) => `apcs.warning.${k}`,
      ),
      ...['correlation', 'pca', 'apcs', 'geodetector', 'isotopes', 'massBalance'].map((k) => `tab.${k}`),
    ];
    expect(codes.filter((k) => typeof lookup(zhCN, k) !== 'string')).toEqual([]);
  });
});
