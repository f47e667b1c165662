/** A Bundle's resources with the ways FHIR lets entries refer to each other. */
export interface IndexedResource {
  resourceType: string;
  id?: string;
  fullUrl?: string;
  resource: Record<string, unknown>;
}

export class BundleIndex {
  private readonly byUrl = new Map<string, IndexedResource>();

  constructor(readonly resources: readonly IndexedResource[]) {
    for (const r of resources) {
      if (r.fullUrl) this.byUrl.set(r.fullUrl, r);
      if (r.id) this.byUrl.set(`${r.resourceType}/${r.id}`, r);
    }
  }

  /** Resolves "Type/id", an absolute URL ending in it, or a fullUrl such as urn:uuid:…. */
  resolve(reference: string | undefined): IndexedResource | undefined {
    if (!reference) return undefined;
    const direct = this.byUrl.get(reference);
    if (direct) return direct;
    const m = /([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(reference);
    return m ? this.byUrl.get(`${m[1]}/${m[2]}`) : undefined;
  }

  refersTo(reference: string | undefined, target: IndexedResource): boolean {
    return reference !== undefined && this.resolve(reference) === target;
  }
}

/** The date part of a FHIR date or dateTime, as written (its own offset's calendar day). */
export function datePart(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return m?.[1];
}
