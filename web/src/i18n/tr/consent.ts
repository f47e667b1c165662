import type { Messages } from '../en';

export const consent: Messages['consent'] = {
  title: '{{name}} için onam',
  procedure: 'İşlem',
  language: 'Metnin dili',
  version: 'Sürüm {{version}}',
  noText: 'Klinik henüz bir onam metni yayımlamadı. Önce bir yöneticinin yayımlaması gerekir.',
  read: 'Lütfen metni hastayla birlikte okuyun.',
  typedName: 'İmzalayanın adı soyadı',
  signatureLabel: 'İmza',
  signatureHelp: 'Kutunun içine parmak, kalem ya da fareyle imzalayın.',
  signatureEmpty: 'Lütfen kutunun içine imzalayın.',
  typedSignature: 'Bunun yerine yazılan adla imzala (klavye kullanımı için)',
  clear: 'İmzayı temizle',
  submit: 'Onamı imzala',
  submitting: 'İmza kaydediliyor…',
  signed: 'İmzalandı. Onam, zamanı ve bu cihazla birlikte kaydedildi.',
  alreadySigned: 'Zaten imzalandı (sürüm {{version}}, {{date}}).',
};
