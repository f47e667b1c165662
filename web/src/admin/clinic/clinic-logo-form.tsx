import { Button, FileInput, Group, Image, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { api, call } from '../../api/client';
import { SaveOutcome, useSavedForm } from './saved-form';

function dataUrlOf(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** The logo printed at the head of patients' sheets: shown, replaced or removed (admins). */
export function ClinicLogoForm({ clinicId }: { clinicId: string }) {
  const { t } = useTranslation();
  const path = { params: { path: { id: clinicId } } };
  const [file, setFile] = useState<File | null>(null);
  // Changes with every save, so the browser fetches the new image instead of its cached one.
  const [version, setVersion] = useState(() => Date.now());
  const [missing, setMissing] = useState(false);
  const shown = () => {
    setFile(null);
    setMissing(false);
    setVersion(Date.now());
  };
  // The forms count a result as saved, so each action returns what the server answered.
  const upload = useSavedForm(async () => {
    if (!file) return undefined;
    return call(api.PUT('/api/clinics/{id}/logo', { ...path, body: { image: await dataUrlOf(file) } }));
  }, shown);
  const remove = useSavedForm(async () => {
    await call(api.DELETE('/api/clinics/{id}/logo', path));
    return true;
  }, shown);
  const error = upload.error ?? remove.error;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="logo-heading">
      <Title order={2} size="h3" id="logo-heading" mb={4}>
        {t('clinicSetup.logoHeading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('clinicSetup.logoHelp')}
      </Text>
      {missing ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('clinicSetup.noLogo')}
        </Text>
      ) : (
        <Image
          src={`/api/clinics/${clinicId}/logo?v=${version}`}
          alt={t('clinicSetup.logoCurrent')}
          h={48}
          w="auto"
          fit="contain"
          mb="sm"
          onError={() => setMissing(true)}
        />
      )}
      <form onSubmit={upload.onSubmit} aria-labelledby="logo-heading" noValidate>
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('clinicSetup.logoFile')}
            accept="image/png,image/jpeg"
            value={file}
            onChange={(chosen) => {
              upload.edited();
              remove.edited();
              setFile(chosen);
            }}
            error={isApiError(error) ? error.problemFor('image') : undefined}
            w={280}
            clearable
          />
          <Button type="submit" loading={upload.pending} disabled={!file}>
            {t('clinicSetup.uploadLogo')}
          </Button>
          {!missing && (
            <Button variant="default" color="red" loading={remove.pending} onClick={remove.onSubmit}>
              {t('clinicSetup.removeLogo')}
            </Button>
          )}
        </Group>
        <SaveOutcome error={error} saved={upload.saved || remove.saved} />
      </form>
    </Paper>
  );
}
