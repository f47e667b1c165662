import type { Messages } from '../en';

export const selfService: Messages['selfService'] = {
  planTitle: 'Tedavi planım',
  planIntro:
    'Tedavinizin tüm seansları. Bir seansı, başlamasından {{hours}} saat öncesine kadar çevrim içi taşıyabilir ya da iptal edebilirsiniz.',
  noPlan: 'Henüz rezerve edilmiş seans yok.',
  bookLink: 'Kür ya da görüşme randevusu al',
  sessionOf: '{{of}} seanstan {{number}}.',
  withPractitioner: '{{name}} ile',
  atLocation: '{{name}} şubesinde',
  courseHeading: '{{indication}}, {{area}}',
  status: { planned: 'Rezerve', done: 'Yapıldı', cancelled: 'İptal edildi', no_show: 'Gelinmedi' },
  prepareFrom: '{{date}} tarihinden itibaren hazırlanın',
  prepareSteps: 'Bu seanstan önce',
  move: 'Taşı',
  moveSession: '{{number}}. seansı taşı',
  cancel: 'İptal et',
  // Holds the button's visible words as written: axe lowers "İ" to "i̇", which "iptal" does not contain.
  cancelSession: '{{number}}. seans: İptal et',
  cancelConfirmTitle: 'Bu seans iptal edilsin mi?',
  cancelConfirm: '{{date}} saat {{time}} tarihindeki {{number}}. seans iptal edilecek ve saati başkalarına açılacak.',
  cancelKeep: 'Vazgeç',
  cancelDo: 'Seansı iptal et',
  cancelled: 'Seans iptal edildi.',
  tooLate: 'Seansa {{hours}} saatten az kaldı: bu seansı değiştirmek için lütfen kliniği arayın.',
  changeUntil: '{{date}} tarihine kadar çevrim içi değiştirilebilir',

  bookTitle: 'Kür ya da görüşme randevusu al',
  bookIntro:
    'Önce sağlık sorularını yanıtlayın: klinik her hastayı tedaviden önce değerlendirir. Engel yoksa seans saatlerinizi hemen seçebilirsiniz; aksi halde klinik sizi arar.',
  intakeSubmit: 'Yanıtlarımı gönder',
  intakeSubmitting: 'Yanıtlarınız değerlendiriliyor…',
  screeningTitle: 'Yanıtlarınız',
  outcome: {
    bookable: 'Yanıtlarınızda engel bir durum yok: seans saatlerinizi aşağıdan seçin.',
    deferred: 'Tedavi şimdilik beklemeli. Klinik sizinle görüşecek ve zamanı gelince randevu verecek.',
    contraindicated: 'Herhangi bir tedavi planlanmadan önce bir hekimin sizi görmesi gerekiyor.',
    screening_incomplete: 'Bazı yanıtlarınızın randevudan önce bir hekim tarafından değerlendirilmesi gerekiyor.',
    clinician_first: 'İsteğinizi randevudan önce bir hekimin sizinle birlikte planlaması gerekiyor.',
  },
  whyTitle: 'Kliniğin sizinle konuşacağı konular',
  openQuestions: 'Henüz yanıtlanmamış sorular: {{list}}',
  planSummary:
    '{{min}}–{{max}} seans, {{intervalMin}}–{{intervalMax}} gün arayla, her biri yaklaşık {{minutes}} dakika.',
  finderTitle: 'Saatlerinizi seçin',
  finderHelp:
    'Her öneri tedavinizin gerektirdiği aralıklara uyar. Çevrim içi randevular en erken şu andan {{hours}} saat sonrası için verilir.',
  location: 'Nerede',
  sessions: 'Seans sayısı',
  earliest: 'En erken',
  weekdays: 'Bana uyan günler',
  weekdayNames: { 1: 'Pzt', 2: 'Sal', 3: 'Çar', 4: 'Per', 5: 'Cum', 6: 'Cmt', 7: 'Paz' },
  find: 'Saatleri göster',
  finding: 'Saatler aranıyor…',
  offerEarliest: 'En erken saatler, {{date}} tarihinden',
  offerLater: '{{date}} tarihinde başlayan',
  offerAlternative: '{{date}} tarihinden, esnek olabilirseniz ({{relaxed}})',
  relaxed: { practitioner: 'başka bir uygulayıcı', time_of_day: 'günün başka bir saati', weekdays: 'başka günler' },
  noOffer: 'Önümüzdeki bir yıl içinde uygun saat bulunamadı.',
  book: 'Bu {{count}} seansı rezerve et',
  booking: 'Rezerve ediliyor…',
  booked: 'Rezerve edildi. Tüm seansları içeren bir onay alacaksınız.',
  toPlan: 'Planımı gör',
  findAgain: 'Yeni saatleri göster',
  consultationTitle: 'Kliniğin sizi aramasını isteyin',
  consultationHelp:
    'İsterseniz bir not bırakın (ne zaman aranmak istediğiniz, ne sormak istediğiniz). Klinik sizinle iletişime geçecek.',
  consultationNote: 'Kliniğe not',
  consultationSend: 'Aranmak istiyorum',
  consultationSending: 'Gönderiliyor…',
  consultationSent: 'Teşekkürler. Klinik bir görüşme için sizi arayacak.',
  ratherTalk: 'Önce klinikle konuşmayı mı tercih edersiniz?',
  noTimeSuits: 'Bu saatlerin hiçbiri bana uymuyor',
  requestsTitle: 'Görüşme isteklerim',
  requestOpen: '{{date}} tarihinde istendi: klinik sizi arayacak.',
  requestHandled: '{{date}} tarihinde istendi: klinik sizinle iletişime geçti.',

  moveTitle: 'Seansı taşı',
  moveWindow: 'Tedavi aralığını korumak için {{number}}. seans {{from}} ile {{to}} arasındaki bir güne taşınabilir.',
  moveNoWindow: 'Tedavi aralığını koruyan çevrim içi bir gün kalmadı. Lütfen kliniği arayın.',
  moveDay: 'Gün',
  moveTime: 'Saat',
  moveNoTimes: 'Bu seansın taşınabileceği günlerde boş saat yok. Lütfen kliniği arayın.',
  moveDo: 'Bu saate taşı',
  moving: 'Taşınıyor…',
  moved: 'Taşındı. Planınız şimdi şöyle:',
  movedAlso: 'Sonraki seanslar da aralıklarını korumak için birlikte taşındı.',
  backToPlan: 'Planıma dön',
  callClinic: 'Lütfen kliniği arayın.',

  reportPhotos: 'Bildiriminize fotoğraf ekleyin',
  reportPhotosHelp:
    'Fotoğraflar kliniğin gördüklerinizi değerlendirmesine yardımcı olur. Bir seferde en çok 5 tane; JPEG, PNG ya da WebP, her biri en çok 10 MB.',
  reportPhotoFiles: 'Fotoğraflar',
  reportPhotoUpload: 'Fotoğraf ekle',
  reportPhotoUploading: 'Yükleniyor…',
  reportPhotosAdded_one: '{{count}} fotoğraf eklendi.',
  reportPhotosAdded_other: '{{count}} fotoğraf eklendi.',
  reportPhotoCount_one: '{{count}} fotoğraf',
  reportPhotoCount_other: '{{count}} fotoğraf',

  refusal: {
    notice_period_passed:
      'Seanslar, başlamalarından {{hours}} saat öncesine kadar çevrim içi taşınabilir ya da iptal edilebilir. Bu seansa daha az kaldı: lütfen kliniği arayın.',
    too_soon:
      'Çevrim içi olarak seanslar en az {{hours}} saat sonrası için rezerve edilebilir ya da taşınabilir. Daha geç bir saat seçin.',
    outside_interval_window:
      'Tedavi aralığını korumak için bu seans {{from}} ile {{to}} arasında olmalı. Bu aralıkta bir gün seçin ya da kliniği arayın.',
    slot_taken:
      'Bu saatlerden biri az önce başkası tarafından alındı. Hiçbir şey rezerve edilmedi: saatleri yeniden isteyin.',
    not_bookable: 'Bu saatler artık rezerve edilemiyor. Hiçbir şey rezerve edilmedi: saatleri yeniden isteyin.',
    not_possible:
      'Sonraki seanslar bu saatin çevresinde aralıklarını koruyamadı. Hiçbir şey taşınmadı: başka bir saat seçin.',
    consultation_needed:
      'Yanıtlarınızın önce bir hekim tarafından değerlendirilmesi gerekiyor: bunun yerine kliniğin sizi aramasını isteyin.',
    already_booked: 'Bu yanıtlarla zaten bir kür rezerve edildi. Planınıza bakın ya da soruları yeniden yanıtlayın.',
    assessment_outdated: 'Yanıtlarınız o zamandan beri değişti: randevudan önce soruları yeniden yanıtlayın.',
    screening_expired: 'Yanıtlarınız randevu için fazla eski: soruları yeniden yanıtlayın.',
    already_requested: 'Zaten bir görüşme istediniz: klinik sizinle iletişime geçecek.',
    session_closed: 'Bu seans artık değiştirilemez.',
  },

  noticeTitle: 'Hasta portalı',
  noticeHelp:
    'Hastaların bir seansı başlamasından ne kadar önceye kadar çevrim içi taşıyabileceği ya da iptal edebileceği. Bu süre içinde portal onlara kliniği aramalarını söyler.',
  noticeHours: 'Bildirim süresi (saat)',
};
