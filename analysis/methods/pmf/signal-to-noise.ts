// Signal-to-noise as EPA PMF 5.0 computes it (user guide §5.2, eq. 5-3/5-4):
// d_ij = (x_ij − s_ij)/s_ij where x_ij > s_ij, else 0; S/N_j = (1/n)·Σ_i d_ij.
// Only the signal above the noise counts, so values below their uncertainty add nothing.

/** S/N per species for a samples × species matrix x with uncertainties s. */
export function signalToNoise(
  x: Float64Array,
  s: Float64Array,
  samples: number,
  species: number,
): Float64Array {
  const out = new Float64Array(species);
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < species; j++) {
      const at = i * species + j;
      if (x[at] > s[at]) out[j] += (x[at] - s[at]) / s[at];
    }
  }
  for (let j = 0; j < species; j++) out[j] /= samples;
  return out;
}
