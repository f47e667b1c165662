import { Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useUser } from '../../auth/auth-context';
import { EmptyState } from '../../components/empty-state';
import { Loaded } from '../../components/loaded';
import { PageTitle } from '../../components/page-title';
import { useLoad } from '../../hooks/use-load';
import { BillingDetailsSection } from '../../money/billing-details-form';
import { ClinicLogoForm } from './clinic-logo-form';
import { ClinicNameForm } from './clinic-name-form';
import { LocationForm } from './location-form';
import { LocationSetup } from './location-setup';
import { PortalNoticeForm } from './portal-notice-form';

/** Admins set the clinic up: its name and billing details, locations, rooms, opening hours and closures. */
export function ClinicSetupPage() {
  const { t } = useTranslation();
  const user = useUser();
  const clinicPath = { params: { path: { id: user.clinicId } } };
  const [chosen, setChosen] = useState<string | null>(null);
  const state = useLoad(async () => {
    const [clinic, { locations }] = await Promise.all([
      call(api.GET('/api/clinics/{id}', clinicPath)),
      call(api.GET('/api/clinics/{id}/locations', clinicPath)),
    ]);
    return { clinic, locations };
  }, [user.clinicId]);

  return (
    <>
      <PageTitle>{t('clinicSetup.title')}</PageTitle>
      <Loaded state={state}>
        {({ clinic, locations }) => {
          const location = locations.find((l) => l.id === chosen) ?? locations[0];
          return (
            <Stack gap="md" maw={960}>
              <ClinicNameForm clinic={clinic} onSaved={state.reload} />
              <BillingDetailsSection />
              <ClinicLogoForm clinicId={clinic.id} />
              <PortalNoticeForm clinicId={clinic.id} />
              <Paper withBorder p="md" aria-labelledby="locations-heading">
                <Title order={2} size="h3" id="locations-heading" mb={4}>
                  {t('clinicSetup.locationsHeading')}
                </Title>
                <Text size="sm" mb="sm">
                  {t('clinicSetup.locationsHelp')}
                </Text>
                {locations.length === 0 ? (
                  <EmptyState text={t('clinicSetup.noLocations')} size="sm" />
                ) : (
                  <Select
                    label={t('clinicSetup.location')}
                    data={locations.map((l) => ({ value: l.id, label: l.name }))}
                    value={location?.id ?? null}
                    onChange={setChosen}
                    allowDeselect={false}
                    maw={360}
                  />
                )}
              </Paper>
              {location && <LocationSetup key={location.id} location={location} onRenamed={state.reload} />}
              <LocationForm
                id="add-location-heading"
                title={t('clinicSetup.addLocationHeading')}
                initial={{ name: '', address: '', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }}
                submitLabel={t('clinicSetup.addLocation')}
                resetOnSave
                onSubmit={async (fields) => {
                  const created = await call(
                    api.POST('/api/clinics/{id}/locations', {
                      ...clinicPath,
                      body: { name: fields.name, address: fields.address.trim() || null, timeZone: fields.timeZone },
                    }),
                  );
                  setChosen(created.id);
                  state.reload();
                  return created;
                }}
              />
            </Stack>
          );
        }}
      </Loaded>
    </>
  );
}
