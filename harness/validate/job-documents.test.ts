import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../load/index.ts';
import { validateDocuments } from './index.ts';

const validate = (text: string) => validateDocuments(parseManifestText('job.yaml', text).documents);

describe('validateDocuments on Jobs', () => {
  it('accepts a Job (a simulated kind now) and reports what the simulation does not model at its line', () => {
    const result = validate(`apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  podFailurePolicy:
    rules: []
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: pi
          image: perl:5.34
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: data
`);
    expect(result.resources).toHaveLength(1);
    expect(result.issues.map((i) => `${i.severity} ${i.line} ${i.message}`)).toEqual([
      "info 6 spec.podFailurePolicy: kubegrade's simulated cluster does not model pod failure policies; it is accepted as the API server would, but every failed Pod counts towards backoffLimit here",
      "info 16 spec.template.spec.volumes[0].persistentVolumeClaim: kubegrade's simulated cluster does not model PersistentVolumeClaims; it is accepted as the API server would, but the Pod starts without the claim being bound and nothing is stored",
    ]);
  });

  it('reports the Job restartPolicy rule with the API server message and points at the template', () => {
    const result = validate(`apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
        - name: pi
          image: perl:5.34
`);
    expect(result.resources).toEqual([]);
    expect(result.issues.map((i) => `${i.severity} ${i.code} ${i.message}`)).toEqual(['error validate/invalid The Job "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  });

  it('keeps CronJob a kind kubegrade does not simulate', () => {
    expect(validate('apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\n').issues.map((i) => i.code)).toEqual(['validate/unsupported-kind']);
  });
});
