// Reports of a suite run: JUnit XML, Markdown for pull requests, JSON, and progress.
export { jsonSummary } from './json-summary.js'
export { junitXml } from './junit.js'
export { markdownSummary } from './markdown.js'
export { type ProgressSink, progressReporter } from './progress.js'
