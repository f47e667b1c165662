import type { Messages } from '../en';

export const consentTexts: Messages['consentTexts'] = {
  title: 'Onam metinleri',
  intro:
    'Her işlemin her dil için bir onam metni vardır. Yeni bir sürüm yayımlamak o dilin geçerli sürümünün yerini alır: önceki bir sürümü imzalamış hastalar, bir sonraki seansları kaydedilmeden önce yeniden imzalamalıdır.',
  publishHeading: 'Yeni sürüm yayımla',
  procedure: 'İşlem',
  procedureHelp: 'mesotherapy gibi bir kod: küçük harfler, rakamlar ve _.',
  language: 'Dil',
  text: 'Metin',
  preview: 'Önizleme',
  editAgain: 'Düzenle',
  previewHeading: 'Hastanın okuyacağı metin',
  previewLabel: '{{procedure}} · sürüm {{version}} · {{language}} · henüz yayımlanmadı',
  publish: 'Sürüm {{version}} yayımla',
  publishing: 'Yayımlanıyor…',
  published:
    '{{procedure}} onamının {{version}}. sürümü ({{language}}) yayımlandı. Önceki bir sürümü imzalamış hastalar yeniden imzalamalıdır.',
  versionsHeading: 'Sürümler',
  versionColumn: 'Sürüm',
  empty:
    'Henüz yayımlanmış bir onam metni yok. Hastalar ilk seansları kaydedilmeden önce geçerli metni imzalar: ilk sürümü burada yayımlayın.',
  version: 'Sürüm {{version}}',
  current: 'Geçerli',
  superseded: 'Yerini yenisi aldı',
  signatures_one: '{{count}} imza',
  signatures_other: '{{count}} imza',
  publishedOn: '{{date}} tarihinde yayımlandı',
  showText: 'Metni göster',
  delete: 'Sil',
  deleteLabel: '{{procedure}} ({{language}}) sürüm {{version}} sil',
  deleted: 'Sürüm {{version}} silindi.',
  signedKept: 'İmzalanmış sürümler kalıcı olarak saklanır.',
  languageNames: { en: 'İngilizce', tr: 'Türkçe' },
};
