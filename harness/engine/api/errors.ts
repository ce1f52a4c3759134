import type { StatusError } from '../types.ts';
import { kindInfo, qualifiedResource } from '../kinds.ts';

/** Builds the NotFound Status: `pods "x" not found`. */
export function notFound(kind: string, name: string): StatusError {
  const info = kindInfo(kind);
  return {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message: `${qualifiedResource(kind)} "${name}" not found`,
    reason: 'NotFound',
    code: 404,
    details: { name, ...(info.group ? { group: info.group } : {}), kind: info.resource },
  };
}

/** Builds the AlreadyExists Status: `pods "nginx" already exists`. */
export function alreadyExists(kind: string, name: string): StatusError {
  const info = kindInfo(kind);
  return {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message: `${qualifiedResource(kind)} "${name}" already exists`,
    reason: 'AlreadyExists',
    code: 409,
    details: { name, ...(info.group ? { group: info.group } : {}), kind: info.resource },
  };
}

/** Builds the optimistic-concurrency Conflict Status. */
export function conflict(kind: string, name: string): StatusError {
  const info = kindInfo(kind);
  return {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message: `Operation cannot be fulfilled on ${qualifiedResource(kind)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    reason: 'Conflict',
    code: 409,
    details: { name, ...(info.group ? { group: info.group } : {}), kind: info.resource },
  };
}

/** Builds a BadRequest Status with the given message. */
export function badRequest(message: string): StatusError {
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason: 'BadRequest', code: 400 };
}
