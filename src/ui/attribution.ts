import type { AttributionKind } from '../data/schema';

export const attributionLabels: Record<AttributionKind, string> = {
  'on-record': 'On the record',
  anonymous: 'Anonymous sources',
  'other-outlet': 'Reported by another outlet',
  publication: 'Stated by the publication',
};
