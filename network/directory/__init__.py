"""The public directory's searches that span actors and their services: the actor
map (actors filtered by what their active services offer) and each actor's axes."""
