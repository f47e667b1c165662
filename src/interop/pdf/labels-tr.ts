import type { AftercareSheetLabels } from './aftercare-sheet.js';
import type { ConsentFormLabels } from './consent-form.js';
import type { TreatmentSummaryLabels } from './treatment-summary.js';

/**
 * The documents' own words in Turkish (the data and the knowledge base's instructions stay as
 * recorded). Complete sets, so no English word is left on a Turkish sheet when a label is added.
 */

export const turkishAftercareLabels: AftercareSheetLabels = {
  title: 'Mezoterapi seansınızdan sonra bakım',
  patient: 'Hasta',
  sessionEnded: 'Seansın bitişi',
  intro: 'Lütfen aşağıdaki her talimata, yanında yazan saate kadar uyun. Saatler kliniğin yerel saatidir.',
  until: '{day} {time} saatine kadar',
  duration: 'seanstan sonra {hours} saat',
  sources: 'Kaynaklar',
  references: 'Bu önerilerin kaynakları',
  houseRule: 'mesodesk iç kuralı',
  outsideReference: 'dış kaynak',
  unlistedSource: 'bilgi tabanında artık yer almayan kaynak ({file})',
  lateSigns: 'Aynı gün kliniği aramanızı gerektiren belirtiler',
  closing:
    'Seanstan günler, hatta haftalar sonra bile; yumru veya şişkinlik, irin ya da akıntı, iyileşmeyen açık yara, büyüyen ya da geri gelen şişlik veya kızarıklık ya da ateş fark ederseniz aynı gün kliniği arayın. Sizi endişelendiren başka bir şey olursa da kliniğe başvurun.',
};

export const turkishConsentLabels: ConsentFormLabels = {
  title: 'Tedavi onam formu',
  textVersion: '{procedure} - onam metni, sürüm {version}',
  patient: 'Hasta',
  birthDate: 'Doğum tarihi',
  signedText: 'Hastanın imzaladığı metin',
  signature: 'İmza',
  typedName: 'Hastanın yazdığı ad',
  signedAt: 'İmza zamanı',
  noDrawnSignature: 'Çizilmiş imza yok: hasta yalnızca adını yazdı.',
  reference: 'Kayıt',
};

export const turkishSummaryLabels: TreatmentSummaryLabels = {
  title: 'Tedavi özeti',
  generated: 'Oluşturulma',
  patient: 'Hasta',
  birthDate: 'Doğum tarihi',
  course: 'Tedavi kürü',
  indication: 'Endikasyon',
  area: 'Bölge',
  status: 'Durum',
  started: 'Başlangıç',
  plan: 'Plan',
  planCourse: '{sessions} seans, {interval} gün arayla',
  mixture: 'Karışım',
  depth: 'Derinlik',
  anaesthesia: 'Lokal anestezik krem',
  sources: 'Kaynaklar',
  references: 'Kaynakça',
  houseRule: 'mesodesk iç kuralı',
  outsideReference: 'dış kaynak',
  line: 'satır {lines}',
  lines: 'satır {lines}',
  unlistedSource: 'bilgi tabanında artık yer almayan kaynak ({file})',
  sessions: 'Seanslar',
  sessionColumns: ['#', 'Tarih ve saat', 'Durum', 'Süre', 'Uygulama: bölgeler ve lotlar'],
  sessionStatuses: { planned: 'planlandı', done: 'yapıldı', cancelled: 'iptal edildi', no_show: 'gelmedi' },
  minutes: 'dk',
  productsAndLots: 'Kullanılan ürünler ve lotlar',
  lotColumns: ['Ürün', 'Üretici', 'Lot', 'Son kullanma', 'Geri çağrıldı', 'Seanslar'],
  recalled: 'GERİ ÇAĞRILDI',
  sideEffects: 'Yan etkiler',
  sideEffectColumns: ['Başlangıç', 'Belirti', 'Şiddet', 'Triyaj'],
  outcomes: 'Sonuçlar',
  outcomeColumns: ['Seans', 'Hasta puanı', 'Uygulayıcı puanı', 'Notlar'],
  chartNotes: 'Onaylanan istisnalar ve ek notlar',
  chartNoteColumns: ['Seans', 'Tarih', 'Yazan', 'Not'],
  overrideNote: '{reasons} nedenlerine ({verdict}) rağmen uygulandı; gerekçe: {reason}',
  outsidePlanNote: 'Plan dışı derinlik veya hacim, uygulayıcı tarafından onaylandı.',
  addendumNote: 'Ek not: {text}',
  none: 'Kayıt yok.',
  yes: 'evet',
  no: 'hayır',
};
