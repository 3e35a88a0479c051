import type { RegulatedMetal } from '../../domain/elements.ts';
import { metalHealthRisk } from '../assessment/health-risk.ts';
import { HJ25_3_2014_PARAMETERS } from '../assessment/standards/health-risk-parameters.ts';

// The planner's health-risk index: child soil-ingestion hazard quotient, from the assessment module's
// dose equation and HJ 25.3-2014 child parameters (ADD = C·IngR·EF·ED·1e-6/(BW·AT), AT = ED·365,
// HQ = ADD/RfD). HQ is linear in C, so the slope per mg/kg is computed once per metal.

export const HEALTH_RISK_BASIS = `child soil-ingestion HQ, ${HJ25_3_2014_PARAMETERS.name.en}`;

/** HQ per mg/kg of soil for a child by ingestion; 0 where the metal has no oral RfD. */
export function childIngestionHQPerMgKg(metal: RegulatedMetal): number {
  return metalHealthRisk(metal, 1, 'child', HJ25_3_2014_PARAMETERS).hq.ingestion ?? 0;
}

export function childIngestionHQ(concentrationMgKg: number, metal: RegulatedMetal): number {
  return concentrationMgKg * childIngestionHQPerMgKg(metal);
}
