import { Alert, Button, Paper, ScrollArea, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { ErrorAlert } from '../components/error-alert';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useFormat } from '../i18n/use-format';
import { currentLanguage } from '../i18n/i18n';
import { fullName } from '../patients/full-name';
import { SignaturePadField } from './signature-pad-field';

/** The patient reads the current consent text and signs it on the screen (typed name and drawn signature). */
export function ConsentPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { id: patientId = '' } = useParams();
  const state = useLoad(async () => {
    const path = { params: { path: { id: patientId } } };
    const [patient, { texts }, { signatures, standings }] = await Promise.all([
      call(api.GET('/api/patients/{id}', path)),
      call(api.GET('/api/consent-texts')),
      call(api.GET('/api/patients/{id}/consents', path)),
    ]);
    return { patient, texts, signatures, standings };
  }, [patientId]);
  const [procedure, setProcedure] = useState('mesotherapy');
  const [language, setLanguage] = useState<string | null>(null);
  const [typedName, setTypedName] = useState<string | null>(null);
  const [signature, setSignature] = useState<string | null>(null);
  const [missingSignature, setMissingSignature] = useState(false);
  const { submit, pending, error } = useSubmit(
    async (body: { consentTextId: string; typedName: string; signatureImage: string }) =>
      call(api.POST('/api/patients/{id}/consents', { params: { path: { id: patientId } }, body })),
  );

  return (
    <Loaded state={state}>
      {({ patient, texts, signatures, standings }) => {
        const procedures = [...new Set(texts.map((x) => x.procedure))];
        const shownProcedure = procedures.includes(procedure) ? procedure : (procedures[0] ?? procedure);
        const ofProcedure = texts.filter((x) => x.procedure === shownProcedure);
        // The language chosen here, else the patient's own (the version the server offers them to
        // sign is in it where the clinic has one), else the page's, else any.
        const preferred = [
          language,
          patient.preferredLanguage,
          standings.find((s) => s.procedure === shownProcedure)?.current.language,
          currentLanguage(),
        ];
        const text =
          preferred.map((l) => ofProcedure.find((x) => x.language === l)).find((x) => x !== undefined) ??
          ofProcedure[0];
        const name = typedName ?? fullName(patient);
        const signed = text && signatures.find((s) => s.consentTextId === text.id);
        const onSubmit = async (event: FormEvent) => {
          event.preventDefault();
          if (!text) return;
          if (!signature) {
            setMissingSignature(true);
            return;
          }
          if (await submit({ consentTextId: text.id, typedName: name, signatureImage: signature }))
            navigate(`/patients/${patientId}`);
        };
        return (
          <>
            <PageTitle>{t('consent.title', { name: fullName(patient) })}</PageTitle>
            {!text ? (
              <Alert color="yellow">{t('consent.noText')}</Alert>
            ) : (
              <Stack gap="md" maw={760} component="form" onSubmit={onSubmit}>
                {procedures.length > 1 && (
                  <Select
                    label={t('consent.procedure')}
                    data={procedures}
                    value={text.procedure}
                    onChange={(v) => {
                      setProcedure(v ?? procedure);
                      setLanguage(null);
                    }}
                    allowDeselect={false}
                  />
                )}
                {ofProcedure.length > 1 && (
                  <Select
                    label={t('consent.language')}
                    data={ofProcedure.map((x) => ({
                      value: x.language,
                      label: t(`consentTexts.languageNames.${x.language}`, { defaultValue: x.language }),
                    }))}
                    value={text.language}
                    onChange={(v) => setLanguage(v ?? text.language)}
                    allowDeselect={false}
                  />
                )}
                <Paper withBorder p="md">
                  <Text size="xs" c="dimmed" mb="xs">
                    {text.procedure} · {t('consent.version', { version: text.version })} · {t('consent.read')}
                  </Text>
                  <ScrollArea.Autosize mah={320} type="auto">
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="consent-text" tabIndex={0}>
                      {text.text}
                    </Text>
                  </ScrollArea.Autosize>
                </Paper>
                {signed && (
                  <Alert color="teal" role="status">
                    {t('consent.alreadySigned', { version: text.version, date: format.dateTime(signed.signedAt) })}
                  </Alert>
                )}
                <TextInput
                  label={t('consent.typedName')}
                  required
                  value={name}
                  onChange={(e) => setTypedName(e.currentTarget.value)}
                  error={isApiError(error) ? error.problemFor('typedName') : undefined}
                />
                <SignaturePadField
                  typedName={name}
                  onChange={(png) => {
                    setSignature(png);
                    if (png) setMissingSignature(false);
                  }}
                  error={
                    missingSignature
                      ? t('consent.signatureEmpty')
                      : isApiError(error)
                        ? error.problemFor('signatureImage')
                        : undefined
                  }
                />
                {error !== null && <ErrorAlert error={error} />}
                <Button type="submit" loading={pending} w="fit-content">
                  {pending ? t('consent.submitting') : t('consent.submit')}
                </Button>
              </Stack>
            )}
          </>
        );
      }}
    </Loaded>
  );
}
