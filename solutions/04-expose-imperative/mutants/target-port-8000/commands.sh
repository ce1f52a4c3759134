kubectl get pods --show-labels
kubectl expose pod hello-pod --name=hello-svc --target-port=8000 --type=NodePort
kubectl get svc
