import { englishReferenceWords, type ReferenceWords } from '../knowledge/citation-labels.js';
import { keepTakingBloodThinners } from './blood-thinner-safety.js';
import type { TemplateLanguage } from './message-templates.js';

/**
 * The words of a message's clinical part around the knowledge base's texts, in the language the
 * message is written in (the patient's), so a Turkish letter carries no English line: headings of
 * the preparation and aftercare lists, the arrival time for numbing cream, where to report, when to
 * call the emergency services, the keep-taking line for patients on a prescribed blood thinner, and
 * the names of the kinds of source the late signs cite.
 */
export interface MessagePhrases {
  beforeSession: string;
  onTheDay: string;
  /** Heads the aftercare items that end at `time`. */
  until(time: string): string;
  arriveEarly(time: string, minutes: number): string;
  reportHere(url: string): string;
  emergency: string;
  /** The late signs' sources mark, e.g. "(Sources: [2, 7])". */
  sources(mark: string): string;
  /** Said to every patient on a prescribed anticoagulant or antiplatelet (blood-thinner-safety.ts). */
  keepTaking: string;
  /** What the late signs' list of sources calls a house rule, an outside reference, and a source that is gone. */
  references: Pick<ReferenceWords, 'houseRule' | 'outsideReference' | 'unlisted'>;
}

const phrases: Record<TemplateLanguage, MessagePhrases> = {
  en: {
    beforeSession: 'Before your session:',
    onTheDay: 'On the day:',
    until: (time) => `Until ${time}:`,
    arriveEarly: (time, minutes) =>
      `Numbing cream is planned for your session: please arrive at ${time}, ` +
      `${minutes} minutes before your appointment, so that it has time to work.`,
    reportHere: (url) => `If anything about the treated area worries you, tell us here: ${url}`,
    emergency:
      'If you have trouble breathing, swelling of the face or throat, or feel very unwell, call the emergency services straight away.',
    sources: (mark) => `(Sources: ${mark})`,
    keepTaking: keepTakingBloodThinners,
    references: {
      houseRule: englishReferenceWords.houseRule,
      outsideReference: englishReferenceWords.outsideReference,
      unlisted: 'a source no longer in the knowledge base',
    },
  },
  tr: {
    beforeSession: 'Seansınızdan önce:',
    onTheDay: 'Seans günü:',
    until: (time) => `${time} saatine kadar:`,
    arriveEarly: (time, minutes) =>
      `Seansınız için uyuşturucu krem planlandı: kremin etki etmesine zaman kalması için lütfen randevunuzdan ` +
      `${minutes} dakika önce, saat ${time} gibi klinikte olun.`,
    reportHere: (url) =>
      `Tedavi edilen bölgeyle ilgili sizi endişelendiren bir şey olursa bize buradan bildirin: ${url}`,
    emergency:
      'Nefes almakta güçlük çekerseniz, yüzünüzde veya boğazınızda şişlik olursa ya da kendinizi çok kötü hissederseniz hemen acil servisi arayın.',
    sources: (mark) => `(Kaynaklar: ${mark})`,
    keepTaking:
      'Size reçete edilen antikoagülan veya antiagregan (kan sulandırıcı) ilacı tam olarak reçete edildiği şekilde kullanmaya devam edin; herhangi bir değişikliğe yalnızca ilacı reçete eden hekim karar verir.',
    references: {
      houseRule: 'mesodesk iç kuralı',
      outsideReference: 'dış kaynak',
      unlisted: 'bilgi tabanında artık yer almayan bir kaynak',
    },
  },
};

export function messagePhrases(language: TemplateLanguage): MessagePhrases {
  return phrases[language];
}
