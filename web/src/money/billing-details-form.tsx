import { Button, NumberInput, Paper, SimpleGrid, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { SaveOutcome, useSavedForm } from '../admin/clinic/saved-form';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { typedAmount } from './money-amounts';
import { moneyApi, type BillingDetails, type BillingDetailsChange } from './money-api';

type TextField = 'legalName' | 'address' | 'phone' | 'email' | 'taxId' | 'currency';
type Fields = Record<TextField, string> & { paymentTermDays: number | string };

const fieldsOf = (details: BillingDetails): Fields => ({
  legalName: details.legalName ?? '',
  address: details.address ?? '',
  phone: details.phone ?? '',
  email: details.email ?? '',
  taxId: details.taxId ?? '',
  currency: details.currency ?? '',
  paymentTermDays: details.paymentTermDays ?? '',
});

/** Every field is sent, an empty one as null: the server clears what is left out. */
function changeOf(fields: Fields): BillingDetailsChange {
  const value = (field: TextField) => fields[field].trim() || null;
  return {
    legalName: value('legalName'),
    address: value('address'),
    phone: value('phone'),
    email: value('email'),
    taxId: value('taxId'),
    currency: value('currency'),
    paymentTermDays: typedAmount(fields.paymentTermDays) ?? null,
  };
}

/**
 * The clinic's billing details (admins): what its invoice PDFs print as the issuer, the currency of
 * typed lines, and the payment term that dates invoices due. The server checks each field and names
 * the one it refuses.
 */
export function BillingDetailsSection() {
  const state = useLoad(() => moneyApi.billingDetails(), []);
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="billing-heading" data-testid="billing-details">
      <Title order={2} size="h3" id="billing-heading" mb={4}>
        {t('money.billingHeading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('money.billingIntro')}
      </Text>
      <Loaded state={state}>{(details) => <BillingDetailsForm details={details} />}</Loaded>
    </Paper>
  );
}

function BillingDetailsForm({ details }: { details: BillingDetails }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(details));
  const { onSubmit, pending, error, saved, edited } = useSavedForm(
    () => moneyApi.saveBillingDetails(changeOf(fields)),
    noop,
  );
  const problem = (field: keyof Fields) => (isApiError(error) ? error.problemFor(field) : undefined);
  const set = (field: keyof Fields) => (value: string | number) => {
    edited();
    setFields((f) => ({ ...f, [field]: value }));
  };
  const text = (field: TextField) => ({
    value: fields[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field)(e.currentTarget.value),
    error: problem(field),
    autoComplete: 'off',
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} aria-labelledby="billing-heading" noValidate>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('money.legalName')}
          description={t('money.legalNameHelp')}
          maxLength={200}
          {...text('legalName')}
        />
        <TextInput label={t('money.taxId')} description={t('money.taxIdHelp')} maxLength={50} {...text('taxId')} />
        <Textarea
          label={t('money.billingAddress')}
          description={t('money.billingAddressHelp')}
          autosize
          minRows={2}
          maxLength={500}
          {...text('address')}
        />
        <div>
          <TextInput label={t('money.billingPhone')} type="tel" maxLength={50} mb="sm" {...text('phone')} />
          <TextInput
            label={t('money.billingEmail')}
            description={t('money.billingEmailHelp')}
            type="email"
            maxLength={254}
            {...text('email')}
          />
        </div>
        <TextInput
          label={t('money.currency')}
          description={t('money.billingCurrencyHelp')}
          maxLength={3}
          {...text('currency')}
          onChange={(e) => set('currency')(e.currentTarget.value.toUpperCase())}
        />
        <NumberInput
          label={t('money.paymentTerm')}
          description={t('money.paymentTermHelp')}
          min={0}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={fields.paymentTermDays}
          onChange={set('paymentTermDays')}
          error={problem('paymentTermDays')}
        />
      </SimpleGrid>
      <SaveOutcome error={error} saved={saved} />
      <Button type="submit" mt="md" loading={pending}>
        {t('money.saveBillingDetails')}
      </Button>
    </form>
  );
}

// Nothing else on the page depends on the billing details.
const noop = () => undefined;
