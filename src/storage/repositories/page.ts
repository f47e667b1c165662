/** Pages of lists: every list is bounded so no request can read a whole table at once. */
export interface Page {
  limit: number;
  offset: number;
}
