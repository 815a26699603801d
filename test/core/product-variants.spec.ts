import { expect, test } from '@playwright/test';
import { baseName, variantGroups } from '../../src/core/plan/product-variants';

test('colour and size words are not part of a product’s base name', () => {
  expect(baseName('CHILDRENS CUTLERY POLKADOT BLUE')).toBe('childrens cutlery polkadot');
  expect(baseName('Linen Shirt - Sand / XL')).toBe('linen shirt');
  expect(baseName('BLACK CHRISTMAS TREE 120CM')).toBe('christmas tree');
  expect(baseName('RED')).toBeNull();
  expect(baseName(null)).toBeNull();
});

test('variants group by base name and by codes that differ only in case; other products stay apart', () => {
  const groups = variantGroups([
    { id: '84997B', name: 'CHILDRENS CUTLERY POLKADOT BLUE' },
    { id: '84997D', name: 'CHILDRENS CUTLERY POLKADOT PINK' },
    { id: '84997C', name: 'CHILDRENS CUTLERY RETROSPOT RED ' },
    { id: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER' },
    { id: '85123a', name: 'CREAM HANGING HEART T-LIGHT HOLDER' },
    { id: 'POST', name: null },
  ]);
  expect(groups.groupOf('84997B')).toBe(groups.groupOf('84997D'));
  expect(groups.groupOf('84997C')).not.toBe(groups.groupOf('84997B'));
  expect(groups.groupOf('85123a')).toBe(groups.groupOf('85123A'));
  expect(groups.members(groups.groupOf('84997D'))).toEqual(['84997B', '84997D']);
  expect(groups.groupOf('POST')).toBe('POST');
  expect(groups.groupOf('not-in-the-list')).toBe('not-in-the-list');
});
