import { Inject, Injectable } from '@nestjs/common';
import type { NoteVersion, NoteVersionKind } from '@outcomes/contracts';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException } from '../common/errors/api.exception';
import { Db } from '../tenancy/db.service';
import { insertNoteVersion, noteChangeCounts, noteVersions } from './notes.queries';
import type { NoteVersionRow } from './notes.queries';

/** Which note: the record it belongs to and its field. The text's encryption context is the record's own. */
export interface NoteRef {
  recordKind: 'session';
  recordId: string;
  citizenId: string;
  field: 'note';
  /** The encryption context of the record's column (the version holds the same ciphertext). */
  cryptoField: string;
}

/** How the caller wants a changed note recorded. */
export interface NoteChange {
  correctionReason?: string | null;
  typoFix?: boolean;
}

const normalised = (text: string | null | undefined): string | null => (text === undefined || text === null || text.trim() === '' ? null : text);

/**
 * The rule for changing a free-text note (offentlighedsloven § 13; journal practice; docs/domain.md,
 * "Notes that are never lost"): a change adds a version and the earlier text stays. A correction names
 * its reason; only the author of the current text may fix a typo, within NOTE_TYPO_WINDOW_MINUTES of
 * writing it, and that fix is kept as a version too, marked as a typo fix.
 *
 * The first text is versioned by the database itself (a trigger on insert), so this service appends
 * only changes, and the database refuses a changed note that has no version (migration NotesNeverLostTenancy).
 */
@Injectable()
export class NoteVersions {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks a change of the note from `before` to `after` and appends its version; answers the
   * ciphertext the record must store (the same value as the version's). Unchanged: the stored value.
   */
  async change(ref: NoteRef, storedBefore: string | null, afterText: string | null | undefined, how: NoteChange): Promise<string | null> {
    const before = this.crypto.decryptNullable(ref.cryptoField, storedBefore);
    const after = normalised(afterText);
    if (normalised(before) === after) return storedBefore;
    const versions = await this.rows(ref);
    const reason = normalised(how.correctionReason)?.trim() ?? null;
    let kind: NoteVersionKind;
    if (versions.length === 0 && before === null) {
      kind = 'original'; // a note written later on a session that had none: nothing is lost
    } else if (how.typoFix === true) {
      const current = versions[versions.length - 1];
      const author = current?.written_by;
      if (author !== this.db.user().id) {
        throw new ApiException(403, 'FORBIDDEN', 'Only the note\'s author may fix a typo directly; correct the note with a reason (correctionReason)', {
          typoFix: 'only the author of the note may fix a typo; others correct it with a correctionReason',
        });
      }
      const window = this.config.noteTypoWindowMinutes;
      if (!current || Date.now() - current.written_at.getTime() > window * 60_000) {
        throw new ApiException(409, 'TYPO_WINDOW_CLOSED', `A typo may be fixed within ${window} minutes of writing; correct the note with a reason (correctionReason)`, {
          typoFix: `a typo may be fixed within ${window} minutes of writing the note; after that, correct it with a correctionReason`,
        });
      }
      kind = 'typo';
    } else {
      if (!reason) throw ApiException.validation({ correctionReason: 'a note is corrected by adding a version: say why (correctionReason is required)' });
      kind = 'correction';
    }
    const stored = this.crypto.encryptNullable(ref.cryptoField, after);
    await insertNoteVersion(this.db.manager(), {
      municipalityId: this.db.municipalityId(),
      recordKind: ref.recordKind,
      recordId: ref.recordId,
      citizenId: ref.citizenId,
      field: ref.field,
      textEncrypted: stored,
      kind,
      reason,
      writtenBy: this.db.user().id,
    });
    return stored;
  }

  /** Every version of the note, oldest first, with who wrote it. */
  async history(ref: NoteRef): Promise<NoteVersion[]> {
    return (await this.rows(ref)).map((r) => ({
      id: r.id,
      field: ref.field,
      text: this.crypto.decryptNullable(ref.cryptoField, r.text_encrypted),
      kind: r.kind as NoteVersionKind,
      reason: r.reason,
      writtenAt: r.written_at.toISOString(),
      writtenByUserId: r.written_by,
      writtenByName: r.display_name,
    }));
  }

  /** How many changes (versions after the first) each record's note has had. */
  async changeCounts(recordKind: NoteRef['recordKind'], recordIds: string[]): Promise<Map<string, number>> {
    return noteChangeCounts(this.db.manager(), recordKind, recordIds);
  }

  private async rows(ref: NoteRef): Promise<NoteVersionRow[]> {
    return noteVersions(this.db.manager(), ref.recordKind, ref.recordId, ref.field);
  }
}
