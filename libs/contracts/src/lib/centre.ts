import type { TreatmentKind } from './treatment-provider';
import type { RecordMeta } from './resources';

/** A treatment centre (behandlingscenter); belongs to one municipality. */
export interface Centre extends RecordMeta {
  municipalityId: string;
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  active: boolean;
  /** The kind of treatment the centre gives; null while not recorded (then no referral is checked against it). */
  kind: TreatmentKind | null;
}

export type CentreInput = Pick<Centre, 'municipalityId' | 'name' | 'address' | 'phone' | 'email' | 'active'> & { kind?: TreatmentKind | null };
