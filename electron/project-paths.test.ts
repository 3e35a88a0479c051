import { describe, expect, it } from 'vitest';
import { formatApiError } from './format-api-error.ts';
import { projectPathFromArgv, withProjectExtension } from './project-paths.ts';

describe('projectPathFromArgv', () => {
  it('takes the last .duckdb argument, resolved against the working directory', () => {
    expect(projectPathFromArgv(['/opt/SoilTrace/soiltrace', 'a.duckdb', 'b.DuckDB'], '/home/u')).toBe(
      '/home/u/b.DuckDB',
    );
    expect(projectPathFromArgv(['electron', '.', '/data/徐州.duckdb'], '/repo')).toBe('/data/徐州.duckdb');
    expect(projectPathFromArgv(['electron', '.', '--inspect', 'notes.txt'], '/repo')).toBeNull();
    expect(projectPathFromArgv(['electron', '--x=a.duckdb'], '/repo')).toBeNull();
  });

  it('adds the .duckdb extension to new project paths', () => {
    expect(withProjectExtension('/p/徐州')).toBe('/p/徐州.duckdb');
    expect(withProjectExtension('/p/a.DUCKDB')).toBe('/p/a.DUCKDB');
  });
});

describe('formatApiError', () => {
  const error = {
    code: 'input' as const,
    message: { zh: '应为数字', en: 'expected a number' },
    location: { file: 'samples.csv', row: 12, column: 'Cd', value: 'n.d.' },
  };

  it('writes the message in the user’s language with file, row, column and value', () => {
    expect(formatApiError(error, 'zh')).toBe('应为数字（文件 samples.csv，第 12 行，列 “Cd”，值 “n.d.”）');
    expect(formatApiError(error, 'en')).toBe(
      'expected a number (file samples.csv, row 12, column "Cd", value "n.d.")',
    );
    expect(
      formatApiError({ code: 'no_project', message: { zh: '尚未打开项目', en: 'no project is open' } }, 'zh'),
    ).toBe('尚未打开项目');
  });
});
