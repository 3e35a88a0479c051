import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numericColumn, readTableFile, textColumn } from '../analysis/io/read-table-file.ts';
import { buildCaseStudy, type CaseStudy, DEFAULT_SEED } from './generator/case-study.ts';
import { SPECIES } from './generator/species.ts';
import type { Truth } from './generator/truth.ts';

const dir = join(import.meta.dirname, 'case-study');
const file = (name: string) => join(dir, name);
const truth: Truth = JSON.parse(readFileSync(file('truth.json'), 'utf8'));

// Independent GB 15618-2018 lookup (soil-standards.md tables 1–2), written out by hand for this test.
function screening(metal: string, landZh: string, pH: number): number {
  const b = pH <= 5.5 ? 0 : pH <= 6.5 ? 1 : pH <= 7.5 ? 2 : 3;
  const paddy = landZh === '水田';
  switch (metal) {
    case 'Cd':
      return paddy ? [0.3, 0.4, 0.6, 0.8][b] : [0.3, 0.3, 0.3, 0.6][b];
    case 'Hg':
      return paddy ? [0.5, 0.5, 0.6, 1.0][b] : [1.3, 1.8, 2.4, 3.4][b];
    case 'As':
      return paddy ? [30, 30, 25, 20][b] : [40, 40, 30, 25][b];
    case 'Pb':
      return paddy ? [80, 100, 140, 240][b] : [70, 90, 120, 170][b];
    case 'Cr':
      return paddy ? [250, 250, 300, 350][b] : [150, 150, 200, 250][b];
    case 'Cu':
      return landZh === '果园' ? [150, 150, 200, 200][b] : [50, 50, 100, 100][b];
    case 'Ni':
      return [60, 70, 100, 190][b];
    default:
      return [200, 200, 250, 300][b]; // Zn
  }
}
function intervention(metal: string, pH: number): number {
  const b = pH <= 5.5 ? 0 : pH <= 6.5 ? 1 : pH <= 7.5 ? 2 : 3;
  const table: Record<string, number[]> = {
    Cd: [1.5, 2.0, 3.0, 4.0],
    Hg: [2.0, 2.5, 4.0, 6.0],
    As: [200, 150, 120, 100],
    Pb: [400, 500, 700, 1000],
    Cr: [800, 850, 1000, 1300],
  };
  return table[metal]?.[b] ?? Number.POSITIVE_INFINITY;
}

const ZH_COLUMN: Record<string, string> = {
  Cd: '镉Cd(mg/kg)',
  Hg: '汞Hg(mg/kg)',
  As: '砷As(mg/kg)',
  Pb: '铅Pb(mg/kg)',
  Cr: '铬Cr(mg/kg)',
  Cu: '铜Cu(mg/kg)',
  Ni: '镍Ni(mg/kg)',
  Zn: '锌Zn(mg/kg)',
};
const METALS = Object.keys(ZH_COLUMN);

/** Reported cells as numbers: "<DL" becomes DL/2 (never above a screening value), empty stays NaN. */
function reportedNumbers(table: ReturnType<typeof readTableFile>, column: string): number[] {
  return textColumn(table, column).map((cell) =>
    cell === '' ? Number.NaN : cell.startsWith('<') ? Number(cell.slice(1)) / 2 : Number(cell),
  );
}

const study: CaseStudy = buildCaseStudy();

describe('case study generator', () => {
  it('regenerates exactly the committed files, and nothing else is in the folder', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(study.files).sort());
    for (const [name, content] of Object.entries(study.files)) {
      expect(readFileSync(file(name), 'utf8'), name).toBe(content);
    }
  });

  it('is deterministic in its seed', () => {
    const again = buildCaseStudy(DEFAULT_SEED);
    expect(again.files['soil-samples.csv']).toBe(study.files['soil-samples.csv']);
    expect(again.files['truth.json']).toBe(study.files['truth.json']);
    const other = buildCaseStudy(DEFAULT_SEED + 1);
    expect(other.files['soil-samples.csv']).not.toBe(study.files['soil-samples.csv']);
  });

  it('has the intended sizes', () => {
    expect(study.soils.length).toBeGreaterThanOrEqual(450);
    expect(study.soils.length).toBeLessThanOrEqual(550);
    expect(study.rice).toHaveLength(120);
    expect(study.enterprises.length).toBeGreaterThanOrEqual(40);
    expect(study.enterprises.length).toBeLessThanOrEqual(60);
    expect(study.flux.rows).toHaveLength(5 * 8 * 8); // zones × (5 inputs + 3 outputs) × metals
    const bytes = Object.values(study.files).reduce((s, c) => s + Buffer.byteLength(c), 0);
    expect(bytes).toBeLessThan(700_000);
  });
});

describe('truth.json is consistent', () => {
  it('sums of source contributions g·f equal the noise-free concentrations', () => {
    const profiles = truth.sources.map((s) => truth.speciesOrder.map((sp) => s.profileMgPerKg[sp]));
    let worst = 0;
    for (const sample of truth.samples) {
      truth.speciesOrder.forEach((_, j) => {
        const sum = sample.g.reduce((acc, g, k) => acc + g * profiles[k][j], 0);
        worst = Math.max(worst, Math.abs(sum - sample.noiseFree[j]) / sample.noiseFree[j]);
      });
    }
    expect(worst).toBeLessThan(2e-5); // six significant digits in the file
  });

  it('normalises every source to mean contribution 1 and splits the industrial one by enterprise', () => {
    truth.sourceOrder.forEach((_, k) => {
      const mean = truth.samples.reduce((s, x) => s + x.g[k], 0) / truth.samples.length;
      expect(mean).toBeCloseTo(1, 4);
    });
    const industrial = truth.sourceOrder.indexOf('industrial_deposition');
    for (const sample of truth.samples) {
      const parts = Object.values(sample.industrialByEnterprise).reduce((a, b) => a + b, 0);
      expect(Math.abs(parts - sample.g[industrial])).toBeLessThanOrEqual(2e-5 * sample.g[industrial] + 1e-12);
    }
    const shares = truth.enterprises.reduce((s, e) => s + e.shareOfIndustrialCdTotal, 0);
    expect(shares).toBeCloseTo(1, 3);
  });

  it('has source shares summing to 1 per species, and % of species matching them', () => {
    for (const sp of SPECIES) {
      const shares = Object.values(truth.sharesPerSpecies[sp]);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(Object.values(truth.meanOfSampleSharesPerSpecies[sp]).reduce((a, b) => a + b, 0)).toBeCloseTo(
        1,
        5,
      );
      const percent = truth.sources.reduce((s, src) => s + src.percentOfSpecies[sp], 0);
      expect(percent).toBeCloseTo(100, 1);
    }
    // Parent material carries the lithophile tracers; anthropogenic sources carry Cd.
    for (const sp of ['Cr', 'Ni', 'Co', 'V'] as const)
      expect(truth.sharesPerSpecies[sp].parent_material).toBeGreaterThan(0.9);
    expect(truth.sharesPerSpecies.Cd.parent_material).toBeLessThan(0.4);
  });

  it('adds mean-preserving lognormal noise with the documented spread', () => {
    for (const sp of SPECIES) {
      const logs = study.soils.map((s) => Math.log(s.actual[sp] / s.noiseFree[sp]));
      const n = logs.length;
      const mean = logs.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      const sigma = (truth.generator.parameters.noiseLogSd as Record<string, number>)[sp];
      expect(Math.abs(mean + sigma ** 2 / 2)).toBeLessThan((4 * sigma) / Math.sqrt(n));
      expect(sd / sigma).toBeGreaterThan(0.88);
      expect(sd / sigma).toBeLessThan(1.12);
    }
  });
});

describe('exceedances of GB 15618 where a consultant expects them', () => {
  const soil = readTableFile(file('soil-samples.csv'));
  const en = readTableFile(file('soil-samples-en.csv'));
  const pH = numericColumn(soil, 'pH');
  const land = textColumn(soil, '土地利用类型');
  const distSmelter = numericColumn(en, 'dist_smelter_km');
  const distMine = numericColumn(en, 'dist_mine_km');
  const zone = textColumn(en, 'flux_zone');
  const values = (metal: string) => reportedNumbers(soil, ZH_COLUMN[metal]);
  const above = (metal: string) => {
    const v = values(metal);
    return v.map(
      (c, i) => Number.isFinite(c) && Number.isFinite(pH[i]) && c > screening(metal, land[i], pH[i]),
    );
  };
  const assessed = (metal: string) =>
    values(metal).filter((c, i) => Number.isFinite(c) && Number.isFinite(pH[i])).length;

  it('matches the counts the truth reports', () => {
    for (const m of METALS) {
      const v = values(m);
      const n = above(m).filter(Boolean).length;
      const ni = v.filter((c, i) => Number.isFinite(pH[i]) && c > intervention(m, pH[i])).length;
      const t = truth.exceedance.perMetal[m as keyof typeof truth.exceedance.perMetal];
      expect({ m, n, ni, assessed: assessed(m) }).toEqual({
        m,
        n: t.aboveScreening,
        ni: t.aboveIntervention,
        assessed: t.assessed,
      });
    }
  });

  it('has Cd above screening in 15–30 % of samples, a few above intervention, other metals rarer', () => {
    const rate = (m: string) => above(m).filter(Boolean).length / assessed(m);
    expect(rate('Cd')).toBeGreaterThan(0.15);
    expect(rate('Cd')).toBeLessThan(0.3);
    const cdIntervention = values('Cd').filter((c, i) => c > intervention('Cd', pH[i])).length;
    expect(cdIntervention).toBeGreaterThanOrEqual(1);
    expect(cdIntervention).toBeLessThanOrEqual(5);
    for (const m of ['Hg', 'As', 'Pb', 'Cu', 'Zn']) {
      expect(rate(m), m).toBeGreaterThan(0.005);
      expect(rate(m), m).toBeLessThan(0.08);
    }
    for (const m of ['Cr', 'Ni']) expect(rate(m), m).toBeLessThanOrEqual(0.01);
  });

  it('puts Cd and Hg exceedances near the smelters and As exceedances in the mine valley', () => {
    const cd = above('Cd');
    const near =
      cd.filter((x, i) => x && distSmelter[i] < 2).length / distSmelter.filter((d) => d < 2).length;
    const farIdx = cd.map((_, i) => i).filter((i) => distSmelter[i] > 6 && distMine[i] > 4);
    const far = farIdx.filter((i) => cd[i]).length / farIdx.length;
    expect(near).toBeGreaterThan(0.6);
    expect(far).toBeLessThan(0.25);
    const hg = above('Hg');
    expect(hg.every((x, i) => !x || distSmelter[i] < 2)).toBe(true);
    const as = above('As');
    const asCount = as.filter(Boolean).length;
    expect(as.filter((x, i) => x && zone[i] === 'mine_downstream').length / asCount).toBeGreaterThan(0.8);
  });
});

describe('rice grain', () => {
  const rice = readTableFile(file('crop-samples.csv'));
  const soil = readTableFile(file('soil-samples.csv'));
  const soilIds = textColumn(soil, '样品编号');
  const soilLand = textColumn(soil, '土地利用类型');
  const soilCd = reportedNumbers(soil, '镉Cd(mg/kg)');
  const soilPh = numericColumn(soil, 'pH');
  const grainCd = numericColumn(rice, '镉Cd(mg/kg)');
  const pairs = textColumn(rice, '对应土壤样品编号').map((id) => soilIds.indexOf(id));

  it('pairs every grain sample with a paddy soil sample', () => {
    expect(pairs.every((i) => i >= 0 && soilLand[i] === '水田')).toBe(true);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('exceeds the GB 2762-2022 Cd limit of 0.2 mg/kg in 5–25 % of samples', () => {
    const rate = grainCd.filter((c) => c > 0.2).length / grainCd.length;
    expect(rate).toBeGreaterThan(0.05);
    expect(rate).toBeLessThan(0.25);
    expect(grainCd.filter((c) => c > 0.2).length).toBe(truth.rice.aboveLimit.Cd);
  });

  it('recovers the transfer model: slope of log10(grain/soil^b) on pH ≈ c', () => {
    const { b, c } = truth.rice.grainCdModel;
    const xs: number[] = [];
    const ys: number[] = [];
    pairs.forEach((i, k) => {
      if (!Number.isFinite(soilPh[i]) || !Number.isFinite(soilCd[i])) return;
      xs.push(soilPh[i]);
      ys.push(Math.log10(grainCd[k]) - b * Math.log10(soilCd[i]));
    });
    const mx = xs.reduce((a, v) => a + v, 0) / xs.length;
    const my = ys.reduce((a, v) => a + v, 0) / ys.length;
    const slope =
      xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    expect(slope).toBeGreaterThan(c - 0.08);
    expect(slope).toBeLessThan(c + 0.08);
  });
});

describe('input fluxes', () => {
  const flux = readTableFile(file('input-fluxes.csv'));
  const pathway = textColumn(flux, 'pathway');
  const direction = textColumn(flux, 'direction');
  const zone = textColumn(flux, 'zone');
  const metal = textColumn(flux, 'metal');
  const value = numericColumn(flux, 'flux_g_ha_a');
  const get = (p: string, z: string, m: string) =>
    value[pathway.findIndex((x, i) => x === p && zone[i] === z && metal[i] === m)];

  it('uses the national 2000–2018 deposition (soil-standards.md, mg/m²/a × 10) outside the smelter area', () => {
    const expected = { Zn: 967.5, Pb: 233.7, Cu: 127.7, Cr: 110.4, Ni: 66.1, As: 29.7, Cd: 4.8, Hg: 0.5 };
    for (const [m, v] of Object.entries(expected))
      expect(get('atmospheric_deposition', 'plain_paddy', m)).toBeCloseTo(v, 6);
    expect(get('atmospheric_deposition', 'smelter_area', 'Cd')).toBeGreaterThan(4.8);
  });

  it('gives truth shares and net accumulation that follow from the table', () => {
    for (const z of Object.keys(truth.flux.zones) as (keyof Truth['flux']['zones'])[]) {
      for (const m of METALS as (keyof Truth['flux']['zones']['hill'])[]) {
        const rows = value.map((_, i) => i).filter((i) => zone[i] === z && metal[i] === m);
        const inputs = rows.filter((i) => direction[i] === 'input').reduce((s, i) => s + value[i], 0);
        const outputs = rows.filter((i) => direction[i] === 'output').reduce((s, i) => s + value[i], 0);
        const t = truth.flux.zones[z][m];
        expect(Math.abs(t.inputs - inputs)).toBeLessThanOrEqual(1e-3 * inputs);
        const deltaC = ((inputs - outputs) * 1000) / 2.6e6;
        expect(Math.abs(t.deltaCMgPerKgPerYear - deltaC)).toBeLessThanOrEqual(
          1e-3 * Math.abs(deltaC) + 1e-12,
        );
        expect(Object.values(t.inputShares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
      }
    }
  });
});

describe('EPA PMF 5 files', () => {
  const conc = readTableFile(file('pmf-conc.csv'));
  const unc = readTableFile(file('pmf-unc.csv'));
  const en = readTableFile(file('soil-samples-en.csv'));

  it('follow eq 5-1 and 5-2 of the EPA PMF 5.0 guide (hand-computed cells)', () => {
    const row = (id: string) => conc.rows.findIndex((r) => r[0] === id);
    const cd = (t: typeof conc, id: string) => Number(t.rows[row(id)][1]);
    // QX-S0411: Cd "<0.05" (laboratory B): value 0.025, Unc = 5/6 × 0.05 = 0.041667.
    expect(cd(conc, 'QX-S0411')).toBe(0.025);
    expect(cd(unc, 'QX-S0411')).toBeCloseTo(0.041667, 5);
    // QX-S0003: Cd 0.098 (laboratory A, MDL 0.01, EF 0.15): sqrt((0.15·0.098)² + 0.005²) = 0.015527.
    expect(cd(conc, 'QX-S0003')).toBe(0.098);
    expect(cd(unc, 'QX-S0003')).toBeCloseTo(0.015527, 5);
    // QX-S0001: Fe 2.46 % = 24600 mg/kg (laboratory B, MDL 100, EF 0.1): sqrt(2460² + 50²) = 2460.5.
    const fe = (t: typeof conc) => Number(t.rows[row('QX-S0001')][t.headers.indexOf('Fe')]);
    expect(fe(conc)).toBe(24600);
    expect(fe(unc)).toBe(2461); // four significant digits
  });

  it('give Fe in % in the survey file and in mg/kg in the plain one', () => {
    const soil = readTableFile(file('soil-samples.csv'));
    const percent = numericColumn(soil, '铁Fe(%)');
    const mgPerKg = numericColumn(en, 'Fe');
    expect(percent.every((p, i) => Number.isNaN(p) || Math.abs(p * 1e4 - mgPerKg[i]) < 1e-6)).toBe(true);
  });

  it('have no gaps, positive uncertainties and the soil values elsewhere', () => {
    expect(conc.headers).toEqual(['sample_id', ...SPECIES]);
    expect(unc.rows.map((r) => r[0])).toEqual(textColumn(en, 'sample_id'));
    for (const sp of SPECIES) {
      const c = numericColumn(conc, sp);
      const u = numericColumn(unc, sp);
      const soil = numericColumn(en, sp);
      expect(c.every((v) => v > 0)).toBe(true);
      expect(u.every((v) => v > 0)).toBe(true);
      // Identical to the plain table wherever that has a value (missing cells become the median).
      expect(c.every((v, i) => Number.isNaN(soil[i]) || v === soil[i])).toBe(true);
    }
  });
});

describe('lead isotopes', () => {
  const iso = readTableFile(file('pb-isotopes.csv'));
  const ends = readTableFile(file('pb-isotope-end-members.csv'));
  const r6 = numericColumn(iso, '206Pb/207Pb');
  const r8 = numericColumn(iso, '208Pb/207Pb');
  // End-member centres from the published ranges.
  const centre = (i: number, name: string) =>
    (numericColumn(ends, `${name}_min`)[i] + numericColumn(ends, `${name}_max`)[i]) / 2;
  const points = [0, 1, 2].map((i) => [centre(i, '206Pb/207Pb'), centre(i, '208Pb/207Pb')]);

  // Ternary mixing by Cramer's rule: f1 + f2 + f3 = 1, Σ f·x = x_s, Σ f·y = y_s.
  function ternary(x: number, y: number): number[] {
    const [[x1, y1], [x2, y2], [x3, y3]] = points;
    const det = (x1 - x3) * (y2 - y3) - (x2 - x3) * (y1 - y3);
    const f1 = ((x - x3) * (y2 - y3) - (x2 - x3) * (y - y3)) / det;
    const f2 = ((x1 - x3) * (y - y3) - (x - x3) * (y1 - y3)) / det;
    return [f1, f2, 1 - f1 - f2];
  }

  it('has end-members in the truth order, centred on the truth ratios', () => {
    expect(textColumn(ends, 'end_member')).toEqual([...truth.isotopes.endMemberOrder]);
    truth.isotopes.endMemberOrder.forEach((e, i) => {
      expect(points[i][0]).toBeCloseTo(truth.isotopes.endMembers[e].ratios[0], 9);
      expect(points[i][1]).toBeCloseTo(truth.isotopes.endMembers[e].ratios[1], 9);
    });
  });

  it('mixes linearly in 207Pb: ternary mixing of the noise-free ratios returns the truth shares', () => {
    for (const s of truth.isotopes.samples) {
      const f = ternary(s.noiseFree[0], s.noiseFree[1]);
      for (let i = 0; i < 3; i++) expect(Math.abs(f[i] - s.atom207Shares[i])).toBeLessThan(2e-3);
    }
  });

  it('recovers the ore share from the measured ratios within the noise', () => {
    expect(textColumn(iso, 'sample_id')).toEqual(truth.isotopes.samples.map((s) => s.id));
    const errors = truth.isotopes.samples
      .map((s, i) => Math.abs(ternary(r6[i], r8[i])[1] - s.atom207Shares[1]))
      .sort((a, b) => a - b);
    expect(errors[Math.floor(errors.length / 2)]).toBeLessThan(0.1);
    // The subset spans the mixing space: some samples are mostly ore Pb, some mostly natural.
    expect(Math.max(...truth.isotopes.samples.map((s) => s.atom207Shares[1]))).toBeGreaterThan(0.6);
    expect(Math.max(...truth.isotopes.samples.map((s) => s.atom207Shares[0]))).toBeGreaterThan(0.8);
  });
});
