import { ApiError } from '../api/api-error';

/** The filters of the audit log, as the list and the export take them. */
export interface AuditQuery {
  entity?: string;
  action?: 'read' | 'create' | 'update' | 'delete';
  patientId?: string;
  userId?: string;
  from?: string;
  to?: string;
  refused?: 'true';
}

/**
 * Fetches the CSV of the entries `query` matches and hands it to the browser as a download. A
 * refusal (too many entries, say) comes back as an ApiError before anything is saved.
 */
export async function downloadAuditCsv(query: AuditQuery): Promise<void> {
  const params = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  let response: Response;
  try {
    response = await fetch(`/api/audit/export.csv?${params.toString()}`, { credentials: 'same-origin' });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw ApiError.fromBody(response.status, await response.json().catch(() => null));
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'audit-log.csv';
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // After the click has started the download.
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
