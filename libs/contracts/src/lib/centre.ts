import type { RecordMeta } from './resources';

/** A treatment centre (behandlingscenter); belongs to one municipality. */
export interface Centre extends RecordMeta {
  municipalityId: string;
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  active: boolean;
}

export type CentreInput = Pick<Centre, 'municipalityId' | 'name' | 'address' | 'phone' | 'email' | 'active'>;
