import { ROLES } from '@outcomes/contracts';
import { visibleResources } from '../auth/auth-provider';
import { inMenuOrder, MENU_ORDER, ROLE_HOME } from './role-home';

describe('inMenuOrder', () => {
  it('puts the listed entries first, in the listed order, and keeps the rest in their order', () => {
    expect(inMenuOrder('admin', ['municipalities', 'centres', 'programmes', 'users', 'evaluator-grants', 'access-log'])).toEqual([
      'users',
      'access-log',
      'evaluator-grants',
      'centres',
      'programmes',
      'municipalities',
    ]);
    expect(inMenuOrder('evaluator', ['municipalities', 'centres', 'programmes', 'evaluator-grants', 'outcomes', 'export-projects'])).toEqual([
      'outcomes',
      'export-projects',
      'evaluator-grants',
      'municipalities',
      'centres',
      'programmes',
    ]);
  });

  it('neither adds nor drops an entry: the permissions table decides which ones a role sees', () => {
    for (const role of ROLES) {
      const visible = visibleResources(role);
      expect([...inMenuOrder(role, visible)].sort()).toEqual([...visible].sort());
    }
  });

  it('orders only what a role may see, and lands each role on a page it may list', () => {
    for (const role of ROLES) {
      const visible = visibleResources(role);
      for (const name of MENU_ORDER[role]) expect(visible).toContain(name);
      const home = ROLE_HOME[role];
      if (home !== null) expect(visible).toContain(home);
    }
  });
});
