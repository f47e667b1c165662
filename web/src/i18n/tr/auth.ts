import type { Messages } from '../en';

export const auth: Messages['auth'] = {
  title: 'Giriş yap',
  intro: 'Klinik çalışma alanına ya da hasta portalınıza giriş yapın.',
  email: 'E-posta',
  password: 'Parola',
  submit: 'Giriş yap',
  signingIn: 'Giriş yapılıyor…',
  checking: 'Oturumunuz kontrol ediliyor…',
  changePassword: 'Parolayı değiştir',
  currentPassword: 'Mevcut parola',
  newPassword: 'Yeni parola',
  newPasswordHelp:
    'En az 10 karakter ve tahmin edilmesi zor olmalı: birbiriyle ilgisiz birkaç kelime iyi bir seçimdir.',
  repeatPassword: 'Yeni parola (tekrar)',
  passwordsDiffer: 'İki yeni parola birbirinden farklı.',
  passwordChanged: 'Parolanız değiştirildi. Diğer oturumlarınız kapatıldı.',
};
