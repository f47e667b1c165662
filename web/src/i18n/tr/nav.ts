import type { Messages } from '../en';

export const nav: Messages['nav'] = {
  main: 'Ana menü',
  today: 'Bugünün programı',
  patients: 'Hastalar',
  newPatient: 'Yeni hasta',
  recall: 'Parti geri çağırma',
  stock: 'Stok',
  flags: 'Yeniden tarama uyarıları',
  sideEffects: 'Yan etkiler',
  audit: 'Denetim kaydı',
  users: 'Kullanıcılar',
  consentTexts: 'Onam metinleri',
  clinicSetup: 'Klinik ayarları',
  messageTemplates: 'Hasta mesajları',
  portalHome: 'Tedavim',
  portalSideEffect: 'Yan etki bildir',
};
