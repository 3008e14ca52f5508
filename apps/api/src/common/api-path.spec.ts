import { isApiPath } from './api-path';

describe('isApiPath (which answers get Cache-Control: no-store)', () => {
  it.each([
    ['/api', true],
    ['/api/', true],
    ['/api/citizens/1', true],
    ['/API/citizens', true],
    ['/Api/auth/me', true],
    ['/', false],
    ['/index.html', false],
    ['/assets/index-abc123.js', false],
    ['/apix', false],
    ['/citizens/api/x', false],
  ])('%s → %s', (path, expected) => {
    expect(isApiPath(path)).toBe(expected);
  });
});
