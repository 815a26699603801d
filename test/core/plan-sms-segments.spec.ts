import { expect, test } from '@playwright/test';
import { smsSegments } from '../../src/core/plan/sms-segments';

test('plain GSM-7 text fits 160 characters in one message and 153 per part after that', () => {
  expect(smsSegments('')).toMatchObject({ encoding: 'GSM-7', units: 0, segments: 0 });
  expect(smsSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', characters: 160, segments: 1, remaining: 0 });
  expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153, remaining: 145 });
  expect(smsSegments('a'.repeat(306)).segments).toBe(2);
  expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  expect(smsSegments('a'.repeat(459)).segments).toBe(3);
  expect(smsSegments('a'.repeat(460)).segments).toBe(4);
});

test('the basic GSM alphabet stays GSM-7, extension characters count twice', () => {
  expect(smsSegments('Hej Åsa! Ça coste 5 £, ¿si? ÄÖÜ ñ §')).toMatchObject({
    encoding: 'GSM-7',
    characters: 35,
    units: 35,
  });
  // í and û are not in the GSM alphabet.
  expect(smsSegments('¿sí?').encoding).toBe('UCS-2');
  expect(smsSegments('coûte').encoding).toBe('UCS-2');
  expect(smsSegments('20 € off {code}')).toMatchObject({ encoding: 'GSM-7', characters: 15, units: 18 });
  // 159 letters and a euro sign: 161 septets, so two parts.
  expect(smsSegments(`${'a'.repeat(159)}€`)).toMatchObject({ units: 161, segments: 2 });
  // An escaped character is not split across parts: 152 letters and a euro start a second part.
  expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(10)}`)).toMatchObject({
    units: 164,
    segments: 2,
    remaining: 153 - 12,
  });
});

test('any other character turns the whole text into UCS-2: 70 units in one message, 67 per part', () => {
  expect(smsSegments('Привет')).toMatchObject({ encoding: 'UCS-2', units: 6, segments: 1, remaining: 64 });
  expect(smsSegments(`${'a'.repeat(69)}ł`)).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
  expect(smsSegments(`${'a'.repeat(70)}ł`)).toMatchObject({ units: 71, segments: 2, perSegment: 67 });
  expect(smsSegments('ж'.repeat(134)).segments).toBe(2);
  expect(smsSegments('ж'.repeat(135)).segments).toBe(3);
  // An emoji is one character but two code units, and is kept whole.
  expect(smsSegments(`Hi 👋`)).toMatchObject({ encoding: 'UCS-2', characters: 4, units: 5 });
  expect(smsSegments(`${'a'.repeat(66)}👋${'a'.repeat(10)}`)).toMatchObject({
    units: 78,
    segments: 2,
    remaining: 67 - 12,
  });
});
