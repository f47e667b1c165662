import type { Messages } from '../en';

export const empty: Messages['empty'] = {
  findPatient: 'Hasta bul',
  schedule:
    'Bu günde seans yok. Bir kür planlandığında seanslar burada görünür: bir hastayı açın, ön görüşmesini yapın ve değerlendirmenin önerdiği kürü planlayın.',
  patients: 'Eşleşen hasta yok. Yazımı kontrol edin ya da hasta yeniyse kaydedin.',
  registerPatient: 'Yeni hasta kaydet',
  sideEffects:
    'İlgi bekleyen bildirim yok. Acil ya da inceleme olarak sınıflanan yan etki bildirimleri burada görünür: hastalar bunları portaldan gönderir, telefonla bildirilenleri hastanın sayfasına siz kaydedersiniz.',
  flags:
    'İşaretlenmiş yaklaşan seans yok. Yeni bir ön görüşme ya da bilgi tabanının yeni bir sürümü planlanmış bir seansı uygulanamaz kılarsa seans burada görünür: değişen ön görüşmeyi hastanın sayfasına kaydedin.',
  recall:
    'Bu lot henüz hiçbir hastaya uygulanmadı. Bir seans bu lotla kaydedildiğinde lot hastaya ulaşmış olur; seanslar günün programındadır.',
  openSchedule: 'Programı aç',
  audit:
    'Eşleşen kayıt yok. Hasta kayıtlarının her okunması ve değiştirilmesi buraya yazılır; daha fazlasını görmek için süzgeçleri değiştirin.',
  intakes: 'Henüz ön görüşme yok. Ön görüşme hastayı bilgi tabanına göre tarar; değerlendirmesi kürü planlar.',
  takeIntake: 'Ön görüşmeyi yap',
  courses: 'Henüz kür yok. Kür, bir değerlendirmenin planından planlanır.',
  bookCourse: 'Son değerlendirmenin kürünü planla',
  consents: 'Henüz imzalanmış onam yok. Hasta, ilk seansı kaydedilmeden önce güncel onam metnini imzalar.',
  signConsent: 'Onamı imzalat',
  photos: 'Henüz fotoğraf yok. İlk seansta bir önce fotoğrafı, kür ilerledikçe sonra fotoğraflarını aşağıdan ekleyin.',
  outcomes: 'Henüz sonuç yok. Her seansı yapıldıktan sonra aşağıdan puanlayın.',
  patientSideEffects:
    'Bildirilmiş yan etki yok. Hastanın portaldan gönderdiği bildirimler burada görünür; telefonla bildirileni aşağıdan kaydedin.',
  sessions: 'Planlanmış seans yok. Seansları, hastanın değerlendirmesinin önerdiği kürden bir uygulayıcı planlar.',
  portalUpcoming: 'Planlanmış yaklaşan seans yok. Kliniğiniz seanslarınızı sizinle birlikte planlar.',
  portalReports: 'Henüz bildirim yok. Bir seanstan sonra bir şey fark ederseniz, kliniğe buradan bildirin.',
  reportSideEffect: 'Yan etki bildir',
};
