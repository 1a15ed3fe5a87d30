export * as timestamp from './timestamp/storage'
export * as content from './content/storage'
