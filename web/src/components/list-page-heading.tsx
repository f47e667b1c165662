import { Button, Text } from '@mantine/core';
import { PageTitle } from './page-title';

/**
 * A list page's title and introduction, with the button that opens its form for a new entry
 * (hidden while the form is open, whose own buttons then close it).
 */
export function ListPageHeading({
  title,
  intro,
  addLabel,
  adding,
  onAdd,
}: {
  title: string;
  intro: string;
  addLabel: string;
  adding: boolean;
  onAdd: () => void;
}) {
  return (
    <>
      <PageTitle actions={!adding && <Button onClick={onAdd}>{addLabel}</Button>}>{title}</PageTitle>
      <Text size="sm" mb="md">
        {intro}
      </Text>
    </>
  );
}
