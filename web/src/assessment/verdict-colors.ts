import type { Verdict } from '../api/assessment-types';

/** Colours that keep AA contrast with the theme's darkest shades (theme.ts): teal, not green (4.4:1 on white), and yellow gets dark text. */
export const verdictColor: Record<Verdict, string> = {
  contraindicated: 'red',
  defer: 'yellow',
  eligible_with_precautions: 'blue',
  eligible: 'teal',
};
