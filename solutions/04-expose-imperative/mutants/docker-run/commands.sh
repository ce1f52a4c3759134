kubectl get pods --show-labels
docker run -d -p 8080:8080 nigelpoulton/getting-started-k8s:1.0
kubectl get svc
