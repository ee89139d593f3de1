import { countSmsSegments } from '../../domain/copy/smsSegments';

/** SMS segments counted exactly: GSM-7 with its extension table vs UCS-2, 160/153 and 70/67, no split pairs. */
describe('countSmsSegments', () => {
  const a = (n: number) => 'a'.repeat(n);

  it('GSM-7: 160 characters are one segment, 161 are two, 306 two and 307 three', () => {
    expect(countSmsSegments(a(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1, nonGsmCharacters: [] });
    expect(countSmsSegments(a(161))).toMatchObject({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(countSmsSegments(a(306))).toMatchObject({ segments: 2 });
    expect(countSmsSegments(a(307))).toMatchObject({ segments: 3 });
  });

  it('the extension table costs two septets: € makes 159 characters 160 units, and 160 characters two segments', () => {
    expect(countSmsSegments(`${a(158)}€`)).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSmsSegments(`${a(159)}€`)).toMatchObject({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(countSmsSegments('{}[]~|^\\')).toMatchObject({ encoding: 'GSM-7', units: 16, segments: 1 });
  });

  it('never splits an escape pair across segments', () => {
    // 152 + € (2) would be 154 in the first segment: the € opens the second, and the last a needs a third.
    expect(countSmsSegments(`${a(152)}€${a(152)}`)).toMatchObject({ units: 306, segments: 3 });
    expect(countSmsSegments(`${a(152)}€${a(151)}`)).toMatchObject({ units: 305, segments: 2 });
  });

  it('accented letters: é, ñ, ü and à are GSM-7, á and í switch the whole message to UCS-2', () => {
    expect(countSmsSegments('Qué año, Müller, à bientot?')).toMatchObject({ encoding: 'GSM-7' });
    expect(countSmsSegments('Mañana rápido')).toMatchObject({ encoding: 'UCS-2', units: 13, segments: 1, nonGsmCharacters: ['á'] });
    expect(countSmsSegments(`í${a(69)}`)).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSmsSegments(`í${a(70)}`)).toMatchObject({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(countSmsSegments(`í${a(133)}`)).toMatchObject({ units: 134, segments: 2 });
    expect(countSmsSegments(`í${a(134)}`)).toMatchObject({ units: 135, segments: 3 });
  });

  it('an emoji is two UCS-2 units and is never split: 35 fit one segment, 36 take two', () => {
    expect(countSmsSegments('😀'.repeat(35))).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1, nonGsmCharacters: ['😀'] });
    expect(countSmsSegments('😀'.repeat(36))).toMatchObject({ units: 72, segments: 2 });
    // 66 units, then the emoji would straddle the 67-unit boundary: it opens the second segment.
    expect(countSmsSegments(`á${a(65)}😀${a(65)}`)).toMatchObject({ units: 133, segments: 2 });
    expect(countSmsSegments(`á${a(65)}😀${a(66)}`)).toMatchObject({ units: 134, segments: 3 });
  });

  it('an empty text takes no segment', () => {
    expect(countSmsSegments('')).toMatchObject({ encoding: 'GSM-7', units: 0, segments: 0 });
  });
});
