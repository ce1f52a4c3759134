kubectl get pods --show-labels
kubectl expose pod hello-pod --name=hello-svc --target-port=8080
kubectl get svc
