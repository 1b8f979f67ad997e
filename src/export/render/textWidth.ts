/**
 * Text measurement for the SVG renderer without a DOM: advance widths of DejaVu Sans (the
 * font resvg finds on Linux and the first choice in the SVG's font list), so truncation and
 * wrapping match the PNG exactly and browsers closely.
 */

// Advance widths of ASCII 32–126 in thousandths of an em, read from DejaVuSans.ttf and
// DejaVuSans-Bold.ttf.
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
  636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
  575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
  611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
  278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
  696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
  683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
  724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
  343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/** Width of one character in thousandths of an em. */
function advance(code: number, bold: boolean): number {
  if (code >= 32 && code < 127) return (bold ? BOLD : REGULAR)[code - 32] ?? 600;
  // East Asian wide characters and emoji take a full em; other scripts about 0.65 em.
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xff60) ||
    code >= 0x1f300
  )
    return 1000;
  if (code === 0x200b) return 0;
  return bold ? 700 : 650;
}

/** Width of `text` in pixels at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += advance(ch.codePointAt(0) ?? 0, bold);
  return (w * size) / 1000;
}

/** Cuts `text` to fit `max` pixels, ending with "…" when anything was cut. */
export function fitText(text: string, max: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= max) return text;
  const ell = textWidth('…', size, bold);
  let w = 0;
  let out = '';
  for (const ch of text) {
    const cw = (advance(ch.codePointAt(0) ?? 0, bold) * size) / 1000;
    if (w + cw + ell > max) break;
    w += cw;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** Wraps `text` into at most `lines` lines of `max` pixels; the last line ends in "…" if cut. */
export function wrapText(text: string, max: number, size: number, lines: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const out: string[] = [];
  let cur = '';
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = cur === '' ? word : `${cur} ${word}`;
    if (cur === '' || textWidth(next, size) <= max) {
      cur = next;
      continue;
    }
    out.push(cur);
    cur = word;
    if (out.length === lines) break;
  }
  const cut = out.length === lines && i < words.length;
  if (!cut && cur !== '') out.push(cur);
  const kept = out.map((l) => fitText(l, max, size));
  const last = kept[kept.length - 1];
  if (cut && last !== undefined && !last.endsWith('…'))
    kept[kept.length - 1] = fitText(`${last}…`, max, size);
  return kept;
}
