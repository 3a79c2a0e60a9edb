import { defineCodes } from './define.js';

/** Broker / `strategy.*` misuse found while a strategy runs (collected as data, never thrown). */
export const brokerCodes = defineCodes({
  nonPositiveQty: { code: 'PP6001', severity: 'warning', title: 'order quantity is not positive' },
  unknownFromEntry: { code: 'PP6002', severity: 'warning', title: 'exit refers to an unknown entry id' },
  exitWithoutPrice: { code: 'PP6003', severity: 'error', title: 'strategy.exit without any price parameter' },
  badTrailParams: {
    code: 'PP6004',
    severity: 'warning',
    title: 'trailing stop needs trail_offset and a trigger',
  },
  badQtyPercent: { code: 'PP6005', severity: 'warning', title: 'qty_percent outside 0..100' },
  naPrice: { code: 'PP6006', severity: 'warning', title: 'order price is na' },
  orderRejectedMargin: { code: 'PP6007', severity: 'info', title: 'entry rejected: not enough margin' },
  badSetting: { code: 'PP6008', severity: 'warning', title: 'strategy() setting out of range' },
  unsupportedSetting: { code: 'PP6009', severity: 'info', title: 'strategy() setting not emulated' },
});
