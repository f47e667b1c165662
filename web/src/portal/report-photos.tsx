import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { upload } from '../api/upload';
import { ErrorAlert } from '../components/error-alert';
import { useSubmit } from '../hooks/use-submit';

/** Photos added to a side-effect report the patient just sent (the server takes up to five at once). */
export function ReportPhotos({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const [added, setAdded] = useState(0);
  const { submit, pending, error } = useSubmit(async (form: FormData) =>
    upload<{ photos: unknown[] }>(`/api/side-effects/${encodeURIComponent(reportId)}/photos`, form),
  );
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const form = new FormData();
    for (const file of files) form.append('photo', file);
    const saved = await submit(form);
    if (saved) {
      setAdded((n) => n + saved.photos.length);
      setFiles([]);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-photos-heading">
      <Title order={2} size="h4" id="report-photos-heading" mb={4}>
        {t('selfService.reportPhotos')}
      </Title>
      <Stack gap="sm" component="form" onSubmit={send}>
        <Text size="sm">{t('selfService.reportPhotosHelp')}</Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput
            label={t('selfService.reportPhotoFiles')}
            accept="image/jpeg,image/png,image/webp"
            multiple
            value={files}
            onChange={setFiles}
            clearable
            w={320}
          />
          <Button type="submit" variant="light" loading={pending} disabled={files.length === 0}>
            {pending ? t('selfService.reportPhotoUploading') : t('selfService.reportPhotoUpload')}
          </Button>
        </Group>
        {error !== null && <ErrorAlert error={error} />}
        {added > 0 && (
          <Alert color="green" role="status" data-testid="report-photos-added">
            {t('selfService.reportPhotosAdded', { count: added })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
