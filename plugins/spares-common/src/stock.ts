/**
 * Stock as a pure fold over movements (issue #20). The backend keeps the same
 * numbers as a projection updated in the movement's own transaction; these
 * functions are the rule it follows and what the property tests check.
 */

export const MOVEMENT_KINDS = ['receipt', 'issue', 'return', 'count'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** What a movement asks of one part type at one location. */
export type MovementRequestOf =
  | { readonly kind: 'receipt' | 'issue' | 'return'; readonly quantity: number }
  | { readonly kind: 'count'; readonly counted: number };

/** A recorded movement: its effect on the stock, signed. */
export interface MovementEffect {
  readonly partTypeId: string;
  readonly locationId: string;
  readonly kind: MovementKind;
  /** Receipts and returns add, issues take away, a count adds its difference. */
  readonly delta: number;
}

/** Stock per `partTypeId` then `locationId`; absent means none. */
export type StockLevels = ReadonlyMap<string, ReadonlyMap<string, number>>;

export function stockAt(
  stock: StockLevels,
  partTypeId: string,
  locationId: string,
): number {
  return stock.get(partTypeId)?.get(locationId) ?? 0;
}

/** Whether a quantity is a whole number of parts, at least `min`. */
export function isWholeCount(value: number, min: number): boolean {
  return Number.isSafeInteger(value) && value >= min;
}

/**
 * The signed change a movement makes to `onHand`, or why it is refused:
 * parts are counted whole, an issue never takes more than is there, a count
 * states what is on the shelf (its difference is recorded).
 */
export function deltaOf(
  onHand: number,
  request: MovementRequestOf,
): { delta: number } | { refused: string } {
  if (request.kind === 'count') {
    if (!isWholeCount(request.counted, 0)) {
      return { refused: 'counted: must be a whole number of parts, 0 or more' };
    }
    return { delta: request.counted - onHand };
  }
  if (!isWholeCount(request.quantity, 1)) {
    return { refused: 'quantity: must be a whole number of parts, 1 or more' };
  }
  if (request.kind === 'issue') {
    if (request.quantity > onHand) {
      return {
        refused: `quantity: only ${onHand} in stock at this location`,
      };
    }
    return { delta: -request.quantity };
  }
  return { delta: request.quantity };
}

function withLevel(
  stock: StockLevels,
  partTypeId: string,
  locationId: string,
  level: number,
): StockLevels {
  const next = new Map(stock);
  const locations = new Map(stock.get(partTypeId) ?? []);
  locations.set(locationId, level);
  next.set(partTypeId, locations);
  return next;
}

/** The stock after one recorded movement. */
export function applyMovement(
  stock: StockLevels,
  movement: MovementEffect,
): StockLevels {
  const level =
    stockAt(stock, movement.partTypeId, movement.locationId) + movement.delta;
  return withLevel(stock, movement.partTypeId, movement.locationId, level);
}

/** The stock that a log of recorded movements leaves: the one definition of stock. */
export function foldStock(movements: Iterable<MovementEffect>): StockLevels {
  let stock: StockLevels = new Map();
  for (const movement of movements) {
    stock = applyMovement(stock, movement);
  }
  return stock;
}

/** A part type's stock over all locations. */
export function totalOf(stock: StockLevels, partTypeId: string): number {
  let total = 0;
  for (const level of stock.get(partTypeId)?.values() ?? []) total += level;
  return total;
}

/**
 * Whether a part type has fallen below its minimum with this movement (so the
 * ops manager is told once, not on every later issue).
 */
export function fellBelowMinimum(
  before: number,
  after: number,
  minimum: number,
): boolean {
  return before >= minimum && after < minimum;
}
