import { z } from 'zod';
import { SoilTraceError } from '../../../errors.ts';
import type { SoilStandard } from './types.ts';

// A user's own standard table (e.g. a provincial or local one) as JSON. Same shape as the built-in
// tables, checked here so a typo fails loudly instead of silently using wrong thresholds.

const entrySchema = z.object({
  metal: z.string().min(1),
  land: z.enum(['paddy', 'other', 'orchard', 'any']),
  values: z.array(z.number().positive()).min(1),
  verify: z.boolean().optional(),
  note: z.string().optional(),
});

export const userStandardSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'id: letters, digits, ".", "_" or "-"')
      .refine(
        (id) => !['gb15618', 'gb36600-1', 'gb36600-2'].includes(id.toLowerCase()),
        'id is taken by a built-in standard',
      ),
    name: z.union([z.string().min(1), z.object({ zh: z.string().min(1), en: z.string().min(1) })]),
    version: z.string().min(1),
    source: z.string().min(1),
    kind: z.enum(['farmland', 'construction']),
    phBreaks: z.array(z.number().gt(0).lt(14)).default([]),
    screening: z.array(entrySchema).min(1),
    intervention: z.array(entrySchema).default([]),
    verify: z.boolean().optional(),
  })
  .superRefine((t, ctx) => {
    for (let i = 1; i < t.phBreaks.length; i++) {
      if (t.phBreaks[i] <= t.phBreaks[i - 1]) {
        ctx.addIssue({ code: 'custom', path: ['phBreaks', i], message: 'pH breaks must ascend' });
      }
    }
    const bands = t.phBreaks.length + 1;
    for (const list of ['screening', 'intervention'] as const) {
      const seen = new Set<string>();
      t[list].forEach((e, i) => {
        if (e.values.length !== bands) {
          ctx.addIssue({
            code: 'custom',
            path: [list, i, 'values'],
            message: `expected ${bands} values (one per pH band), found ${e.values.length}`,
          });
        }
        const key = `${e.metal}/${e.land}`;
        if (seen.has(key))
          ctx.addIssue({ code: 'custom', path: [list, i], message: `duplicate entry ${key}` });
        seen.add(key);
      });
    }
  });

export type UserStandardTable = z.input<typeof userStandardSchema>;

/** Builds a SoilStandard from a user's JSON table; throws SoilTraceError naming the bad field. */
export function standardFromUserTable(input: unknown, file?: string): SoilStandard {
  const parsed = userStandardSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.join('.');
    throw new SoilTraceError(
      { zh: `标准表无效：${path} ${issue.message}`, en: `invalid standard table: ${path} ${issue.message}` },
      { file, column: path || undefined },
    );
  }
  const t = parsed.data;
  return {
    id: t.id,
    name: typeof t.name === 'string' ? { zh: t.name, en: t.name } : t.name,
    version: t.version,
    source: t.source,
    kind: t.kind,
    phBreaks: t.phBreaks,
    screening: t.screening,
    intervention: t.intervention,
    verify: t.verify,
  };
}
