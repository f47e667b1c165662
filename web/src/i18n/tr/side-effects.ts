import type { Messages } from '../en';

export const sideEffects: Messages['sideEffects'] = {
  title: 'İlgi bekleyen yan etkiler',
  intro: 'Acil (bugün) ya da inceleme (birkaç gün içinde) olarak sınıflanan bildirimler, en yenisi önce.',
  level: { expected: 'Beklenen', review: 'İnceleme', urgent: 'Acil' },
  filter: 'Göster',
  all: 'Acil ve inceleme',
  none: 'İlgi bekleyen bildirim yok.',
  patientReports: 'Yan etki bildirimleri',
  noPatientReports: 'Bildirilmiş yan etki yok.',
  reported: '{{date}} · {{session}} tarihli seans',
  severity: 'Şiddet: {{severity}}',
  lots: 'Kullanılan partiler: {{lots}}',
  symptom: 'Bildirilen',
};
