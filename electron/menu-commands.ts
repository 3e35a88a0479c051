import { z } from 'zod';

// Menu items main cannot finish alone are forwarded to the renderer as these commands
// (bridge.onMenuCommand). Paths in them were chosen by the user in main's dialogs and are
// already granted to the core.

export const menuCommand = z.discriminatedUnion('type', [
  /** File › Import: open the import wizard on this file. */
  z.object({ type: z.literal('import-data'), path: z.string().min(1) }),
  /** File › Export: export the current view's chart or table. */
  z.object({ type: z.literal('export') }),
  z.object({ type: z.literal('show-view'), view: z.enum(['project', 'data', 'map', 'jobs']) }),
  z.object({ type: z.literal('set-language'), locale: z.enum(['zh', 'en']) }),
  z.object({ type: z.literal('user-guide') }),
]);
export type MenuCommand = z.infer<typeof menuCommand>;

export function parseMenuCommand(value: unknown): MenuCommand | null {
  const parsed = menuCommand.safeParse(value);
  return parsed.success ? parsed.data : null;
}
