import { NativeSelect, NumberInput, Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { FormActions } from '../components/form-actions';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';
import { useCatalogue } from '../knowledge/catalogue';
import { priceKinds } from './money-labels';
import { toMinor, typedAmount } from './money-amounts';
import { moneyApi, type NewPrice, type PriceKind, type PriceListItem } from './money-api';
import { TaxRateInput, UnitPriceInput } from './money-inputs';

/**
 * A new price. What it applies to depends on its kind: an indication (a session, or a course
 * package of so many sessions), a product, or an area. The currency is typed, never assumed: the
 * server refuses a price without one and names the field.
 */
export function PriceForm({
  defaultCurrency,
  onAdded,
  onCancel,
}: {
  defaultCurrency: string;
  onAdded: (price: PriceListItem) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const catalogue = useCatalogue();
  const [kind, setKind] = useState<PriceKind>('session');
  const [name, setName] = useState('');
  const [indication, setIndication] = useState('');
  const [sessions, setSessions] = useState<number | string>('');
  const [productId, setProductId] = useState('');
  const [area, setArea] = useState('');
  const [price, setPrice] = useState<number | string>('');
  const [currency, setCurrency] = useState(defaultCurrency);
  const [taxRate, setTaxRate] = useState<number | string>('');
  const products = useLoad(
    async () => (kind === 'product' ? (await call(api.GET('/api/products'))).products : []),
    [kind === 'product'],
  );

  const { submit, pending, error } = useSubmit(async () => {
    const code = currency.trim().toUpperCase();
    const major = typedAmount(price);
    const taxRatePercent = typedAmount(taxRate);
    // Empty fields are left out, so that the server names each missing field rather than a wrong one.
    const body = {
      kind,
      name: name.trim(),
      ...(code ? { currency: code } : {}),
      ...(major === undefined ? {} : { unitPriceMinor: toMinor(major, code || 'EUR') }),
      ...(taxRatePercent === undefined ? {} : { taxRatePercent }),
      ...(kind === 'session' || kind === 'course_package' ? { indication: indication || null } : {}),
      ...(kind === 'course_package' ? { sessions: typedAmount(sessions) ?? null } : {}),
      ...(kind === 'product' ? { productId: productId || null } : {}),
      ...(kind === 'area' ? { area: area || null } : {}),
    } as NewPrice;
    return moneyApi.createPrice(body);
  });
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await submit();
    if (created) onAdded(created);
  };

  const none = { value: '', label: t('money.choose') };
  return (
    <Paper
      withBorder
      p="md"
      mb="lg"
      component="form"
      onSubmit={onSubmit}
      aria-labelledby="add-price-heading"
      noValidate
    >
      <Title order={2} size="h4" mb="sm" id="add-price-heading">
        {t('money.addPrice')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <NativeSelect
          label={t('money.kind')}
          required
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as PriceKind)}
          data={priceKinds.map((k) => ({ value: k, label: t(`money.kinds.${k}`) }))}
          error={problem('kind')}
        />
        <TextInput
          label={t('money.priceName')}
          description={t('money.priceNameHelp')}
          required
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={problem('name')}
        />
        {(kind === 'session' || kind === 'course_package') && (
          <NativeSelect
            label={t('money.indication')}
            description={kind === 'session' ? t('money.indicationHelp') : undefined}
            required={kind === 'course_package'}
            value={indication}
            onChange={(e) => setIndication(e.currentTarget.value)}
            data={[
              none,
              ...catalogue.indications.map((i) => ({ value: i.id, label: label('indication', i.id, i.name) })),
            ]}
            error={problem('indication')}
          />
        )}
        {kind === 'course_package' && (
          <NumberInput
            label={t('money.sessions')}
            required
            min={1}
            allowDecimal={false}
            value={sessions}
            onChange={setSessions}
            error={problem('sessions')}
          />
        )}
        {kind === 'product' && (
          <NativeSelect
            label={t('money.product')}
            required
            value={productId}
            onChange={(e) => setProductId(e.currentTarget.value)}
            data={[none, ...(products.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
            error={problem('productId')}
          />
        )}
        {kind === 'area' && (
          <NativeSelect
            label={t('money.area')}
            required
            value={area}
            onChange={(e) => setArea(e.currentTarget.value)}
            data={[none, ...catalogue.areas.map((a) => ({ value: a.id, label: label('area', a.id, a.name) }))]}
            error={problem('area')}
          />
        )}
        <UnitPriceInput
          label={t('money.unitPrice')}
          description={t('money.unitPriceHelp')}
          required
          value={price}
          onChange={setPrice}
          error={problem('unitPriceMinor')}
        />
        <TextInput
          label={t('money.currency')}
          description={t('money.currencyHelp')}
          required
          maxLength={3}
          autoComplete="off"
          value={currency}
          onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
          error={problem('currency')}
        />
        <TaxRateInput
          description={t('money.taxRateHelp')}
          required
          value={taxRate}
          onChange={setTaxRate}
          error={problem('taxRatePercent')}
        />
      </SimpleGrid>
      <FormActions error={error} pending={pending} submitLabel={t('money.savePrice')} onCancel={onCancel} mt="md" />
    </Paper>
  );
}
