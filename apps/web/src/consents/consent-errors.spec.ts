import { consentErrorKey } from './consent-errors';

describe('consentErrorKey', () => {
  it('says each rule of the consent form in the user’s language', () => {
    expect(consentErrorKey({ code: 'CONSENT_STATE' })).toBe('app.consents.errors.state');
    expect(consentErrorKey({ code: 'VERSION_CONFLICT' })).toBe('app.consents.errors.stale');
    expect(consentErrorKey({ code: 'VALIDATION_FAILED', errors: { onDate: 'onDate must not be after today (2026-12-06)' } })).toBe('app.consents.errors.future');
    expect(consentErrorKey({ code: 'VALIDATION_FAILED', errors: { onDate: "onDate must not be before the latest entry's date (2026-12-01)" } })).toBe('app.consents.errors.before_latest');
    expect(consentErrorKey({ code: 'VALIDATION_FAILED', errors: { purpose: 'purpose parents is only for a citizen under 18 on onDate (2026-12-06)' } })).toBe('app.consents.errors.minors_only');
    expect(consentErrorKey({ code: 'INTERNAL' })).toBe('ra.notification.http_error');
  });
});
