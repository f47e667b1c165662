import { Badge, Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import type { Ok } from '../../api/api-types';
import { api, call } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { useSubmit } from '../../hooks/use-submit';

type Room = Ok<'/api/locations/{id}/rooms', 'get'>['rooms'][number];

/** A location's rooms, those out of use too: add one, take one out of use or bring it back. */
export function RoomList({
  locationId,
  rooms,
  onChanged,
}: {
  locationId: string;
  rooms: Room[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const add = useSubmit(async () =>
    call(api.POST('/api/locations/{id}/rooms', { params: { path: { id: locationId } }, body: { name } })),
  );
  const toggle = useSubmit(async (room: Room) =>
    call(api.PATCH('/api/rooms/{id}', { params: { path: { id: room.id } }, body: { active: !room.active } })),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await add.submit()) {
      setName('');
      onChanged();
    }
  };

  return (
    <Paper withBorder p="md" aria-labelledby="rooms-heading">
      <Title order={3} size="h4" id="rooms-heading" mb={4}>
        {t('clinicSetup.roomsHeading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('clinicSetup.roomsHelp')}
      </Text>
      {rooms.length === 0 ? (
        <EmptyState text={t('clinicSetup.noRooms')} size="sm" />
      ) : (
        <Table data-testid="rooms" fz="sm" mb="sm">
          <Table.Tbody>
            {rooms.map((room) => (
              <Table.Tr key={room.id}>
                <Table.Td>{room.name}</Table.Td>
                <Table.Td>
                  <Badge color={room.active ? 'green' : 'gray'} variant="light">
                    {room.active ? t('clinicSetup.inUse') : t('clinicSetup.outOfUse')}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    variant="subtle"
                    size="xs"
                    loading={toggle.pending}
                    onClick={async () => {
                      if (await toggle.submit(room)) onChanged();
                    }}
                  >
                    {room.active
                      ? t('clinicSetup.takeOutOfUse', { name: room.name })
                      : t('clinicSetup.bringBack', { name: room.name })}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {toggle.error !== null && <ErrorAlert error={toggle.error} />}
      <Group align="flex-end" gap="sm" component="form" onSubmit={onSubmit} mt="sm">
        <TextInput
          label={t('clinicSetup.roomName')}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.currentTarget.value)}
          error={isApiError(add.error) ? add.error.problemFor('name') : undefined}
          required
        />
        <Button type="submit" loading={add.pending} disabled={!name.trim()}>
          {t('clinicSetup.addRoom')}
        </Button>
      </Group>
      {add.error !== null && <ErrorAlert error={add.error} />}
    </Paper>
  );
}
