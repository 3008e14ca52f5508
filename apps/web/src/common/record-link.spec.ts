import { recordLinkType } from './record-link';

describe('recordLinkType', () => {
  it('follows the row: the page its rowClick names', () => {
    expect(recordLinkType('show')).toBe('show');
    expect(recordLinkType('edit')).toBe('edit');
  });

  it("leaves an unset rowClick to react-admin's inference (show, else edit, as the user may)", () => {
    expect(recordLinkType(undefined)).toBeUndefined();
  });

  it('gives no link where the row opens nothing or decides in code', () => {
    expect(recordLinkType(false)).toBe(false);
    expect(recordLinkType(() => 'show')).toBe(false);
    expect(recordLinkType('expand')).toBe(false);
    expect(recordLinkType('toggleSelection')).toBe(false);
  });

  it('takes an explicit link over the row', () => {
    expect(recordLinkType('show', 'edit')).toBe('edit');
    expect(recordLinkType(undefined, false)).toBe(false);
    expect(recordLinkType(false, 'show')).toBe('show');
  });
});
