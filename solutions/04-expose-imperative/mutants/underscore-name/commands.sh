kubectl get pods --show-labels
kubectl expose pod hello-pod --name=hello_svc --target-port=8080 --type=NodePort
kubectl get svc
