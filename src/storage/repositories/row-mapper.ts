/** `first_name` → `firstName`. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** One entry of a field list: `column` (read into the field named by its camelCase) or `column as field`. */
type Entry<E extends string> = E extends `${infer C} as ${infer F}`
  ? { column: C; field: F }
  : { column: E; field: CamelCase<E> };
type Entries<S extends string> = S extends `${infer E}, ${infer Rest}` ? Entry<E> | Entries<Rest> : Entry<S>;
/** A long field list may be written as several strings, one after the other. */
type FieldList = string | readonly string[];
type Joined<L extends FieldList> = L extends string
  ? L
  : L extends readonly [infer Head extends string, ...infer Tail extends readonly string[]]
    ? Tail extends readonly []
      ? Head
      : `${Head}, ${Joined<Tail>}`
    : string;
type Field<S extends string> = Entries<S>['field'];
type ValueOf<Row, S extends string, F> = Row[Extract<Entries<S>, { field: F }>['column'] & keyof Row];

/** What is wrong with a field list: an unknown column, a record field left out, or one the record does not have. */
type Problems<Row, Rec, S extends string> =
  | `no column ${Exclude<Entries<S>['column'], keyof Row & string>}`
  | `no column for ${Exclude<keyof Rec & string, Field<S>>}`
  | `not a field of the record: ${Exclude<Field<S>, keyof Rec>}`;
type Checked<Row, Rec, S extends string> = [Problems<Row, Rec, S>] extends [never]
  ? unknown
  : { problem: Problems<Row, Rec, S> };

type RecordField<Rec, S extends string> = Field<S> & keyof Rec;
/** A converter turns a column's value (with its row at hand) into the record field's value. */
type Converter<Row, Rec, S extends string, F extends keyof Rec> = (value: ValueOf<Row, S, F>, row: Row) => Rec[F];
/** The fields whose column values are not already of the field's type: these must have a converter. */
type Unlike<Row, Rec, S extends string> = {
  [F in RecordField<Rec, S>]: ValueOf<Row, S, F> extends Rec[F] ? never : F;
}[RecordField<Rec, S>];
type Converters<Row, Rec, S extends string> = { [F in Unlike<Row, Rec, S>]: Converter<Row, Rec, S, F> } & {
  [F in Exclude<RecordField<Rec, S>, Unlike<Row, Rec, S>>]?: Converter<Row, Rec, S, F>;
};
type ConvertersArgument<Row, Rec, S extends string> = [Unlike<Row, Rec, S>] extends [never]
  ? [converters?: Converters<Row, Rec, S>]
  : [converters: Converters<Row, Rec, S>];

const camelCase = (column: string) => column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * A function that makes records of type `Rec` from rows of type `Row`, built once from a field list
 * such as `'id, clinic_id, low_stock_ul as lowStockMl'` (a column is read into the field named by its
 * camelCase unless it says `as`) and converters for the fields whose value is not the column's as it is.
 * The record has the fields of the list, in its order, and no other; the types check that the list
 * names every field of `Rec` and only those, and that every field that needs a converter has one.
 * (Called twice, `rowMapper<Row, Rec>()(fields)`, because the field list's type is inferred.)
 */
export function rowMapper<Row extends object, Rec extends object>() {
  return <const L extends FieldList>(
    fields: L & Checked<Row, Rec, Joined<L>>,
    ...[converters]: ConvertersArgument<Row, Rec, Joined<L>>
  ): ((row: Row) => Rec) => {
    const convert: Partial<Record<string, (value: unknown, row: Row) => unknown>> = converters ?? {};
    const entries = [fields]
      .flat()
      .flatMap((part) => part.split(', '))
      .map((entry) => {
        const [column = entry, field = camelCase(column)] = entry.split(' as ');
        return { column, field, converter: convert[field] };
      });
    return (row) => {
      const values = row as object as Record<string, unknown>;
      const record: Record<string, unknown> = {};
      for (const { column, field, converter } of entries) {
        record[field] = converter ? converter(values[column], row) : values[column];
      }
      return record as Rec;
    };
  };
}

/** A flag column (0 or 1) as a boolean. */
export const isSet = (flag: number): boolean => Number(flag) === 1;

/** A number column that may be empty; PostgreSQL gives some numbers back as strings. */
export const numberOrNull = (value: unknown): number | null => (value === null ? null : Number(value));
