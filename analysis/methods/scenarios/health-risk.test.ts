import { describe, expect, it } from 'vitest';
import { childIngestionHQ } from './health-risk.ts';

describe('child soil-ingestion HQ', () => {
  it('Cd 1 mg/kg: 1 × 200 × 350 × 6 × 1e-6 / (15.9 × 2190) / 1e-3 = 0.0120617', () => {
    expect(childIngestionHQ(1, 'Cd')).toBeCloseTo(0.0120617, 7);
  });
  it('As 10 mg/kg with RfD 3e-4: 10 × 1.20617e-5 / 3e-4 = 0.40206', () => {
    expect(childIngestionHQ(10, 'As')).toBeCloseTo(0.40206, 4);
  });
});
