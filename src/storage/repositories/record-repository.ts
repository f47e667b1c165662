/** What every repository of records with ids of their own does: create a record, and find one by its id. */
export interface RecordRepository<New, R> {
  create(input: New): Promise<R>;
  findById(id: string): Promise<R | undefined>;
}
