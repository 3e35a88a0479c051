import { describe, expect, it } from 'vitest';
import { elementOfColumn, findElement } from './elements.ts';

describe('elements', () => {
  it('names the element of a canonical concentration column', () => {
    expect(elementOfColumn('cd_mg_kg')).toBe('Cd');
    expect(elementOfColumn('crvi_mg_kg')).toBe('CrVI');
    expect(elementOfColumn('v_mg_kg')).toBe('V');
    expect(elementOfColumn('cd_dl_mg_kg')).toBeNull();
    expect(elementOfColumn('ph')).toBeNull();
    expect(elementOfColumn('xx_mg_kg')).toBeNull();
  });

  it('finds elements by symbol, Chinese name and Cr(VI) spelling', () => {
    expect(findElement('镉')?.symbol).toBe('Cd');
    expect(findElement('pb')?.symbol).toBe('Pb');
    expect(findElement('Cr(VI)')?.symbol).toBe('CrVI');
    expect(findElement('Cr')?.symbol).toBe('Cr');
  });
});
