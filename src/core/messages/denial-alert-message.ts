import type { MessageText } from './message-types.js';

/** A burst of refused requests by one user, as the alert to the clinic's admins describes it. */
export interface DenialBurst {
  user: { displayName: string; email: string; role: string };
  /** Refusals within the window (at least the threshold). */
  count: number;
  windowMinutes: number;
  /** The latest refused request, e.g. `GET /api/patients/:id`. */
  lastRoute: string | null;
  /** Where the web app lives, for the link to the admin view. */
  baseUrl: string;
}

/**
 * The alert: who, how many refusals in how long, and where to look. It names no patient (a message
 * may travel by plain e-mail); the admin view shows which records were asked for.
 */
export function denialAlertMessage(burst: DenialBurst): MessageText {
  const { user } = burst;
  const link = `${burst.baseUrl.replace(/\/+$/, '')}/audit?view=denied`;
  return {
    subject: `mesodesk: ${burst.count} refused requests by ${user.displayName}`,
    body: [
      `${user.displayName} (${user.email}, ${user.role}) was refused access ${burst.count} times within ${burst.windowMinutes} minutes.`,
      ...(burst.lastRoute ? [`The latest: ${burst.lastRoute}.`] : []),
      '',
      'This may be a mistake in the app or a mistyped link, or someone trying records that are not theirs to see.',
      'Further refusals in the same burst raise no new alert.',
      '',
      `Denied attempts, per user: ${link}`,
    ].join('\n'),
  };
}
