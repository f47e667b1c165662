import type { Messages } from '../en';

export const schedule: Messages['schedule'] = {
  title: 'Bugünün programı',
  dateLabel: 'Gün',
  time: 'Saat',
  patient: 'Hasta',
  duration: 'Süre',
  status: 'Durum',
  flagged: 'Yeniden tarama uyarısı: {{verdict}}',
  flagIntro: 'Yeniden tarama, bu seansın artık taramadan geçmediğini buldu.',
  flaggedAt: '{{date}} tarihinde işaretlendi.',
  viewChart: 'Kaydı gör',
  chart: 'Seans kaydı',
  previousDay: 'Önceki gün',
  nextDay: 'Sonraki gün',
  today: 'Bugün',
};
