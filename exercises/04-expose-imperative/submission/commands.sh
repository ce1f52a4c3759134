# Exercise 04: the grader runs these kubectl lines in order, as if you typed them.
# hello-pod already exists. Look at it first:
kubectl get pods --show-labels

# TODO: one `kubectl expose pod …` line that creates a Service named hello-svc
#       of type NodePort, sending traffic to the port the app listens on (8080).

# Then look at what you made (these only print):
kubectl get svc
