export * as v105 from './v105'
export * as events from './events'
export * as calls from './calls'
export * as storage from './storage'
