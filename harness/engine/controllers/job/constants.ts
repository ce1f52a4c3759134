/** Names, reasons and messages of the Job controller (pkg/controller/job, k8s.io/api/batch/v1, v1.34). */

export const JOB_CONTROLLER = 'job-controller';

/** The annotation (and, since PodIndexLabel, label) with an Indexed Job Pod's index. */
export const COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
/** Failed Pods of this index so far (backoffLimitPerIndex). */
export const INDEX_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-failure-count';
/** Keeps finished Pods until the controller has counted them. */
export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

/** Replacement Pods wait 10 s after a failure, doubling per consecutive failure (DefaultJobPodFailureBackOff). */
export const POD_FAILURE_BACKOFF_SECONDS = 10;
/** The back-off never exceeds 10 minutes (MaxJobPodFailureBackOff). */
export const MAX_POD_FAILURE_BACKOFF_SECONDS = 600;
/** Most Pods one sync creates or deletes (MaxPodCreateDeletePerSync). */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** generateName prefixes are cut to this length (apiserver names.MaxGeneratedNameLength). */
export const MAX_GENERATED_NAME_LENGTH = 58;

export const REASON_SUCCESSFUL_CREATE = 'SuccessfulCreate';
export const REASON_FAILED_CREATE = 'FailedCreate';
export const REASON_SUCCESSFUL_DELETE = 'SuccessfulDelete';
export const REASON_FAILED_DELETE = 'FailedDelete';
export const REASON_COMPLETED = 'Completed';
export const REASON_SUSPENDED = 'Suspended';
export const REASON_RESUMED = 'Resumed';
export const REASON_TOO_MANY_SUCCEEDED = 'TooManySucceededPods';

export const MSG_CREATE = (pod: string): string => `Created pod: ${pod}`;
export const MSG_DELETE = (pod: string): string => `Deleted pod: ${pod}`;
export const MSG_FAILED_CREATE = (err: string): string => `Error creating: ${err}`;
export const MSG_FAILED_DELETE = (err: string): string => `Error deleting: ${err}`;
export const MSG_COMPLETED = 'Job completed';
export const MSG_TOO_MANY_SUCCEEDED = 'Too many succeeded pods running after completion count reached';

/** Why a Job finished (condition reason and message; failures are also the Warning event). */
export const FINISH = {
  completionsReached: { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
  backoffLimitExceeded: { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' },
  deadlineExceeded: { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' },
  maxFailedIndexesExceeded: { reason: 'MaxFailedIndexesExceeded', message: 'Job has exceeded the specified maximal number of failed indexes' },
  failedIndexes: { reason: 'FailedIndexes', message: 'Job has failed indexes' },
} as const;

export const SUSPENDED = { reason: 'JobSuspended', message: 'Job suspended' } as const;
export const RESUMED = { reason: 'JobResumed', message: 'Job resumed' } as const;
