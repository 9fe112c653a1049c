// Chinese numerals for 届 and 次 ("第二届", "第十六次", "第一百零一次"), and the session title.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** 1..9999 in Chinese numerals as used in official titles: 10 → 十, 16 → 十六, 101 → 一百零一, 110 → 一百一十. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`chineseNumeral: ${n} out of range`);
  if (n === 0) return DIGITS[0]!;
  const digits = String(n).split('').map(Number);
  let out = '';
  let zeroPending = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i]!;
    if (d === 0) {
      zeroPending = out.length > 0;
      return;
    }
    if (zeroPending) out += DIGITS[0];
    zeroPending = false;
    out += DIGITS[d]! + unit;
  });
  // 一十六 → 十六 only when the number starts with 十 (10..19)
  if (n >= 10 && n < 20) out = out.slice(1);
  return out;
}

/** "示例区人民代表大会常务委员会" */
export function committeeName(region: string): string {
  return `${region}人民代表大会常务委员会`;
}

/** "示例区第二届人民代表大会常务委员会第十六次会议" */
export function sessionTitle(region: string, term: number, sessionNumber: number): string {
  return `${region}第${chineseNumeral(term)}届人民代表大会常务委员会第${chineseNumeral(sessionNumber)}次会议`;
}

/** Dates in documents: Arabic numerals, no zero padding: 2026-09-22 → "2026年9月22日". */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) throw new RangeError(`chineseDate: not an ISO date: ${isoDate}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}
