import type { Messages } from '../en';

export const nav: Messages['nav'] = {
  main: 'Ana menü',
  today: 'Bugünün programı',
  dashboard: 'Gösterge paneli',
  patients: 'Hastalar',
  newPatient: 'Yeni hasta',
  recall: 'Parti geri çağırma',
  stock: 'Stok',
  outcomes: 'Sonuç raporu',
  money: 'Kasa',
  prices: 'Fiyat listesi',
  flags: 'Yeniden tarama uyarıları',
  sideEffects: 'Yan etkiler',
  safetySignals: 'Güvenlik sinyalleri',
  audit: 'Denetim kaydı',
  users: 'Kullanıcılar',
  consentTexts: 'Onam metinleri',
  clinicSetup: 'Klinik ayarları',
  messageTemplates: 'Hasta mesajları',
  portalHome: 'Tedavim',
  portalSideEffect: 'Yan etki bildir',
};
