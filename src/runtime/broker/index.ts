export { Broker } from './broker.js';
export type { FillObserver, Intrabars } from './broker.js';
export type { BrokerConfig, CloseEntriesRule, CommissionType } from './config.js';
export { commissionFor } from './config.js';
export { FillLeg, OcaType, Order, OrderPool, OrderRole } from './order.js';
export type { SymbolInfo } from './symbol.js';
export { ceilToTick, floorToStep, floorToTick, roundToTick } from './symbol.js';
export { Trade } from './trade.js';
