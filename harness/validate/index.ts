// Placeholder entry point; the validate stage fills this in (validateDocuments, validateObject, field errors).
export type { FieldError, FieldErrorType, ValidResource, ValidationResult } from './types.ts';
