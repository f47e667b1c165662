/** ln(k!) for whole k, summed once and kept: the counts tested are small. */
const logFactorials: number[] = [0];
function logFactorial(k: number): number {
  for (let i = logFactorials.length; i <= k; i++) logFactorials.push(logFactorials[i - 1]! + Math.log(i));
  return logFactorials[k]!;
}

function logPmf(k: number, mean: number): number {
  return k * Math.log(mean) - mean - logFactorial(k);
}

/**
 * P(X >= observed) for X ~ Poisson(mean): the one-sided exact p-value of `observed` events where
 * `mean` were expected. Below the mean the tail is large and 1 - P(X < observed) is exact enough;
 * above it the tail is summed term by term, so that p-values of 1e-12 keep their digits instead of
 * vanishing in 1 - 0.999999999999.
 */
export function poissonUpperTail(observed: number, mean: number): number {
  if (!Number.isInteger(observed) || observed < 0)
    throw new RangeError(`observed must be a whole number >= 0: ${observed}`);
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`mean must be a finite number >= 0: ${mean}`);
  if (observed === 0) return 1;
  if (mean === 0) return 0;
  if (observed <= mean) {
    let below = 0;
    for (let k = 0; k < observed; k++) below += Math.exp(logPmf(k, mean));
    return Math.min(1, Math.max(0, 1 - below));
  }
  let tail = 0;
  for (let k = observed; ; k++) {
    const term = Math.exp(logPmf(k, mean));
    tail += term;
    // Past the mean each term is at most mean/(k+1) of the one before: stop once the rest cannot matter.
    if (term <= tail * 1e-16 || term === 0) break;
  }
  return Math.min(1, tail);
}
