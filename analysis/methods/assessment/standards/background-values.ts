import { z } from 'zod';
import { SoilTraceError } from '../../../errors.ts';

// Background values Bn (mg/kg) for Igeo, Er, EF and background-based Pi.

export interface BackgroundSet {
  id: string;
  name: { zh: string; en: string };
  source: string;
  /** mg/kg by element symbol. */
  values: Readonly<Record<string, number>>;
  verify?: boolean;
}

// China national A-horizon arithmetic means, CNEMC 1990 《中国土壤元素背景值》 (China Environmental
// Science Press), as widely cited; transcribed from shared/reference/soil-standards.md, which marks
// them "verify".
export const CHINA_NATIONAL_BACKGROUND_1990: BackgroundSet = {
  id: 'cnemc-1990-national',
  name: {
    zh: '全国土壤A层背景值（算术均值，1990）',
    en: 'China national soil A-horizon background (arithmetic mean, 1990)',
  },
  source: 'CNEMC 1990, 中国土壤元素背景值, A horizon arithmetic means (verify)',
  values: { Cd: 0.097, Hg: 0.065, As: 11.2, Pb: 26.0, Cr: 61.0, Cu: 22.6, Ni: 26.9, Zn: 74.2 },
  verify: true,
};

/** JSON a user supplies for a provincial or local background (e.g. Zhejiang's). */
export const userBackgroundSchema = z.object({
  id: z.string().min(1),
  name: z.union([z.string().min(1), z.object({ zh: z.string(), en: z.string() })]),
  source: z.string().min(1),
  values: z.record(z.string().min(1), z.number().positive()),
  verify: z.boolean().optional(),
});
export type UserBackgroundTable = z.input<typeof userBackgroundSchema>;

/** A background set from a user table; throws SoilTraceError naming the offending field. */
export function backgroundFromUserTable(input: unknown, file?: string): BackgroundSet {
  const parsed = userBackgroundSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.join('.');
    throw new SoilTraceError(
      {
        zh: `背景值表无效：${path} ${issue.message}`,
        en: `invalid background table: ${path} ${issue.message}`,
      },
      { file, column: path || undefined },
    );
  }
  const t = parsed.data;
  const name = typeof t.name === 'string' ? { zh: t.name, en: t.name } : t.name;
  return { id: t.id, name, source: t.source, values: t.values, verify: t.verify };
}
