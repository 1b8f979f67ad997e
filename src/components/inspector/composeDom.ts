/**
 * The Compose editor's DOM: text nodes and pill elements (one per field token). Read back as
 * Okta's template text, so the pills' random keys never show but are never lost either.
 */
import type { ComposeSegment } from '../../model/compose.ts';
import { fieldToken } from '../../model/compose.ts';

/** The attribute a pill carries its field key in. */
export const PILL_KEY = 'data-field-key';
/** The attribute of a pill's remove button (its field key). */
export const REMOVE_KEY = 'data-remove-field';

// A caret cannot rest after a pill at the end of a line without a character there; these
// zero-width anchors are the editor's own and never part of the text.
const ANCHOR = '\u200b';

const isPill = (n: Node): n is HTMLElement =>
  n.nodeType === Node.ELEMENT_NODE && (n as HTMLElement).hasAttribute(PILL_KEY);

/** The length a node takes in the template text. */
function templateText(n: Node): string {
  if (n.nodeType === Node.TEXT_NODE) return (n.nodeValue ?? '').split(ANCHOR).join('');
  if (isPill(n)) return fieldToken(n.getAttribute(PILL_KEY) ?? '');
  if (n.nodeType === Node.ELEMENT_NODE && (n as HTMLElement).tagName === 'BR') return '\n';
  let out = '';
  for (const c of Array.from(n.childNodes)) {
    const block = c.nodeType === Node.ELEMENT_NODE && (c as HTMLElement).tagName === 'DIV';
    // A line the browser wrapped in its own block starts on a new line.
    if (block && out !== '' && !out.endsWith('\n')) out += '\n';
    out += templateText(c);
  }
  return out;
}

/** The template text the editor holds: its text, each pill written as its field's token. */
export const domTemplate = (root: Node): string => templateText(root);

/** Where the caret is, as an offset into the template text; null when it is not inside. */
export function caretOffset(root: HTMLElement): number | null {
  const sel = root.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0);
  if (!root.contains(r.startContainer)) return null;
  return offsetAt(root, r.startContainer, r.startOffset);
}

/** The template offset of a DOM position inside `root`. */
export function offsetAt(root: HTMLElement, node: Node, offset: number): number {
  const before = root.ownerDocument.createRange();
  before.selectNodeContents(root);
  before.setEnd(node, offset);
  return domTemplate(before.cloneContents()).length;
}

/** Puts the caret at a template offset (after a pill when it falls inside one). */
export function placeCaret(root: HTMLElement, offset: number): void {
  const doc = root.ownerDocument;
  const range = doc.createRange();
  let left = offset;
  let placed = false;
  for (const c of Array.from(root.childNodes)) {
    const len = templateText(c).length;
    if (c.nodeType === Node.TEXT_NODE) {
      if (left <= len) {
        // Skip over anchors: they have no length in the template.
        const raw = c.nodeValue ?? '';
        let i = 0;
        for (let seen = 0; i < raw.length && seen < left; i++) if (raw[i] !== ANCHOR) seen++;
        range.setStart(c, i);
        placed = true;
        break;
      }
    } else if (left === 0) {
      range.setStartBefore(c);
      placed = true;
      break;
    } else if (left < len) {
      range.setStartAfter(c);
      placed = true;
      break;
    }
    left -= len;
  }
  if (!placed) {
    range.selectNodeContents(root);
    range.collapse(false);
  } else range.collapse(true);
  const sel = doc.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

/** Fills the editor with the text and pills (each named by `nameOf`). */
export function renderSegments(
  root: HTMLElement,
  segments: readonly ComposeSegment[],
  nameOf: (s: Extract<ComposeSegment, { kind: 'field' }>) => string,
): void {
  const doc = root.ownerDocument;
  const nodes: Node[] = [];
  segments.forEach((s, i) => {
    if (s.kind === 'text') {
      nodes.push(doc.createTextNode(s.text));
      return;
    }
    const name = nameOf(s);
    const pill = doc.createElement('span');
    pill.className = s.input === null ? 'compose-pill is-missing' : 'compose-pill';
    pill.contentEditable = 'false';
    pill.setAttribute(PILL_KEY, s.key);
    const label = doc.createElement('span');
    label.className = 'compose-pill-name';
    label.textContent = name;
    const remove = doc.createElement('button');
    remove.type = 'button';
    remove.tabIndex = -1;
    remove.className = 'compose-pill-remove';
    remove.setAttribute(REMOVE_KEY, s.key);
    remove.setAttribute('aria-label', `Field ${name}, remove`);
    remove.title = `Remove ${name}`;
    pill.append(label, remove);
    nodes.push(pill);
    const next = segments[i + 1];
    if (next === undefined || next.kind === 'field') nodes.push(doc.createTextNode(ANCHOR));
  });
  root.replaceChildren(...nodes);
}
