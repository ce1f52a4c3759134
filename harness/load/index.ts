export type { LoadedSubmission, LoadOptions, ManifestDocument, ScriptFile, SubmissionFile } from './types.ts';
export { loadSubmission } from './load-submission.ts';
export { parseManifestText } from './parse-manifest.ts';
export type { ParsedManifest } from './parse-manifest.ts';
export { DEFAULT_LOAD_OPTIONS, resolveLoadOptions } from './options.ts';
export { loadMessages } from './messages.ts';
