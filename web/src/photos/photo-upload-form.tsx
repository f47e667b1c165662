import { Button, FileInput, Group, Select } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { upload } from '../api/upload';
import { ErrorAlert } from '../components/error-alert';
import { useSubmit } from '../hooks/use-submit';

export function PhotoUploadForm({ patientId, onUploaded }: { patientId: string; onUploaded: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'before' | 'after'>('before');
  const [file, setFile] = useState<File | null>(null);
  const { submit, pending, error } = useSubmit(async (form: FormData) =>
    upload(`/api/patients/${encodeURIComponent(patientId)}/photos`, form),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    // Fields before the file: the server reads them as the stream goes by.
    form.append('kind', kind);
    form.append('photo', file);
    if (await submit(form)) {
      setFile(null);
      onUploaded();
    }
  };

  return (
    <form onSubmit={onSubmit}>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <Select
          label={t('records.photoKind')}
          data={(['before', 'after'] as const).map((k) => ({ value: k, label: t(`records.photoKinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v === 'after' ? 'after' : 'before')}
          allowDeselect={false}
          w={140}
        />
        <FileInput
          label={t('records.photoFile')}
          accept="image/jpeg,image/png,image/webp"
          value={file}
          onChange={setFile}
          clearable
          w={300}
        />
        <Button type="submit" variant="light" loading={pending} disabled={!file}>
          {pending ? t('records.uploading') : t('records.upload')}
        </Button>
      </Group>
      {error !== null && <ErrorAlert error={error} />}
    </form>
  );
}
