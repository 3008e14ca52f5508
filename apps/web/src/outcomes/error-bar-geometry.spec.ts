import { barCentre, capHalfWidth, whiskerPath } from './error-bar-geometry';

describe('an error bar’s place', () => {
  it('is the middle of the bar’s slot in its band, slots a tenth of a bar apart', () => {
    // A 210 px band, two groups: bars of 100 px with 10 px between them.
    expect(barCentre(40, 210, 0, 2, 0.1)).toEqual({ centre: 90, barWidth: 100 });
    expect(barCentre(40, 210, 1, 2, 0.1)).toEqual({ centre: 200, barWidth: 100 });
  });

  it('is the middle of the band for a single group', () => {
    expect(barCentre(10, 80, 0, 1, 0.1)).toEqual({ centre: 50, barWidth: 80 });
  });

  it('has caps of at most 12 px, narrower on narrow bars', () => {
    expect(capHalfWidth(100)).toBe(6);
    expect(capHalfWidth(16)).toBe(4);
  });
});

describe('an error bar’s path', () => {
  it('runs along the value axis with a cap across each end', () => {
    expect(whiskerPath(50, 200, 100, 6, true)).toBe('M 44 200 H 56 M 50 200 V 100 M 44 100 H 56');
    expect(whiskerPath(50, 100, 200, 6, false)).toBe('M 100 44 V 56 M 100 50 H 200 M 200 44 V 56');
  });
});
