import { describe, expect, it } from 'vitest';
import { isUserFacingError } from '../../src/errors.js';
import { findInSystem, foldText, matchByText, pickByReference, requireByReference } from '../../src/features/lookup.js';
import { PluralKitAPIError, PluralKitErrorCode } from '../../src/pluralkit/index.js';
import { makeGroup, makeMember } from '../render/fixtures.js';

const emile = makeMember('abcdef', 'Émile', { display_name: 'Em 🌿' });
const ash = makeMember('ghijk', 'ash', { display_name: 'Ash Fire' });
const twinA = makeMember('lmnop', 'Theo');
const twinB = makeMember('qrstu', 'THEO');
const idLike = makeMember('vwxyz', 'abcdef');
const members = [emile, ash, twinA, twinB, idLike];

function thrown(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isUserFacingError(error)) return error.message;
    throw error;
  }
  throw new Error('did not throw');
}

describe('foldText', () => {
  it('ignores case, accents, compatibility forms and extra spaces', () => {
    expect(foldText('  ÉMILE ')).toBe('emile');
    expect(foldText('Zoë\u00a0 Ｘ')).toBe('zoe x');
    expect(foldText('e\u0301mile')).toBe(foldText('émile'));
  });
});

describe('pickByReference', () => {
  it('finds a short id in any case, with or without the dash PluralKit shows, and a UUID', () => {
    expect(pickByReference(members, 'ABC-DEF')).toEqual({ kind: 'found', item: emile });
    expect(pickByReference(members, ' abcdef ')).toEqual({ kind: 'found', item: emile });
    expect(pickByReference(members, emile.uuid.toUpperCase())).toEqual({ kind: 'found', item: emile });
  });

  it('prefers an id over a name that looks like one, then a name over a display name', () => {
    expect(pickByReference(members, 'abcdef')).toMatchObject({ item: emile });
    const named = makeMember('zzzzz', 'Ash Fire');
    expect(pickByReference([ash, named], 'ash fire')).toMatchObject({ kind: 'found', item: named });
    expect(pickByReference([ash, named], 'ASH')).toMatchObject({ kind: 'found', item: ash });
  });

  it('matches names without case or accents, and display names too', () => {
    expect(pickByReference(members, 'emile')).toMatchObject({ item: emile });
    expect(pickByReference(members, 'em 🌿')).toMatchObject({ item: emile });
  });

  it('calls two equal names ambiguous instead of guessing', () => {
    expect(pickByReference(members, 'theo')).toEqual({ kind: 'ambiguous', items: [twinA, twinB] });
    expect(pickByReference(members, 'nobody')).toEqual({ kind: 'none' });
  });
});

describe('requireByReference', () => {
  it('quotes what was typed the same way for members and groups', () => {
    expect(thrown(() => requireByReference(members, 'No  body', 'member'))).toBe('No member “No body” found.');
    expect(thrown(() => requireByReference([makeGroup('aaaaa', 'x')], 'Nope', 'group'))).toBe('No group “Nope” found.');
    expect(thrown(() => requireByReference(members, 'theo', 'member'))).toBe(
      'Several members are called “theo” (`lmnop`, `qrstu`). Use the id of the one you mean.',
    );
  });
});

describe('findInSystem', () => {
  const at = { method: 'GET', route: '/members/zzzzz' } as const;
  const notFound = new PluralKitAPIError(404, PluralKitErrorCode.MemberNotFound, 'Member not found.', at);

  it('falls back to the id when the list does not have it, and says not found with the same quoting', async () => {
    const hidden = makeMember('hhhhh', 'Hidden');
    const byId = async (id: string) => (id === 'hhhhh' ? hidden : Promise.reject(notFound));
    const lookup = { kind: 'member', list: Promise.resolve(members), byId } as const;
    await expect(findInSystem(lookup, 'HHH-HH')).resolves.toBe(hidden);
    await expect(findInSystem(lookup, 'zzzzz')).rejects.toThrow('No member “zzzzz” found.');
  });

  it('asks for an id when the list is private and a name was typed', async () => {
    const lookup = { kind: 'group', list: Promise.resolve(undefined), byId: () => Promise.reject(notFound) } as const;
    await expect(findInSystem(lookup, 'Some Name')).rejects.toThrow(/keeps its group list private/);
  });
});

describe('matchByText', () => {
  it('matches name, display name or id without case or accents, prefix matches first, each in name order', () => {
    expect(matchByText(members, 'EMI').map((m) => m.id)).toEqual(['abcdef']);
    expect(matchByText(members, 'fire').map((m) => m.id)).toEqual(['ghijk']);
    expect(matchByText(members, 'ghi-jk').map((m) => m.id)).toEqual(['ghijk']);
    const rose = makeMember('aaaaa', 'Rose');
    const primrose = makeMember('bbbbb', 'Primrose');
    expect(matchByText([primrose, rose], 'ros').map((m) => m.id)).toEqual(['aaaaa', 'bbbbb']);
  });

  it('keeps a dash in names: "mary-j" finds Mary-Jane', () => {
    expect(matchByText([makeMember('ccccc', 'Mary-Jane')], 'mary-j')).toHaveLength(1);
  });

  it('lists everything by name when nothing is typed, up to the limit', () => {
    expect(matchByText(members, '  ', 2).map((m) => m.name)).toEqual(['abcdef', 'ash']);
  });
});
