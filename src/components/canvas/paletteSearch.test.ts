import { describe, expect, it } from 'vitest';
import { catalog } from '../../catalog/index.ts';
import { paletteGroups } from './Palette.tsx';
import { cardMatch, cardQuery } from '../../model/cardSearch.ts';

const first = (query: string): string | undefined =>
  paletteGroups(catalog, query)[0]?.cards[0]?.title;

describe('card search', () => {
  it('puts the card whose title is the query first, so Enter inserts it', () => {
    expect(first('for each')).toBe('For Each');
    expect(first('For  Each ')).toBe('For Each');
    expect(first('get')).toBe('Get');
    expect(first('get multiple')).toBe('Get Multiple');
    expect(first('compose')).toBe('Compose');
    expect(first('read user')).toBe('Read User');
  });

  it('ranks title matches above matches found only in the app or description', () => {
    const card = catalog.cards.find((c) => c.title === 'Read User' && c.appLabel === 'Okta')!;
    expect(cardMatch(card, cardQuery('read user'))).toBe(0);
    expect(cardMatch(card, cardQuery('read'))).toBe(1);
    expect(cardMatch(card, cardQuery('user read'))).toBe(2);
    expect(cardMatch(card, cardQuery('okta user'))).toBe(3);
    expect(cardMatch(card, cardQuery('slack'))).toBeNull();
  });

  it('lists every insertable card once without a query, Okta first', () => {
    const groups = paletteGroups(catalog, '');
    expect(groups[0]?.name).toBe('Okta');
    const listed = groups.flatMap((g) => g.cards).length;
    expect(listed).toBe(catalog.cards.filter((c) => !c.hidden && !c.isEvent).length);
  });
});
