import { z } from 'zod';

// What the shell remembers between runs (userData/settings.json): recent projects and the UI
// language. A damaged file is ignored rather than stopping the app.

export const MAX_RECENT = 10;

const settingsSchema = z.object({
  recentProjects: z.array(z.string().min(1).max(4096)).max(100).default([]),
  language: z.enum(['zh', 'en']).optional(),
});
export type AppSettings = z.infer<typeof settingsSchema>;

export function parseSettings(text: string | null): AppSettings {
  if (text === null) return { recentProjects: [] };
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(text));
    if (parsed.success)
      return { ...parsed.data, recentProjects: parsed.data.recentProjects.slice(0, MAX_RECENT) };
  } catch {
    // not JSON: start afresh
  }
  return { recentProjects: [] };
}

export function serializeSettings(settings: AppSettings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** Most recent first, without duplicates, at most MAX_RECENT. */
export function addRecentProject(recent: readonly string[], path: string): string[] {
  return [path, ...recent.filter((entry) => entry !== path)].slice(0, MAX_RECENT);
}
