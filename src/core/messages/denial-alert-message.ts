import type { TemplateLanguage } from './message-templates.js';
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

interface AlertWords {
  subject: (count: number, name: string) => string;
  refused: (who: string, count: number, minutes: number) => string;
  latest: (route: string) => string;
  why: string;
  once: string;
  view: (link: string) => string;
  /** A role as the alert names it; the code itself when the language has no word for it. */
  roles: Record<string, string>;
}

const words: Record<TemplateLanguage, AlertWords> = {
  en: {
    subject: (count, name) => `mesodesk: ${count} refused requests by ${name}`,
    refused: (who, count, minutes) => `${who} was refused access ${count} times within ${minutes} minutes.`,
    latest: (route) => `The latest: ${route}.`,
    why: 'This may be a mistake in the app or a mistyped link, or someone trying records that are not theirs to see.',
    once: 'Further refusals in the same burst raise no new alert.',
    view: (link) => `Denied attempts, per user: ${link}`,
    roles: {},
  },
  // No suffix on the user's name: its ending would depend on the name's last vowel.
  tr: {
    subject: (count, name) => `mesodesk: ${count} istek reddedildi (kullanıcı: ${name})`,
    refused: (who, count, minutes) =>
      `Kullanıcı ${who}: ${minutes} dakika içinde ${count} kez erişim isteği reddedildi.`,
    latest: (route) => `Sonuncusu: ${route}.`,
    why: 'Bu, uygulamadaki bir hata ya da yanlış yazılmış bir bağlantı olabileceği gibi, birinin görme yetkisi olmayan kayıtlara erişmeye çalıştığı anlamına da gelebilir.',
    once: 'Aynı seri içindeki sonraki retler yeni bir uyarı oluşturmaz.',
    view: (link) => `Kullanıcı başına reddedilen denemeler: ${link}`,
    roles: { admin: 'yönetici', practitioner: 'uygulayıcı', reception: 'resepsiyon', patient: 'hasta' },
  },
};

/**
 * The alert, in the language of the admin who reads it: who, how many refusals in how long, and
 * where to look. It names no patient (a message may travel by plain e-mail); the admin view shows
 * which records were asked for.
 */
export function denialAlertMessage(burst: DenialBurst, language: TemplateLanguage = 'en'): MessageText {
  const { user } = burst;
  const w = words[language];
  const link = `${burst.baseUrl.replace(/\/+$/, '')}/audit?view=denied`;
  const role = Object.hasOwn(w.roles, user.role) ? w.roles[user.role] : user.role;
  const who = `${user.displayName} (${user.email}, ${role})`;
  return {
    subject: w.subject(burst.count, user.displayName),
    body: [
      w.refused(who, burst.count, burst.windowMinutes),
      ...(burst.lastRoute ? [w.latest(burst.lastRoute)] : []),
      '',
      w.why,
      w.once,
      '',
      w.view(link),
    ].join('\n'),
  };
}
