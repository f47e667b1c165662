import { Alert } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { useSubmit } from '../../hooks/use-submit';

/**
 * A set-up form's sending: once the server stored it, `saved` holds (and `onSaved` runs) until the
 * form is changed again (`edited`).
 */
export function useSavedForm(action: () => Promise<unknown>, onSaved: () => void) {
  const [saved, setSaved] = useState(false);
  const { submit, pending, error } = useSubmit(action);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await submit()) {
      setSaved(true);
      onSaved();
    }
  };
  return { onSubmit, pending, error, saved, edited: () => setSaved(false) };
}

/** Under a set-up form: what went wrong, or that it is saved. */
export function SaveOutcome({ error, saved }: { error: unknown; saved: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {error !== null && <ErrorAlert error={error} />}
      {saved && (
        <Alert color="green" mt="sm" role="status">
          {t('clinicSetup.saved')}
        </Alert>
      )}
    </>
  );
}
