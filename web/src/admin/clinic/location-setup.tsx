import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ok } from '../../api/api-types';
import { api, call } from '../../api/client';
import { Loaded } from '../../components/loaded';
import { useLoad } from '../../hooks/use-load';
import { ClosureList } from './closure-list';
import { LocationForm } from './location-form';
import { OpeningHoursForm } from './opening-hours-form';
import { RoomList } from './room-list';

type Location = Ok<'/api/clinics/{id}/locations', 'get'>['locations'][number];

/** Everything of one location: its details, rooms, opening hours and closures. */
export function LocationSetup({ location, onRenamed }: { location: Location; onRenamed: () => void }) {
  const { t } = useTranslation();
  const path = { params: { path: { id: location.id } } };
  const state = useLoad(async () => {
    const [availability, { rooms }] = await Promise.all([
      call(api.GET('/api/locations/{id}/availability', path)),
      call(
        api.GET('/api/locations/{id}/rooms', {
          params: { path: { id: location.id }, query: { includeInactive: 'true' } },
        }),
      ),
    ]);
    return { availability, rooms };
  }, [location.id]);

  return (
    <Stack gap="md">
      <LocationForm
        id="location-details-heading"
        title={t('clinicSetup.detailsHeading', { name: location.name })}
        initial={{ name: location.name, address: location.address ?? '', timeZone: location.timeZone }}
        submitLabel={t('clinicSetup.save')}
        onSubmit={async (fields) => {
          const saved = await call(
            api.PATCH('/api/locations/{id}', {
              ...path,
              body: { name: fields.name, address: fields.address.trim() || null, timeZone: fields.timeZone },
            }),
          );
          onRenamed();
          return saved;
        }}
      />
      <Loaded state={state}>
        {({ availability, rooms }) => (
          <>
            <RoomList locationId={location.id} rooms={rooms} onChanged={state.reload} />
            <OpeningHoursForm
              locationId={location.id}
              openingHours={availability.location.openingHours}
              onSaved={state.reload}
            />
            <ClosureList locationId={location.id} exceptions={availability.exceptions} onChanged={state.reload} />
          </>
        )}
      </Loaded>
    </Stack>
  );
}
