import { defineExerciseTests } from '../../harness/vitest/index.ts';

defineExerciseTests(import.meta.url);
