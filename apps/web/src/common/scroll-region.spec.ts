import { overflowsSideways } from './scroll-region';

describe('overflowsSideways', () => {
  it('is true when the content is wider than the box', () => {
    expect(overflowsSideways({ scrollWidth: 829, clientWidth: 280 })).toBe(true);
    expect(overflowsSideways({ scrollWidth: 282, clientWidth: 280 })).toBe(true);
  });

  it('is false when it fits, or is a pixel wider from rounding', () => {
    expect(overflowsSideways({ scrollWidth: 280, clientWidth: 280 })).toBe(false);
    expect(overflowsSideways({ scrollWidth: 281, clientWidth: 280 })).toBe(false);
    expect(overflowsSideways({ scrollWidth: 0, clientWidth: 0 })).toBe(false);
  });
});
