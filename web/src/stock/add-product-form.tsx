import { MultiSelect, NumberInput, Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { FormActions } from '../components/form-actions';
import { useSubmit } from '../hooks/use-submit';
import { compareNames, useCatalogue } from '../knowledge/catalogue';
import { typedNumber, type StockProduct } from './stock-types';

/** A new product: its ingredients are picked from the knowledge base, so that the allergy checks can read them. */
export function AddProductForm({
  onAdded,
  onCancel,
}: {
  onAdded: (product: StockProduct) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const catalogue = useCatalogue();
  // Ids are sent; the reader picks by name, in their language's alphabetical order.
  const ingredientOptions = useMemo(() => {
    const compare = compareNames(i18n.resolvedLanguage);
    return catalogue.ingredients.map((i) => ({ value: i.id, label: i.name })).sort((a, b) => compare(a.label, b.label));
  }, [catalogue, i18n.resolvedLanguage]);
  const [name, setName] = useState('');
  const [manufacturer, setManufacturer] = useState('');
  const [ingredients, setIngredients] = useState<string[]>([]);
  const [lowStockMl, setLowStockMl] = useState<number | string>(10);
  const { submit, pending, error } = useSubmit(async () => {
    const threshold = typedNumber(lowStockMl);
    return call(
      api.POST('/api/products', {
        body: {
          name,
          manufacturer: manufacturer.trim() || null,
          ingredients,
          ...(threshold === undefined ? {} : { lowStockMl: threshold }),
        },
      }),
    );
  });
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);
  const ingredientProblem =
    problem('ingredients') ??
    (isApiError(error) ? error.problems.find((p) => p.field.startsWith('ingredients['))?.message : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await submit();
    if (created) onAdded(created);
  };

  return (
    <Paper withBorder p="md" mb="lg" component="form" onSubmit={onSubmit} aria-labelledby="add-product-heading">
      <Title order={2} size="h4" mb="sm" id="add-product-heading">
        {t('stock.addProduct')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('stock.name')}
          required
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={problem('name')}
        />
        <TextInput
          label={t('stock.manufacturer')}
          autoComplete="off"
          value={manufacturer}
          onChange={(e) => setManufacturer(e.currentTarget.value)}
          error={problem('manufacturer')}
        />
        <MultiSelect
          label={t('stock.ingredients')}
          description={t('stock.ingredientsHelp')}
          required
          searchable
          data={ingredientOptions}
          value={ingredients}
          onChange={setIngredients}
          error={ingredientProblem}
        />
        <NumberInput
          label={t('stock.lowStockMl')}
          description={t('stock.lowStockHelp')}
          min={0}
          decimalScale={3}
          value={lowStockMl}
          onChange={setLowStockMl}
          error={problem('lowStockMl')}
        />
      </SimpleGrid>
      <FormActions error={error} pending={pending} submitLabel={t('stock.saveProduct')} onCancel={onCancel} mt="md" />
    </Paper>
  );
}
