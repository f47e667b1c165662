import { Image, Paper, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ok } from '../api/api-types';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import { PhotoUploadForm } from './photo-upload-form';
import { EmptyState } from '../components/empty-state';

type Photo = Ok<'/api/patients/{id}/photos', 'get'>['photos'][number];

/** Before and after photos side by side: by default the first "before" and the latest "after". */
export function PatientPhotos({
  patientId,
  patientName,
  canUpload,
}: {
  patientId: string;
  patientName: string;
  canUpload: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useLoad(
    async () => (await call(api.GET('/api/patients/{id}/photos', { params: { path: { id: patientId } } }))).photos,
    [patientId],
  );
  const [beforeId, setBeforeId] = useState<string | null>(null);
  const [afterId, setAfterId] = useState<string | null>(null);

  const describe = (p: Photo) =>
    t('records.photoAlt', {
      kind: t(`records.photoKinds.${p.kind}`),
      name: patientName,
      date: format.dateTime(p.createdAt),
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="photos-heading">
      <Title order={2} size="h4" id="photos-heading" mb="sm">
        {t('records.photos')}
      </Title>
      <Loaded state={state}>
        {(photos) => {
          const befores = photos.filter((p) => p.kind === 'before');
          const afters = photos.filter((p) => p.kind === 'after');
          // Newest first from the server: the oldest "before" is last.
          const before = befores.find((p) => p.id === beforeId) ?? befores.at(-1);
          const after = afters.find((p) => p.id === afterId) ?? afters[0];
          const option = (p: Photo) => ({ value: p.id, label: format.dateTime(p.createdAt) });
          return (
            <Stack gap="sm">
              {photos.length === 0 ? (
                <EmptyState size="sm" text={canUpload ? t('empty.photos') : t('records.noPhotos')} />
              ) : (
                <>
                  <Title order={3} size="h5">
                    {t('records.compare')}
                  </Title>
                  <SimpleGrid cols={2} spacing="sm" data-testid="photo-compare">
                    <Stack gap={4}>
                      <Select
                        label={t('records.compareBefore')}
                        data={befores.map(option)}
                        value={before?.id ?? null}
                        onChange={setBeforeId}
                        allowDeselect={false}
                      />
                      {before && <Image src={before.url} alt={describe(before)} radius="sm" fit="contain" mah={360} />}
                    </Stack>
                    <Stack gap={4}>
                      <Select
                        label={t('records.compareAfter')}
                        data={afters.map(option)}
                        value={after?.id ?? null}
                        onChange={setAfterId}
                        allowDeselect={false}
                      />
                      {after && <Image src={after.url} alt={describe(after)} radius="sm" fit="contain" mah={360} />}
                    </Stack>
                  </SimpleGrid>
                </>
              )}
              {canUpload && (
                <>
                  <Title order={3} size="h5" mt="sm">
                    {t('records.uploadPhoto')}
                  </Title>
                  <PhotoUploadForm patientId={patientId} onUploaded={state.reload} />
                </>
              )}
            </Stack>
          );
        }}
      </Loaded>
    </Paper>
  );
}
