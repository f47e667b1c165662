/**
 * Request logging without patient data: search query strings carry names, birth dates and phone
 * numbers, so only the path is logged.
 */
export function pathOnly(url: string): string {
  const i = url.indexOf('?');
  return i === -1 ? url : `${url.slice(0, i)}?…`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
}

export const logSerializers = {
  req(request: LoggedRequest) {
    return { method: request.method, url: pathOnly(request.url ?? ''), remoteAddress: request.ip };
  },
};
