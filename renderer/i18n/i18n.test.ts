import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import {
  expectFilledWithSamePlaceholders,
  expectIdenticalKeys,
  literalKeys,
  missingKeys,
} from './key-parity.ts';
import zhCN from './zh-CN.json';

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
    expectIdenticalKeys(en, zhCN);
  });

  it('every string is non-empty and the same placeholders appear in both languages', () => {
    expectFilledWithSamePlaceholders(en, zhCN);
  });

  it('every literal t("…") key used in the renderer exists', () => {
    const files = sourceFiles(rendererDir);
    for (const file of files) expect(relative(rendererDir, file)).not.toMatch(/^\.\./);
    const used = literalKeys(files, [/\bt\(\s*'([a-zA-Z0-9_.]+)'/g, /titleKey: '([a-zA-Z0-9_.]+)'/g]);
    expect(used.size).toBeGreaterThan(50);
    expect(missingKeys(zhCN, used)).toEqual([]);
  });
});
