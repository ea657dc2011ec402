import { describe, expect, it } from 'vitest';
import { MAP_WIDTH, projectedState } from './state-shapes';

describe('projected state shapes', () => {
  it('projects every county of a state into the frame once, rounded to a tenth of a unit', () => {
    const nc = projectedState('NC')!;
    expect(nc.counties.size).toBe(100);
    expect(nc.width).toBe(MAP_WIDTH);
    expect(nc.height).toBeGreaterThan(150);
    expect(nc.height).toBeLessThan(350);
    const orange = nc.counties.get('37135')!;
    expect(orange.name).toBe('Orange County');
    expect(orange.d).toMatch(/^M[\d.,LZMlz-]+$/);
    expect(orange.d).not.toMatch(/\.\d{2}/);
    for (const [x, y] of [orange.centroid, nc.centroid]) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(nc.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(nc.height);
    }
    // Orange lies east of the state's centre; Dare (on the coast) east of Orange.
    expect(orange.centroid[0]).toBeGreaterThan(nc.centroid[0]);
    expect(nc.counties.get('37055')!.centroid[0]).toBeGreaterThan(orange.centroid[0]);
    expect(projectedState('NC')).toBe(nc);
  });

  it('draws Alaska across the antimeridian inside the frame, and knows no state "ZZ"', () => {
    const ak = projectedState('AK')!;
    for (const county of ak.counties.values()) {
      expect(county.centroid[0], county.name).toBeGreaterThanOrEqual(0);
      expect(county.centroid[0], county.name).toBeLessThanOrEqual(ak.width);
    }
    expect(projectedState('ZZ')).toBeNull();
  });
});
