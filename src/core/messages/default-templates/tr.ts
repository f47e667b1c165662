import type { DefaultTemplates } from './letters.js';

/**
 * The Turkish letters, in the polite "siz" a clinic uses. No suffix is ever joined to a placeholder
 * ("{clinicName}'de"): its ending would depend on the value's last vowel, so places and times
 * stand on their own ("Yer: {place}", "saat {sessionTime}").
 */
export const turkishTemplates: DefaultTemplates = {
  booking_confirmation: {
    subject: 'Randevunuz oluşturuldu: {sessionDate}, saat {sessionTime}',
    body:
      'Merhaba {patientName},\n\n' +
      'Seans randevunuz oluşturuldu:\n\n  {sessionDate}, {sessionTime} - {sessionEndTime}\n  {place}\n\n' +
      '{instructions}\n\n' +
      'Randevunuzu değiştirmeniz veya iptal etmeniz gerekirse lütfen klinikle iletişime geçin.\n\n' +
      'Sağlıklı günler dileriz,\n{clinicName}\n',
  },
  preparation_reminder: {
    subject: '{sessionDate} tarihindeki seansınız için hazırlık',
    body:
      'Merhaba {patientName},\n\n' +
      'Seansınız yaklaşıyor:\n\n  {sessionDate}, saat {sessionTime}\n  {place}\n\n' +
      'Seansınıza kadar lütfen şunlara dikkat edin:\n\n' +
      '{instructions}\n\n' +
      'Bunlarla ya da kullandığınız bir ilaçla ilgili sorunuz olursa lütfen klinikle iletişime geçin.\n\n' +
      'Sağlıklı günler dileriz,\n{clinicName}\n',
  },
  day_before_reminder: {
    subject: 'Hatırlatma: seansınız {sessionDate}, saat {sessionTime}',
    body:
      'Merhaba {patientName},\n\n' +
      'Seansınızın {sessionDay}, {sessionDate}, saat {sessionTime} olduğunu hatırlatmak isteriz.\nYer: {place}\n\n' +
      '{instructions}\n\n' +
      'Sağlıklı günler dileriz,\n{clinicName}\n',
  },
  aftercare: {
    subject: 'Seans sonrası bakım önerileri: {sessionDate}',
    body:
      'Merhaba {patientName},\n\n' +
      'Bizi tercih ettiğiniz için teşekkür ederiz. Seansınızın bitiş saati: {sessionEndTime}. Tedavi edilen bölgeye lütfen aşağıdaki şekilde özen gösterin (saatler kliniğin yerel saatidir).\n\n' +
      '{instructions}\n\n' +
      'Sağlıklı günler dileriz,\n{clinicName}\n',
  },
  check_in: {
    subject: '{sessionDate} tarihindeki seansınızdan sonra nasılsınız?',
    body:
      'Merhaba {patientName},\n\n' +
      'Tedavi edilen bölgenin sorunsuz iyileştiğini umuyoruz. Herhangi bir yan etki ya da geçmeyen bir şikâyet fark ettiyseniz lütfen bize bildirin:\n\n' +
      '{instructions}\n\n' +
      'Sağlıklı günler dileriz,\n{clinicName}\n',
  },
};
