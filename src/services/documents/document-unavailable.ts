/** The records exist but the document cannot honestly be made from them (the route answers 409, the CLI exits 1). */
export class DocumentUnavailableError extends Error {
  override name = 'DocumentUnavailableError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
