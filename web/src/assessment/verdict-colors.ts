import type { Verdict } from '../api/assessment-types';

/** Colours that keep AA contrast with the theme's shades (theme.ts): yellow gets dark text. */
export const verdictColor: Record<Verdict, string> = {
  contraindicated: 'red',
  defer: 'yellow',
  eligible_with_precautions: 'blue',
  eligible: 'green',
};
