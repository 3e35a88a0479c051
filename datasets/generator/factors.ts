// Stratifying factors per sample for GeoDetector (each one a plausible candidate a consultant
// would test), written as extra columns of soil-samples-en.csv.

import type { Enterprise } from './enterprises.ts';
import { createZoning } from './fluxes.ts';
import type { Geography } from './geography.ts';
import { distance } from './geometry.ts';
import type { SoilSample } from './soil.ts';
import type { SampleFactors } from './write.ts';

function classOf(value: number, breaks: number[], labels: string[]): string {
  for (let i = 0; i < breaks.length; i++) if (value < breaks[i]) return labels[i];
  return labels[labels.length - 1];
}

function soilType(sample: SoilSample): string {
  if (sample.landUse === 'paddy') return 'paddy_soil';
  if (sample.lithology === 'red_sandstone') return 'purple_soil';
  if (sample.lithology === 'alluvium') return 'fluvo_aquic_soil';
  if (sample.elevation > 500) return 'yellow_soil';
  return 'red_soil';
}

export function sampleFactors(
  samples: SoilSample[],
  geography: Geography,
  enterprises: Enterprise[],
): SampleFactors[] {
  const zoneOf = createZoning(geography, enterprises);
  const smelters = enterprises.filter((e) => e.industry === 'nonferrous_smelting' && e.plume);
  const mine = enterprises.find((e) => e.id === 'QX-E03');
  if (!mine) throw new Error('the case study needs its mine QX-E03');
  return samples.map((s) => {
    const distSmelterKm = Math.min(...smelters.map((e) => distance(s.point, e.point)));
    return {
      soilType: soilType(s),
      elevationClass: classOf(
        s.elevation,
        [50, 100, 200, 400],
        ['<50', '50-100', '100-200', '200-400', '>=400'],
      ),
      phClass: s.pHReported
        ? classOf(s.pH, [5.5000001, 6.5000001, 7.5000001], ['<=5.5', '5.5-6.5', '6.5-7.5', '>7.5'])
        : '',
      distSmelterKm,
      distSmelterClass: classOf(distSmelterKm, [1, 2, 4, 8], ['0-1', '1-2', '2-4', '4-8', '>=8']),
      distMineKm: distance(s.point, mine.point),
      distMineClass: classOf(
        distance(s.point, mine.point),
        [1, 2, 4, 8],
        ['0-1', '1-2', '2-4', '4-8', '>=8'],
      ),
      distHighwayKm: geography.distanceToHighway(s.point),
      distRiverKm: geography.distanceToRiver(s.point),
      fluxZone: zoneOf(s.point),
    };
  });
}
