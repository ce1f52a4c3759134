kubectl get pods --show-labels
kubectl expose pod hello --name=hello-svc --target-port=8080 --type=NodePort
kubectl get svc
