export * as content from './content/calls'
