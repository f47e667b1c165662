import type { Messages } from '../en';

export const nav: Messages['nav'] = {
  main: 'Ana menü',
  today: 'Bugünün programı',
  patients: 'Hastalar',
  newPatient: 'Yeni hasta',
  recall: 'Parti geri çağırma',
  flags: 'Yeniden tarama uyarıları',
  sideEffects: 'Yan etkiler',
  audit: 'Denetim kaydı',
  portalHome: 'Tedavim',
  portalSideEffect: 'Yan etki bildir',
};
