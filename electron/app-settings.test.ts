import { describe, expect, it } from 'vitest';
import { addRecentProject, MAX_RECENT, parseSettings, serializeSettings } from './app-settings.ts';

describe('app settings', () => {
  it('keeps recent projects most recent first, without duplicates, at most ten', () => {
    let recent: string[] = [];
    for (let i = 1; i <= 12; i++) recent = addRecentProject(recent, `/p/${i}.duckdb`);
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent[0]).toBe('/p/12.duckdb');
    expect(recent.at(-1)).toBe('/p/3.duckdb');
    expect(addRecentProject(recent, '/p/5.duckdb').slice(0, 2)).toEqual(['/p/5.duckdb', '/p/12.duckdb']);
    expect(addRecentProject(recent, '/p/5.duckdb').filter((p) => p === '/p/5.duckdb')).toHaveLength(1);
  });

  it('round-trips and survives a missing or damaged file', () => {
    const settings = { recentProjects: ['/p/徐州.duckdb'], language: 'en' as const };
    expect(parseSettings(serializeSettings(settings))).toEqual(settings);
    expect(parseSettings(null)).toEqual({ recentProjects: [] });
    expect(parseSettings('{not json')).toEqual({ recentProjects: [] });
    expect(parseSettings('{"recentProjects": "x", "language": "fr"}')).toEqual({ recentProjects: [] });
  });
});
