"""Rule kinds: how a rule's ``params`` become matches. One module per kind."""
