import { ENTRY_ID, removeNodes, renameNode, withLayout, type Definition } from '../../console/src/pages/journeys/definition';
import { layoutOf } from '../../console/src/pages/journeys/layout';

/**
 * The console canvas's layout helpers (pure functions): where cards go on load with and without a
 * stored layout, how a move becomes the draft's `layout`, and that deleting or renaming a node
 * keeps the layout to ids Herald accepts.
 */
const def = (layout?: Definition['layout']): Definition => ({
  entry: { type: 'event', event: 'Signed Up' },
  start: 'a',
  nodes: [
    { id: 'a', type: 'delay', duration: '1d', next: 'b' },
    { id: 'b', type: 'update_customer', addTags: ['x'], next: 'c' },
    { id: 'c', type: 'exit' },
  ],
  ...(layout ? { layout } : {}),
});

describe('journey canvas layout', () => {
  it('lays every card out in columns from the entry when nothing is stored', () => {
    expect(Object.fromEntries(layoutOf(def()))).toEqual({
      [ENTRY_ID]: { x: 0, y: 0 },
      a: { x: 300, y: 0 },
      b: { x: 600, y: 0 },
      c: { x: 900, y: 0 },
    });
  });

  it('keeps stored places and puts each card without one beside a card that leads to it', () => {
    const placed = layoutOf(def({ $entry: { x: -50, y: 40 }, b: { x: 200, y: 500 } }));
    expect(Object.fromEntries(placed)).toEqual({
      [ENTRY_ID]: { x: -50, y: 40 },
      a: { x: 250, y: 40 },
      b: { x: 200, y: 500 },
      c: { x: 500, y: 500 },
    });
  });

  it('turns a move into the layout (entry as $entry, whole numbers, only nodes of the draft), and changes nothing when nothing moved', () => {
    const places = new Map([
      [ENTRY_ID, { x: 0.4, y: 10.6 }],
      ['a', { x: 300, y: 0 }],
      ['gone', { x: 1, y: 1 }],
    ]);
    const moved = withLayout(def(), places);
    expect(moved.layout).toEqual({ $entry: { x: 0, y: 11 }, a: { x: 300, y: 0 } });
    expect(withLayout(moved, places)).toBe(moved);
  });

  it('drops the places of deleted nodes and moves a renamed node’s place to its new id', () => {
    const laidOut = def({ $entry: { x: 0, y: 0 }, a: { x: 1, y: 2 }, b: { x: 3, y: 4 } });
    expect(removeNodes(laidOut, new Set(['a'])).layout).toEqual({ $entry: { x: 0, y: 0 }, b: { x: 3, y: 4 } });
    expect(removeNodes(def({ a: { x: 1, y: 2 } }), new Set(['a']))).not.toHaveProperty('layout');
    const renamed = renameNode(laidOut, 'a', 'first');
    expect(renamed.layout).toEqual({ $entry: { x: 0, y: 0 }, first: { x: 1, y: 2 }, b: { x: 3, y: 4 } });
    expect(renamed.start).toBe('first');
    expect(renameNode(def(), 'a', 'first')).not.toHaveProperty('layout');
  });
});
