import type { EndMember } from './end-members.ts';

export interface RatioPlotData {
  axes: [string, string];
  samples: { id: string; x: number; y: number }[];
  /** End-member boxes spanning their ranges, and their centres. */
  endMembers: { name: string; x: [number, number]; y: [number, number]; centre: [number, number] }[];
  /** Closed outline joining the end-member centres (mixing line or triangle). */
  mixingOutline: [number, number][];
}

/** Data for the ratio–ratio plot (e.g. 208/207 against 206/207) with end-member boxes. */
export function ratioPlotData(
  samples: readonly { id: string; x: number; y: number }[],
  endMembers: readonly EndMember[],
  axes: [string, string] = ['206Pb/207Pb', '208Pb/207Pb'],
): RatioPlotData {
  const boxes = endMembers.map((e) => {
    const [xr, yr] = [e.ranges[0], e.ranges[1] ?? e.ranges[0]];
    return {
      name: e.name,
      x: [xr[0], xr[1]] as [number, number],
      y: [yr[0], yr[1]] as [number, number],
      centre: [(xr[0] + xr[1]) / 2, (yr[0] + yr[1]) / 2] as [number, number],
    };
  });
  const outline = boxes.map((b) => b.centre);
  if (outline.length > 2) outline.push(outline[0]);
  return { axes, samples: samples.map((s) => ({ ...s })), endMembers: boxes, mixingOutline: outline };
}
