/** The course's hello-pod as a learner writes it (tests assert positions in it: label line 6, image line 10, containerPort line 12). */
export const HELLO_POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: hello-pod
  labels:
    app: web
spec:
  containers:
    - name: web-ctr
      image: nigelpoulton/getting-started-k8s:1.0
      ports:
        - containerPort: 8080
`;
