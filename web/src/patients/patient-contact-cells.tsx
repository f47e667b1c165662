import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';

/** A patient's name (linked to their page), phone and email, as cells of a row of patients to contact. */
export function PatientContactCells({
  patient,
  none,
}: {
  patient: { patientId: string; firstName: string; lastName: string; phone: string | null; email: string | null };
  /** Shown for a phone or email the patient has not given. */
  none: string;
}) {
  return (
    <>
      <Table.Td>
        <Anchor component={Link} to={`/patients/${patient.patientId}`}>
          {patient.firstName} {patient.lastName}
        </Anchor>
      </Table.Td>
      <Table.Td>{patient.phone ?? none}</Table.Td>
      <Table.Td>{patient.email ?? none}</Table.Td>
    </>
  );
}
