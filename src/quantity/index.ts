export type { Quantity } from './types.js';
export { quantity, makeQuantity, type AmountInput } from './quantity.js';
export { mass } from './mass.js';
export { energy } from './energy.js';
export { gasMass } from './gasMass.js';
export { parseQuantity, MAX_QUANTITY_TEXT_LENGTH } from './parseQuantity.js';
export { formatQuantity } from './formatQuantity.js';
export { convert } from './convert.js';
export { amountIn } from './amountIn.js';
