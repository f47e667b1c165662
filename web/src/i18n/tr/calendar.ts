import type { Messages } from '../en';

export const calendar: Messages['calendar'] = {
  title: 'Takvim aboneliği',
  help: 'Randevularınıza telefon veya bilgisayar takviminizden abone olun. Adrese sahip herkes randevuları görebilir: adresi gizli tutun, paylaşılmış olabilirse aboneliği durdurun.',
  active: 'Bir abonelik adresi {{date}} tarihinden beri kullanımda.',
  address: 'Abonelik adresi',
  shownOnce: 'Yalnızca şimdi gösterilir: takvim uygulamanıza kopyalayın.',
  copy: 'Kopyala',
  copied: 'Kopyalandı',
  create: 'Abonelik adresi oluştur',
  replace: 'Adresi yenile (eski adres çalışmayı bırakır)',
  stop: 'Aboneliği durdur',
};
