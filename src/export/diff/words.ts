/**
 * Changes in words, one line each, e.g. "Card 'Deactivate User' added after 'Add User to
 * Group' in flow 'Risk Policy - High'". Plain text: Markdown callers escape the lines.
 */
import type { Change, PackDiff, Place } from './types.ts';

// One line: a name with line breaks must not fake further lines of the report.
const q = (s: string): string => `'${s.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')}'`;
const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

function where(p: Place): string {
  if (p.after !== null) return `after ${q(p.after)}`;
  if (p.lane !== null) return `at the start of the ${p.lane}`;
  return 'at the start';
}

const SETTING_NAMES = {
  description: 'Description',
  saveAllData: 'Save all data',
  securityLevel: 'Security level',
  schedule: 'Schedule',
  folder: 'Folder',
} as const;

/** One change as a sentence. */
export function changeLine(c: Change): string {
  const inFlow = `in flow ${q(c.flow.name)}`;
  const thing = (card: { note: boolean }) => (card.note ? 'Note' : 'Card');
  switch (c.kind) {
    case 'flowAdded':
      return `Flow ${q(c.flow.name)} added (${c.flowKind}, ${plural(c.cards, 'card')})`;
    case 'flowRemoved':
      return `Flow ${q(c.flow.name)} removed (${c.flowKind}, ${plural(c.cards, 'card')})`;
    case 'flowRenamed':
      return `Flow ${q(c.from)} renamed to ${q(c.to)}`;
    case 'flowSetting':
      if (c.setting === 'saveAllData') return `Save all data turned ${c.to} ${inFlow}`;
      if (c.setting === 'folder')
        return `Flow ${q(c.flow.name)} moved from folder ${q(c.from)} to ${q(c.to)}`;
      return `${SETTING_NAMES[c.setting]} changed from ${q(c.from)} to ${q(c.to)} ${inFlow}`;
    case 'cardAdded':
      return `${thing(c.card)} ${q(c.card.title)} added ${where(c.place)}${c.inner ? ` (with ${plural(c.inner, 'card')} inside)` : ''} ${inFlow}`;
    case 'cardRemoved':
      return `${thing(c.card)} ${q(c.card.title)} removed (it was ${where(c.place)}${c.inner ? `, with ${plural(c.inner, 'card')} inside` : ''}) ${inFlow}`;
    case 'cardMoved':
      return `${thing(c.card)} ${q(c.card.title)} moved ${c.to.after === null && c.to.lane !== null ? `to the start of the ${c.to.lane}` : where(c.to)} ${inFlow}`;
    case 'cardRenamed':
      return `${thing(c.card)} ${q(c.from)} renamed to ${q(c.to)} ${inFlow}`;
    case 'cardSetting':
      switch (c.setting) {
        case 'version':
          return `Card ${q(c.card.title)} updated from version ${c.from} to ${c.to} ${inFlow}`;
        case 'note':
          return `Note ${q(c.card.title)} text changed ${inFlow}`;
        case 'connection':
          return `Connection of ${q(c.card.title)} changed from ${q(c.from)} to ${q(c.to)} ${inFlow}`;
        case 'errorHandling':
          return `Error handling of ${q(c.card.title)} changed from ${q(c.from)} to ${q(c.to)} ${inFlow}`;
        case 'helperFlow':
          return `Card ${q(c.card.title)} now calls ${q(c.to)} instead of ${q(c.from)} ${inFlow}`;
      }
      break;
    case 'inputChanged': {
      const input = `Input ${q(c.input)} of ${q(c.card.title)}`;
      if (c.from === null) return `${input} set to ${q(c.to ?? '')} ${inFlow}`;
      if (c.to === null) return `${input} cleared (was ${q(c.from)}) ${inFlow}`;
      return `${input} changed from ${q(c.from)} to ${q(c.to)} ${inFlow}`;
    }
    case 'mappingAdded':
    case 'mappingRemoved': {
      const m = c.mapping;
      const verb = c.kind === 'mappingAdded' ? 'added' : 'removed';
      return `Mapping ${q(m.fromCard)} · ${m.output} → ${q(m.toCard)} · ${m.input} ${verb} ${inFlow}`;
    }
  }
  return '';
}

/** Every change of a diff as a sentence; "No changes" when there are none. */
export function diffLines(diff: PackDiff): string[] {
  if (diff.identical) return ['No changes'];
  return diff.flows.flatMap((f) => f.changes.map(changeLine));
}
