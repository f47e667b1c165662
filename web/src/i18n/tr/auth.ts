import type { Messages } from '../en';

export const auth: Messages['auth'] = {
  title: 'Giriş yap',
  intro: 'Klinik çalışma alanına ya da hasta portalınıza giriş yapın.',
  email: 'E-posta',
  password: 'Parola',
  submit: 'Giriş yap',
  signingIn: 'Giriş yapılıyor…',
  checking: 'Oturumunuz kontrol ediliyor…',
};
